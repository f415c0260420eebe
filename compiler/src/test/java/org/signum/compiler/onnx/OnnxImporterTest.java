package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.floatAttr;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.GraphBuilder.intsAttr;
import static org.signum.compiler.onnx.GraphBuilder.stringAttr;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.IrPrinter;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Each pattern the importer lowers, on a small graph built as Brevitas or FINN would export it: the
 * IR it gives, and that the IR, its golden reference and the compiled program on the simulator
 * compute exactly what the float evaluator computes from the graph.
 */
class OnnxImporterTest {
  private static final String BREVITAS = "onnx.brevitas";
  private static final String FINN = "finn.custom_op.general";

  private static float[] signs(Random r, int n) {
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = r.nextBoolean() ? 1f : -1f;
    }
    return w;
  }

  private static List<String> kinds(Network net) {
    return net.layers().stream().map(Layer::kind).toList();
  }

  private static void assertExact(ImportedNetwork imported, int inputs) throws Exception {
    LoweringCheck.assertExact(imported, LoweringCheck.randomInputs(imported, inputs, 7));
  }

  /** Brevitas's batch norm with every kind of scale: positive, negative and zero. */
  private static GraphBuilder batchNorm(GraphBuilder g, String in, String out, String suffix) {
    return g.floats("gamma" + suffix, dims(5), 1.5f, -0.7f, 0f, 2f, 1f)
        .floats("beta" + suffix, dims(5), 0.1f, 0.2f, 0.3f, -0.1f, 0f)
        .floats("mean" + suffix, dims(5), 0.5f, -1f, 0f, 2f, -0.3f)
        .floats("var" + suffix, dims(5), 2f, 3f, 1f, 0.5f, 4f)
        .node(
            "BatchNormalization",
            List.of(in, "gamma" + suffix, "beta" + suffix, "mean" + suffix, "var" + suffix),
            List.of(out));
  }

  /** TFC_1W1A in small: 2x3 pixels, 5 hidden neurons, 3 classes, Brevitas's TensorNorm. */
  private static GraphBuilder brevitasTfc(long seed) {
    Random r = new Random(seed);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 1, 2, 3)
            .longs("shape", dims(2), 1, -1)
            .node("Reshape", List.of("x", "shape"), List.of("flat"))
            .scalar("two", 2)
            .floats("one", dims(1), 1)
            .node("Mul", List.of("flat", "two"), List.of("doubled"))
            .node("Sub", List.of("doubled", "one"), List.of("centred"))
            .scalar("unit", 1)
            .custom(BREVITAS, "BipolarQuant", List.of("centred", "unit"), List.of("b0"))
            .floats("w1", dims(6, 5), signs(r, 30))
            .node("MatMul", List.of("b0", "w1"), List.of("s1"));
    return batchNorm(g, "s1", "n1", "1")
        .custom(BREVITAS, "BipolarQuant", List.of("n1", "unit"), List.of("b1"))
        .floats("w2", dims(5, 3), signs(r, 15))
        .node("MatMul", List.of("b1", "w2"), List.of("s2"))
        .floats("mean", dims(1), 0.25f)
        .floats("deviation", dims(1), 1.7f)
        .floats("weight", dims(1), 0.6f)
        .floats("bias", dims(1), -1.1f)
        .node("Sub", List.of("s2", "mean"), List.of("t1"))
        .node("Div", List.of("t1", "deviation"), List.of("t2"))
        .node("Mul", List.of("t2", "weight"), List.of("t3"))
        .node("Add", List.of("t3", "bias"), List.of("scores"))
        .output("scores", 1, 3);
  }

  @Test
  void brevitasTfcLowersToBinaryLayersWithItsInputScaleAndTensorNorm() throws Exception {
    ImportedNetwork imported = LoweringCheck.lower(brevitasTfc(1), Rational.of(1, 255));
    Network net = imported.network();
    assertEquals(
        List.of(
            "input",
            "affine",
            "sign",
            "dense",
            "batchnorm",
            "affine",
            "sign",
            "dense",
            "batchnorm",
            "affine",
            "scores",
            "argmax"),
        kinds(net),
        IrPrinter.print(net));
    Input in = (Input) net.layer(0);
    assertEquals("1x2x3", in.shape().toString());
    assertEquals(Rational.of(1, 255), in.scale());
    assertEquals("Mul_1+Sub_2", net.layer(1).name());
    Affine scale = (Affine) net.layer(1);
    assertEquals(1, scale.scale().size(), "one channel: the input keeps its shape");
    assertEquals("Sub_8+Div_9", net.layer(8).name());
    assertEquals("Mul_10+Add_11", net.layer(9).name());
    assertEquals(Rational.of(1, 255), imported.inputScale());
    assertEquals("given", imported.inputScaleOrigin());
    assertEquals("scores", imported.scoresTensor());
    assertEquals(Optional.empty(), imported.classTensor());
    assertExact(imported, 300);
  }

  @Test
  void withoutAnnotationOrScaleTheInputScaleIsOne() throws Exception {
    ImportedNetwork imported = LoweringCheck.lower(brevitasTfc(2), null);
    assertEquals(Rational.ONE, imported.inputScale());
    assertEquals(
        "the default: graph input 'x' carries no datatype annotation", imported.inputScaleOrigin());
    assertExact(imported, 100);
  }

  /** FINN's streamlined TFC in small: raw pixels, thresholds, batch norms around Unsqueeze. */
  private static GraphBuilder finnTfc(long seed) {
    Random r = new Random(seed);
    GraphBuilder g =
        new GraphBuilder()
            .input("in", 1, 1, 2, 3)
            .annotate("in", "finn_datatype", "UINT8")
            .scalar("full", 255)
            .node("Div", List.of("in", "full"), List.of("unit"))
            .longs("shape", dims(2), 1, -1)
            .node("Reshape", List.of("unit", "shape"), List.of("flat"))
            .scalar("two", 2)
            .floats("one", dims(1), 1)
            .node("Mul", List.of("flat", "two"), List.of("doubled"))
            .node("Sub", List.of("doubled", "one"), List.of("centred"))
            .floats("zero", dims(1, 1), 0)
            .custom(FINN, "MultiThreshold", List.of("centred", "zero"), List.of("a0"), bipolar())
            .floats("w1", dims(6, 5), signs(r, 30))
            .node("MatMul", List.of("a0", "w1"), List.of("s1"))
            .scalar("unitScale", 1)
            .node("Mul", List.of("s1", "unitScale"), List.of("s1b"))
            .longs("axis", dims(1), 2)
            .node("Unsqueeze", List.of("s1b", "axis"), List.of("u1"));
    return batchNorm(g, "u1", "n1", "1")
        .node("Squeeze", List.of("n1", "axis"), List.of("q1"))
        .custom(FINN, "MultiThreshold", List.of("q1", "zero"), List.of("a1"), bipolar())
        .floats("w2", dims(5, 3), signs(r, 15))
        .node("MatMul", List.of("a1", "w2"), List.of("s2"))
        .longs("k", dims(1), 1)
        .node("TopK", List.of("s2", "k"), List.of("top", "index"), intAttr("axis", -1))
        .outputName("index");
  }

  private static org.signum.compiler.onnx.proto.Onnx.AttributeProto[] bipolar() {
    return new org.signum.compiler.onnx.proto.Onnx.AttributeProto[] {
      stringAttr("out_dtype", "BIPOLAR"), floatAttr("out_scale", 2), floatAttr("out_bias", -1)
    };
  }

  @Test
  void finnStreamlinedTfcTakesRawBytesAndFoldsItsDivisionIntoTheInputScale() throws Exception {
    ImportedNetwork imported = LoweringCheck.lower(finnTfc(3), null);
    Network net = imported.network();
    assertEquals(
        List.of(
            "input",
            "affine",
            "sign",
            "dense",
            "batchnorm",
            "affine",
            "sign",
            "dense",
            "scores",
            "argmax"),
        kinds(net),
        IrPrinter.print(net));
    assertEquals(Rational.of(1, 255), ((Input) net.layer(0)).scale());
    assertEquals(Rational.ONE, imported.inputScale());
    assertEquals("the UINT8 annotation of graph input 'in'", imported.inputScaleOrigin());
    assertEquals("s2", imported.scoresTensor());
    assertEquals(Optional.of("index"), imported.classTensor());
    assertExact(imported, 300);
  }

  @Test
  void aWholeMultiplierBeforeTheDivisionFoldsTooWhileTheInputStaysExact() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("in", 1, 4)
            .annotate("in", "finn_datatype", "UINT8")
            .scalar("four", 4)
            .scalar("full", 255)
            .node("Mul", List.of("in", "four"), List.of("m"))
            .node("Div", List.of("m", "full"), List.of("d"))
            .floats("half", dims(1), 0.5f)
            .node("Sub", List.of("d", "half"), List.of("c"))
            .custom(BREVITAS, "BipolarQuant", List.of("c", "half"), List.of("b"))
            .floats("w", dims(4, 3), signs(new Random(4), 12))
            .node("MatMul", List.of("b", "w"), List.of("y"))
            .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, null);
    assertEquals(
        List.of("input", "affine", "sign", "dense", "affine", "scores", "argmax"),
        kinds(imported.network()));
    assertEquals(Rational.of(4, 255), ((Input) imported.network().layer(0)).scale());
    // Activations of +-0.5 make sums of halves: an affine after the dense layer restores them.
    assertEquals(0.5f, ((Affine) imported.network().layer(4)).scale().get(0));
    assertExact(imported, 100);
  }

  @Test
  void thresholdsOnIntegerSumsBecomeIntegerThresholds() throws Exception {
    Random r = new Random(5);
    GraphBuilder g =
        new GraphBuilder()
            .input("in", 1, 8)
            .annotate("in", "finn_datatype", "BIPOLAR")
            .floats("w1", dims(8, 4), signs(r, 32))
            .node("MatMul", List.of("in", "w1"), List.of("s"))
            .floats("t", dims(4, 1), -1.5f, 0f, 9f, -9f)
            .custom(FINN, "MultiThreshold", List.of("s", "t"), List.of("a"), bipolar())
            .floats("w2", dims(4, 3), signs(r, 12))
            .node("MatMul", List.of("a", "w2"), List.of("y"))
            .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, null);
    Network net = imported.network();
    assertEquals(List.of("input", "dense", "threshold", "dense", "scores", "argmax"), kinds(net));
    assertEquals(Input.Encoding.BIPOLAR, ((Input) net.layer(0)).encoding());
    Threshold t = (Threshold) net.layer(2);
    assertEquals(Threshold.Operand.VALUE, t.operand());
    assertEquals(
        List.of(
            ThresholdRule.atLeast(-1),
            ThresholdRule.atLeast(0),
            ThresholdRule.never(),
            ThresholdRule.always()),
        t.rules());
    // Eight bipolar inputs: all 256 of them.
    List<int[]> all = new java.util.ArrayList<>();
    for (int bits = 0; bits < 256; bits++) {
      int[] x = new int[8];
      for (int i = 0; i < 8; i++) {
        x[i] = (bits >> i & 1) == 1 ? 1 : -1;
      }
      all.add(x);
    }
    LoweringCheck.assertExact(imported, all);
  }

  @Test
  void aThresholdOnRawBytesIsAThresholdOnTheInput() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("in", 1, 6)
            .annotate("in", "finn_datatype", "UINT8")
            .floats("t", dims(1, 1), 127.5f)
            .custom(FINN, "MultiThreshold", List.of("in", "t"), List.of("a"), bipolar())
            .floats("w", dims(6, 3), signs(new Random(13), 18))
            .node("MatMul", List.of("a", "w"), List.of("y"))
            .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, null);
    Network net = imported.network();
    assertEquals(List.of("input", "threshold", "dense", "scores", "argmax"), kinds(net));
    Threshold t = (Threshold) net.layer(1);
    // A one-dimensional input has a channel per element.
    assertEquals(java.util.Collections.nCopies(6, ThresholdRule.atLeast(128)), t.rules());
    assertExact(imported, 100);
  }

  @Test
  void signOfASumThatIsNeverZeroIsBinary() throws Exception {
    Random r = new Random(6);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 7)
            .scalar("middle", 100.5f)
            .node("Sub", List.of("x", "middle"), List.of("c"))
            .node("Sign", List.of("c"), List.of("b0"))
            .floats("w1", dims(7, 4), signs(r, 28))
            .node("MatMul", List.of("b0", "w1"), List.of("s1"))
            .node("Sign", List.of("s1"), List.of("b1"))
            .floats("w2", dims(4, 3), signs(r, 12))
            .node("MatMul", List.of("b1", "w2"), List.of("y"))
            .output("y", 1, 3);
    // Whole bytes minus 100.5 are never 0, and seven inputs make odd sums.
    ImportedNetwork imported = LoweringCheck.lower(g, null);
    assertEquals(
        List.of("input", "affine", "sign", "dense", "sign", "dense", "scores", "argmax"),
        kinds(imported.network()));
    assertExact(imported, 200);
  }

  @Test
  void aOneBitSignedQuantIsBipolarAfterItsDivision() throws Exception {
    Random r = new Random(7);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 5)
            .scalar("middle", 0.4f)
            .node("Sub", List.of("x", "middle"), List.of("c"))
            .scalar("scale", 0.75f)
            .scalar("zero", 0)
            .scalar("bits", 1)
            .custom(
                BREVITAS,
                "Quant",
                List.of("c", "scale", "zero", "bits"),
                List.of("q"),
                intAttr("signed", 1),
                intAttr("narrow", 0))
            .floats("w", dims(5, 3), signs(r, 15))
            .node("MatMul", List.of("q", "w"), List.of("y"))
            .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, Rational.of(1, 255));
    Network net = imported.network();
    assertEquals(
        List.of("input", "batchnorm", "sign", "dense", "affine", "scores", "argmax"), kinds(net));
    BatchNorm division = (BatchNorm) net.layer(1);
    assertEquals(0.4f, division.mean().get(0), "the subtraction merges into the division");
    assertEquals(0.75f * 0.75f, division.var().get(0));
    assertExact(imported, 200);
  }

  @Test
  void gemmTransposesScalesAndAddsItsBias() throws Exception {
    Random r = new Random(8);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 6)
            .scalar("middle", 0.5f)
            .node("Sub", List.of("x", "middle"), List.of("c"))
            .scalar("unit", 1)
            .custom(BREVITAS, "BipolarQuant", List.of("c", "unit"), List.of("b"))
            .floats("w", dims(3, 6), signs(r, 18))
            .floats("bias", dims(3), 0.3f, -1.25f, 2f)
            .node(
                "Gemm",
                List.of("b", "w", "bias"),
                List.of("y"),
                intAttr("transB", 1),
                floatAttr("alpha", 0.37f),
                floatAttr("beta", 1.5f))
            .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, Rational.of(1, 255));
    assertEquals(
        List.of("input", "affine", "sign", "dense", "affine", "scores", "argmax"),
        kinds(imported.network()));
    Affine affine = (Affine) imported.network().layer(4);
    assertEquals(0.37f, affine.scale().get(1));
    assertEquals(1.5f * -1.25f, affine.bias().get(1));
    assertExact(imported, 200);
  }

  @Test
  void perPixelConstantsKeepTheInputFlat() throws Exception {
    Random r = new Random(9);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 1, 2, 3)
            .floats("gain", dims(1, 1, 2, 3), 1f, -2f, 0.5f, 3f, 1f, -1f)
            .node("Mul", List.of("x", "gain"), List.of("m"))
            .scalar("middle", 0.25f)
            .node("Sub", List.of("m", "middle"), List.of("c"))
            .scalar("unit", 1)
            .custom(BREVITAS, "BipolarQuant", List.of("c", "unit"), List.of("b"))
            .longs("shape", dims(2), 1, 6)
            .node("Reshape", List.of("b", "shape"), List.of("flat"))
            .floats("w", dims(6, 3), signs(r, 18))
            .node("MatMul", List.of("flat", "w"), List.of("y"))
            .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, Rational.of(1, 255));
    Input in = (Input) imported.network().layer(0);
    assertEquals("6", in.shape().toString());
    assertEquals(6, ((Affine) imported.network().layer(1)).scale().size());
    assertExact(imported, 200);
  }

  @Test
  void aDenseLayerOnTheRawBytesIsComputedByBitPlanes() throws Exception {
    Random r = new Random(10);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 6)
            .floats("w1", dims(6, 5), signs(r, 30))
            .node("MatMul", List.of("x", "w1"), List.of("s1"));
    g = batchNorm(g, "s1", "n1", "1").scalar("unit", 1);
    g.custom(BREVITAS, "BipolarQuant", List.of("n1", "unit"), List.of("b1"))
        .floats("w2", dims(5, 3), signs(r, 15))
        .node("MatMul", List.of("b1", "w2"), List.of("y"))
        .output("y", 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, Rational.of(1, 4));
    assertEquals(
        List.of("input", "dense", "batchnorm", "affine", "sign", "dense", "scores", "argmax"),
        kinds(imported.network()));
    assertExact(imported, 200);
  }

  @Test
  void scalingBinaryActivationsAndTransposingSizeOneAxesAddNoLayers() throws Exception {
    Random r = new Random(11);
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 1, 6)
            .scalar("middle", 0.5f)
            .node("Sub", List.of("x", "middle"), List.of("c"))
            .scalar("unit", 1)
            .custom(BREVITAS, "BipolarQuant", List.of("c", "unit"), List.of("b"))
            .scalar("four", 4)
            .node("Mul", List.of("b", "four"), List.of("b4"))
            .node("Transpose", List.of("b4"), List.of("t"), intsAttr("perm", 1, 0, 2))
            .floats("w", dims(6, 3), signs(r, 18))
            .node("MatMul", List.of("t", "w"), List.of("y"))
            .output("y", 1, 1, 3);
    ImportedNetwork imported = LoweringCheck.lower(g, Rational.of(1, 255));
    assertEquals(
        List.of("input", "affine", "sign", "dense", "affine", "scores", "argmax"),
        kinds(imported.network()));
    assertEquals(4f, ((Affine) imported.network().layer(4)).scale().get(0));
    assertExact(imported, 100);
  }

  @Test
  void layerNamesAreMadeUniqueAndPrintable() throws Exception {
    GraphBuilder g = brevitasTfc(12);
    g.graph().getNodeBuilder(1).setName("a b");
    g.graph().getNodeBuilder(3).setName("a_b");
    g.graph().getNodeBuilder(4).setName("a#b");
    ImportedNetwork imported = LoweringCheck.lower(g, Rational.of(1, 255));
    List<String> names = imported.network().layers().stream().map(Layer::name).toList();
    assertEquals(List.of("x", "a_b+Sub_2", "a_b", "a_b_2"), names.subList(0, 4));
    assertEquals(names.size(), names.stream().distinct().count(), names.toString());
  }
}
