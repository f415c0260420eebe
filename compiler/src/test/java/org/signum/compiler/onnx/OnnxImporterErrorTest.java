package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.floatAttr;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.GraphBuilder.intsAttr;
import static org.signum.compiler.onnx.GraphBuilder.stringAttr;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;

/** Every refusal of the ONNX-to-IR lowering, each pinned next to the graph that causes it. */
class OnnxImporterErrorTest {
  private static final String AT = GraphBuilder.SOURCE + ": ";
  private static final String BREVITAS = "onnx.brevitas";
  private static final String FINN = "finn.custom_op.general";
  private static final String BINARY_ONLY =
      "Signum's layer IR has binary activations only (+a/-a: BipolarQuant, a signed 1-bit Quant,"
          + " a MultiThreshold with one threshold per channel, or a Sign whose input is never 0);"
          + " see docs/onnx-import.md";

  /** x [1, 4], binarized at 0.5 by BipolarQuant into 'b'. */
  private static GraphBuilder binarized() {
    return new GraphBuilder()
        .input("x", 1, 4)
        .scalar("middle", 0.5f)
        .node("Sub", List.of("x", "middle"), List.of("c"))
        .scalar("unit", 1)
        .custom(BREVITAS, "BipolarQuant", List.of("c", "unit"), List.of("b"));
  }

  /** {@link #binarized} then a dense layer of two outputs with weights {@code w} into 's'. */
  private static GraphBuilder dense(float... w) {
    return binarized().floats("w", dims(4, 2), w).node("MatMul", List.of("b", "w"), List.of("s"));
  }

  private static final float[] SIGNS = {1, -1, 1, 1, -1, -1, 1, -1};

  private static GraphBuilder quant(float bits, int signed, float zero) {
    return new GraphBuilder()
        .input("x", 1, 4)
        .scalar("scale", 1)
        .scalar("zero", zero)
        .scalar("bits", bits)
        .custom(
            BREVITAS,
            "Quant",
            List.of("x", "scale", "zero", "bits"),
            List.of("q"),
            intAttr("signed", signed),
            intAttr("narrow", 1))
        .outputName("q");
  }

  private static GraphBuilder threshold(long[] tDims, float[] t, AttributeProto... attrs) {
    return new GraphBuilder()
        .input("x", 1, 4)
        .floats("t", tDims, t)
        .custom(FINN, "MultiThreshold", List.of("x", "t"), List.of("y"), attrs)
        .outputName("y");
  }

  private static Arguments when(String description, Supplier<GraphBuilder> model, String message) {
    return Arguments.of(description, model, message);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        // Activations with more than two levels.
        when(
            "a 2-bit quantizer",
            () -> quant(2, 1, 0),
            "node 'Quant_0' (Quant): a 2-bit signed narrow quantizer (integers -1 to 1) is not"
                + " supported: "
                + BINARY_ONLY),
        when(
            "an unsigned 1-bit quantizer",
            () -> quant(1, 0, 0),
            "node 'Quant_0' (Quant): a 1-bit unsigned narrow quantizer (integers 0 to 0) is not"
                + " supported: "
                + BINARY_ONLY),
        when(
            "a 1-bit quantizer with a zero point",
            () -> quant(1, 1, 0.5f),
            "node 'Quant_0' (Quant): a 1-bit quantizer with a zero point other than 0 outputs two"
                + " values that are not +a and -a; "
                + BINARY_ONLY),
        when(
            "three thresholds",
            () ->
                threshold(
                    dims(1, 3),
                    new float[] {-1, 0, 1},
                    stringAttr("out_dtype", "INT2"),
                    floatAttr("out_bias", -2)),
            "node 'MultiThreshold_0' (MultiThreshold): 3 thresholds per channel make 4 output"
                + " levels, a 2-bit activation (out_dtype INT2), which is not supported: "
                + BINARY_ONLY),
        when(
            "a threshold to 0 and 1",
            () -> threshold(dims(1, 1), new float[] {0}, stringAttr("out_dtype", "BINARY")),
            "node 'MultiThreshold_0' (MultiThreshold): outputs 0.0 below its threshold and 1.0 at"
                + " or above it; Signum's activations are -a and +a with a > 0 (out_scale > 0 and"
                + " out_bias = -out_scale / 2)"),
        when(
            "a threshold of binary activations",
            () ->
                binarized()
                    .floats("t", dims(1, 1), 0)
                    .custom(
                        FINN,
                        "MultiThreshold",
                        List.of("b", "t"),
                        List.of("y"),
                        stringAttr("out_dtype", "BIPOLAR"),
                        floatAttr("out_scale", 2),
                        floatAttr("out_bias", -1))
                    .outputName("y"),
            "node 'MultiThreshold_2' (MultiThreshold): thresholds binary activations again; "
                + BINARY_ONLY),
        when(
            "Sign of a sum that can be 0",
            () ->
                dense(SIGNS)
                    .node("Sign", List.of("s"), List.of("y"))
                    .floats("w2", dims(2, 2), 1, -1, 1, 1)
                    .node("MatMul", List.of("y", "w2"), List.of("z"))
                    .outputName("z"),
            "node 'Sign_3' (Sign): its input is 0.0 at element 0 when the sum of 'MatMul_2' is 0;"
                + " ONNX's Sign gives 0 there, which is not a binary value (BipolarQuant gives +1)."
                + " Signum compiles Sign only where its input is never 0"),
        when(
            "Sign of the input",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .node("Sign", List.of("x"), List.of("y"))
                    .outputName("y"),
            "node 'Sign_0' (Sign): its input is 0.0 at element 0 when the input byte is 0; ONNX's"
                + " Sign gives 0 there, which is not a binary value (BipolarQuant gives +1)."
                + " Signum compiles Sign only where its input is never 0"),
        when(
            "a quantizer scale per element",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("scale", dims(4), 1, 2, 3, 4)
                    .custom(BREVITAS, "BipolarQuant", List.of("x", "scale"), List.of("y"))
                    .outputName("y"),
            "node 'BipolarQuant_0' (BipolarQuant): the scale must be one positive number for the"
                + " whole tensor, so that the activations are +a or -a"),
        // Dense layers.
        when(
            "ternary weights",
            () -> dense(1, -1, 0, 1, -1, -1, 1, -1).outputName("s"),
            "node 'MatMul_2' (MatMul): weights 'w': output 0 has weights 1.0 and 0.0 (at input"
                + " 1); Signum's dense layers need every weight of an output to be +g or -g for one"
                + " finite g > 0 (binary weights)"),
        when(
            "weights of two magnitudes",
            () -> dense(1, -1, 1, 1, -1, -2, 1, -1).outputName("s"),
            "node 'MatMul_2' (MatMul): weights 'w': output 1 has weights 1.0 and -2.0 (at input"
                + " 2); Signum's dense layers need every weight of an output to be +g or -g for one"
                + " finite g > 0 (binary weights)"),
        when(
            "a dense layer on floats",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("middle", 0.5f)
                    .node("Sub", List.of("x", "middle"), List.of("c"))
                    .floats("w", dims(4, 2), SIGNS)
                    .node("MatMul", List.of("c", "w"), List.of("s"))
                    .outputName("s"),
            "node 'MatMul_1' (MatMul): reads values that are not binary; Signum's dense layers"
                + " read binary activations (after BipolarQuant, MultiThreshold or Sign) or the"
                + " 8-bit input itself"),
        when(
            "a dense layer on several rows",
            () ->
                new GraphBuilder()
                    .input("x", 1, 2, 2)
                    .scalar("unit", 1)
                    .custom(BREVITAS, "BipolarQuant", List.of("x", "unit"), List.of("b"))
                    .floats("w", dims(2, 2), 1, -1, 1, 1)
                    .node("MatMul", List.of("b", "w"), List.of("s"))
                    .outputName("s"),
            "node 'MatMul_1' (MatMul): multiplies each of the 2 rows of [1, 2, 2] by the weights;"
                + " Signum's dense layers take the whole input as one row (flatten it first)"),
        when(
            "binary sums that round in float32",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("tenth", 0.1f)
                    .custom(BREVITAS, "BipolarQuant", List.of("x", "tenth"), List.of("b"))
                    .floats("w", dims(4, 2), SIGNS)
                    .node("MatMul", List.of("b", "w"), List.of("s"))
                    .outputName("s"),
            "node 'MatMul_1' (MatMul): its float32 sums of 4 products +-0.1 (activations +-0.1"
                + " times weights +-1.0 of output 0) can round, while Signum's sums are exact"),
        when(
            "weights times the computed tensor",
            () ->
                binarized()
                    .floats("w", dims(2, 1), 1, -1)
                    .node("MatMul", List.of("w", "b"), List.of("s"))
                    .outputName("s"),
            "node 'MatMul_2' (MatMul): multiplies constant A by the computed tensor as B; Signum"
                + " computes the computed tensor times constant weights"),
        // Float arithmetic.
        when(
            "a constant divided by the computed tensor",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("one", 1)
                    .node("Div", List.of("one", "x"), List.of("y"))
                    .outputName("y"),
            "node 'Div_0' (Div): divides a constant by the computed tensor; Signum supports"
                + " division by constants only"),
        when(
            "a division by a number whose square overflows",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("huge", 1e30f)
                    .node("Div", List.of("x", "huge"), List.of("y"))
                    .outputName("y"),
            "node 'Div_0' (Div): divides element 0 by 1.0E30; Signum divides by a finite, nonzero"
                + " d whose square does not overflow or underflow float32"),
        when(
            "an addition to binary activations",
            () ->
                binarized()
                    .scalar("one", 1)
                    .node("Add", List.of("b", "one"), List.of("y"))
                    .outputName("y"),
            "node 'Add_2' (Add): Add of binary activations is supported only as a multiplication"
                + " or division by one positive number for the whole tensor, which keeps them +a"
                + " or -a"),
        when(
            "a batch norm of binary activations",
            () ->
                binarized()
                    .floats("p", dims(4), 1, 1, 1, 1)
                    .node("BatchNormalization", List.of("b", "p", "p", "p", "p"), List.of("y"))
                    .outputName("y"),
            "node 'BatchNormalization_2' (BatchNormalization): normalizes binary activations;"
                + " Signum applies float arithmetic only to integer sums and the 8-bit input,"
                + " before they are binarized"),
        when(
            "a constant that broadcasts the computed tensor",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("col", dims(3, 1), 1, 2, 3)
                    .node("Mul", List.of("x", "col"), List.of("y"))
                    .outputName("y"),
            "node 'Mul_0' (Mul): the constant operand of shape [3, 1] broadcasts the computed"
                + " tensor [1, 4] to [3, 4]; Signum needs each element of the computed tensor to"
                + " stay one element"),
        when(
            "Pow of the input",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("two", 2)
                    .node("Pow", List.of("x", "two"), List.of("y"))
                    .outputName("y"),
            "node 'Pow_0' (Pow): operator 'Pow' on values computed from the input is not"
                + " supported by Signum's compiler; it compiles Add, BatchNormalization,"
                + " BipolarQuant, Div, Flatten, Gemm, Identity, MatMul, Mul, MultiThreshold, Quant"
                + " (1-bit), Reshape, Sign, Squeeze, Sub, TopK (k = 1), Transpose (keeping the"
                + " element order), Unsqueeze, and folds constant subgraphs of any imported"
                + " operator"),
        when(
            "a transpose that reorders elements",
            () ->
                new GraphBuilder()
                    .input("x", 1, 2, 2)
                    .node("Transpose", List.of("x"), List.of("y"), intsAttr("perm", 0, 2, 1))
                    .outputName("y"),
            "node 'Transpose_0' (Transpose): permutes the elements of [1, 2, 2]; Signum supports"
                + " transposes that keep their order"),
        // The shape of the graph.
        when(
            "a tensor read by two nodes",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("two", 2)
                    .node("Mul", List.of("x", "two"), List.of("y"))
                    .node("Add", List.of("x", "y"), List.of("z"))
                    .outputName("z"),
            "node 'Mul_0' (Mul): 'x' is read by 2 nodes; Signum compiles chains in which each"
                + " result feeds exactly one node"),
        when(
            "a tensor read twice by one node",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .node("Mul", List.of("x", "x"), List.of("y"))
                    .outputName("y"),
            "node 'Mul_0' (Mul): reads 'x' twice; Signum compiles operations of a tensor with"
                + " constants"),
        when(
            "two graph inputs",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .input("y", 1, 4)
                    .node("Add", List.of("x", "y"), List.of("z"))
                    .outputName("z"),
            "the graph has 2 inputs; Signum compiles networks with exactly one"),
        when(
            "a batch of two",
            () ->
                new GraphBuilder()
                    .input("x", 2, 4)
                    .node("Identity", List.of("x"), List.of("y"))
                    .outputName("y"),
            "graph input 'x' has shape [2, 4]; Signum runs one input at a time, so the first"
                + " dimension (the batch) must be 1"),
        when(
            "a signed input",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .annotate("x", "finn_datatype", "INT8")
                    .node("Identity", List.of("x"), List.of("y"))
                    .outputName("y"),
            "graph input 'x' is annotated INT8; Signum's input is 8-bit unsigned (UINT8 or"
                + " narrower), BIPOLAR, or a float taken as an 8-bit value times the input scale"),
        when(
            "binary activations as the output",
            () -> binarized().outputName("b"),
            "graph output 'b' holds binary activations; Signum compiles classifiers that end in"
                + " one row of class scores from a dense layer, optionally scaled per class,"
                + " optionally followed by TopK"),
        when(
            "an output computed without a dense layer",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("two", 2)
                    .node("Mul", List.of("x", "two"), List.of("y"))
                    .outputName("y"),
            "graph output 'y' is computed without a dense layer; Signum compiles classifiers"
                + " that end in one row of class scores from a dense layer, optionally scaled per"
                + " class, optionally followed by TopK"),
        when(
            "two outputs",
            () -> dense(SIGNS).outputName("s").outputName("b"),
            "node 'MatMul_2' (MatMul): 'b' is read by this node and is an output; Signum"
                + " compiles chains in which each result feeds exactly one node"),
        // TopK.
        when(
            "TopK of two",
            () ->
                dense(SIGNS)
                    .longs("k", dims(1), 2)
                    .node("TopK", List.of("s", "k"), List.of("v", "i"))
                    .outputName("i"),
            "node 'TopK_3' (TopK): k = 2 largest along axis -1 of [1, 2]; Signum supports the"
                + " single largest score (k = 1, largest = 1) along the axis of the classes"),
        when(
            "TopK's values used",
            () ->
                dense(SIGNS)
                    .longs("k", dims(1), 1)
                    .node("TopK", List.of("s", "k"), List.of("v", "i"))
                    .outputName("v"),
            "node 'TopK_3' (TopK): its values 'v' are used; Signum computes the class index,"
                + " TopK's second output, only"),
        when(
            "TopK of binary activations",
            () ->
                binarized()
                    .longs("k", dims(1), 1)
                    .node("TopK", List.of("b", "k"), List.of("v", "i"))
                    .outputName("i"),
            "node 'TopK_2' (TopK): selects from values that are not class scores; Signum"
                + " supports TopK only on the scores after the last dense layer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusal(String description, Supplier<GraphBuilder> model, String message) {
    OnnxModel m = load(model.get());
    OnnxImportException e =
        assertThrows(OnnxImportException.class, () -> OnnxImporter.importNetwork(m));
    assertEquals(AT + message, e.getMessage());
  }

  private static OnnxModel load(GraphBuilder g) {
    try {
      return g.load();
    } catch (OnnxImportException e) {
      throw new AssertionError("the graph itself must import: " + e.getMessage(), e);
    }
  }

  @Test
  void aBipolarInputTakesNoScale() {
    OnnxModel m =
        load(
            new GraphBuilder()
                .input("x", 1, 4)
                .annotate("x", "finn_datatype", "BIPOLAR")
                .floats("w", dims(4, 2), SIGNS)
                .node("MatMul", List.of("x", "w"), List.of("s"))
                .outputName("s"));
    OnnxImportException e =
        assertThrows(
            OnnxImportException.class,
            () -> OnnxImporter.importNetwork(m, Optional.of(Rational.of(1, 255))));
    assertEquals(
        AT
            + "graph input 'x' is annotated BIPOLAR (+1/-1 values); an input scale applies only to"
            + " 8-bit inputs",
        e.getMessage());
  }

  @Test
  void theBytesOfTheInputSummedInFloat32MustBeExact() {
    OnnxModel m =
        load(
            new GraphBuilder()
                .input("x", 1, 4)
                .floats("w", dims(4, 2), SIGNS)
                .node("MatMul", List.of("x", "w"), List.of("s"))
                .outputName("s"));
    OnnxImportException e =
        assertThrows(
            OnnxImportException.class,
            () -> OnnxImporter.importNetwork(m, Optional.of(Rational.of(1, 255))));
    assertEquals(
        AT
            + "node 'MatMul_0' (MatMul): reads the 8-bit input (scale 1/255) directly; its float32"
            + " sums of 4 products round unless the weights are +-1 and the scale is n / 2^e with"
            + " 255 * 4 * n < 2^24, while Signum's sums are exact. Binarize the input first, or"
            + " give an input scale that keeps the sums exact",
        e.getMessage());
  }

  @Test
  void anInvalidInputScale() {
    OnnxModel m = load(dense(SIGNS).outputName("s"));
    OnnxImportException e =
        assertThrows(
            OnnxImportException.class,
            () -> OnnxImporter.importNetwork(m, Optional.of(Rational.of(0, 1))));
    assertEquals(
        AT
            + "input scale 0 is not a positive fraction with numerator and denominator in [1,"
            + " 2147483647]",
        e.getMessage());
  }
}
