package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.floatAttr;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.GraphBuilder.intsAttr;
import static org.signum.compiler.onnx.GraphBuilder.stringAttr;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;
import org.signum.compiler.onnx.proto.Onnx.SparseTensorProto;
import org.signum.compiler.onnx.proto.Onnx.StringStringEntryProto;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;
import org.signum.compiler.onnx.proto.Onnx.TensorShapeProto;
import org.signum.compiler.onnx.proto.Onnx.TypeProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

/** Every import diagnostic, each pinned next to the model that causes it. */
class ImportErrorTest {
  private static final String AT = GraphBuilder.SOURCE + ": ";

  /** A model that reads x [1, 4] and applies {@code op} to x and {@code others}. */
  private static GraphBuilder apply(String op, List<String> inputs, AttributeProto... attrs) {
    return new GraphBuilder()
        .input("x", 1, 4)
        .node(op, inputs, List.of("y"), attrs)
        .outputName("y");
  }

  private static GraphBuilder quant(float bits, AttributeProto... attrs) {
    return new GraphBuilder()
        .input("x", 1, 4)
        .scalar("scale", 1)
        .scalar("zero", 0)
        .scalar("bits", bits)
        .custom(
            "onnx.brevitas", "Quant", List.of("x", "scale", "zero", "bits"), List.of("y"), attrs)
        .outputName("y");
  }

  private static GraphBuilder threshold(long[] tDims, AttributeProto... attrs) {
    float[] t = new float[(int) Arrays.stream(tDims).reduce(1, (a, b) -> a * b)];
    return new GraphBuilder()
        .input("x", 1, 4)
        .floats("t", tDims, t)
        .custom("finn.custom_op.general", "MultiThreshold", List.of("x", "t"), List.of("y"), attrs)
        .outputName("y");
  }

  private static GraphBuilder withInitializer(TensorProto t) {
    return new GraphBuilder()
        .input("x", 1, 4)
        .initializer(t)
        .node("Add", List.of("x", "w"), List.of("y"))
        .outputName("y");
  }

  private static TensorProto.Builder floatsNamedW() {
    return GraphBuilder.floatTensor("w", dims(4), 1, 2, 3, 4).toBuilder();
  }

  private static GraphBuilder withInput(ValueInfoProto input) {
    return new GraphBuilder()
        .rawInput(input)
        .node("Identity", List.of("x"), List.of("y"))
        .outputName("y");
  }

  private static ValueInfoProto inputWithDims(TensorShapeProto.Dimension... dims) {
    return ValueInfoProto.newBuilder()
        .setName("x")
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(GraphBuilder.FLOAT)
                        .setShape(TensorShapeProto.newBuilder().addAllDim(Arrays.asList(dims)))))
        .build();
  }

  private static TensorShapeProto.Dimension dim(long value) {
    return TensorShapeProto.Dimension.newBuilder().setDimValue(value).build();
  }

  private static TensorShapeProto.Dimension symbol(String name) {
    return TensorShapeProto.Dimension.newBuilder().setDimParam(name).build();
  }

  private static AttributeProto.Builder attr(String name) {
    return AttributeProto.newBuilder().setName(name);
  }

  private static Arguments when(String description, Supplier<GraphBuilder> model, String message) {
    return Arguments.of(description, model, message);
  }

  static Stream<Arguments> diagnostics() {
    return Stream.of(
        // The graph as a whole.
        when(
            "no opset",
            () -> {
              GraphBuilder g = apply("Sign", List.of("x"));
              g.model().clearOpsetImport();
              return g;
            },
            "declares no operator set (opset_import is empty), which every ONNX model must; is the"
                + " file truncated?"),
        when(
            "no input",
            () -> new GraphBuilder().scalar("c", 1).outputName("c"),
            "has no graph input besides its initializers"),
        when(
            "no output",
            () -> new GraphBuilder().input("x", 1).node("Sign", List.of("x"), List.of("y")),
            "has no graph output"),
        when(
            "output never computed",
            () -> apply("Sign", List.of("x")).outputName("z"),
            "graph output 'z' is not computed by any node, initializer or input"),
        when(
            "output declared with another shape",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .node("Sign", List.of("x"), List.of("y"))
                    .output("y", 1, 5),
            "graph output 'y' is declared FLOAT[1, 5] but the graph computes FLOAT[1, 4]"),
        when(
            "sparse initializer",
            () -> {
              GraphBuilder g = apply("Sign", List.of("x"));
              g.graph().addSparseInitializer(SparseTensorProto.newBuilder().addDims(4));
              return g;
            },
            "has sparse initializers, which Signum does not read; store them as dense tensors"),
        // Graph inputs.
        when(
            "input of a non-tensor type",
            () -> withInput(ValueInfoProto.newBuilder().setName("x").build()),
            "graph input 'x' is not declared as a tensor; Signum reads tensors only"),
        when(
            "input without a shape",
            () ->
                withInput(
                    ValueInfoProto.newBuilder()
                        .setName("x")
                        .setType(
                            TypeProto.newBuilder()
                                .setTensorType(
                                    TypeProto.Tensor.newBuilder().setElemType(GraphBuilder.FLOAT)))
                        .build()),
            "graph input 'x' declares no shape; Signum needs static shapes"),
        when(
            "symbolic dimension after the batch",
            () -> withInput(inputWithDims(dim(1), symbol("width"))),
            "graph input 'x' has dimension 1 = 'width'; Signum needs every dimension but the first"
                + " (the batch) to be a number"),
        when(
            "integer input",
            () -> withInput(GraphBuilder.valueInfo("x", GraphBuilder.INT64, 1, 4)),
            "graph input 'x' has element type INT64; Signum reads FLOAT inputs"),
        when(
            "input of an unreadable type",
            () -> withInput(GraphBuilder.valueInfo("x", 11, 1, 4)),
            "graph input 'x' has element type DOUBLE; Signum reads FLOAT, UINT8, INT8, UINT16,"
                + " INT16, INT32, INT64, BOOL"),
        when(
            "two inputs of one name",
            () -> apply("Sign", List.of("x")).input("x", 1, 4),
            "has two graph inputs named 'x'"),
        when(
            "input without a name",
            () -> apply("Sign", List.of("x")).input("", 1),
            "has a graph input without a name"),
        // Initializers.
        when(
            "external data",
            () ->
                withInitializer(
                    floatsNamedW()
                        .clearRawData()
                        .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(
                            StringStringEntryProto.newBuilder()
                                .setKey("location")
                                .setValue("w.bin"))
                        .build()),
            "initializer 'w' keeps its data in an external file; Signum reads only data stored in"
                + " the model"),
        when(
            "raw data of the wrong size",
            () ->
                withInitializer(
                    floatsNamedW().setRawData(ByteString.copyFrom(new byte[15])).build()),
            "initializer 'w' has 15 bytes of raw_data; its shape [4] of FLOAT needs 16"),
        when(
            "typed data of the wrong count",
            () -> withInitializer(floatsNamedW().clearRawData().addFloatData(1).build()),
            "initializer 'w' holds 1 value; its shape [4] needs 4"),
        when(
            "raw and typed data together",
            () -> withInitializer(floatsNamedW().addFloatData(1).build()),
            "initializer 'w' holds both raw_data and typed data; expected one"),
        when(
            "double initializer",
            () -> withInitializer(floatsNamedW().setDataType(11).build()),
            "initializer 'w' has element type DOUBLE; Signum reads FLOAT, UINT8, INT8, UINT16,"
                + " INT16, INT32, INT64, BOOL"),
        when(
            "unknown element type",
            () -> withInitializer(floatsNamedW().setDataType(99).build()),
            "initializer 'w' has element type number 99, unknown to Signum; Signum reads"
                + " FLOAT, UINT8, INT8, UINT16, INT16, INT32, INT64, BOOL"),
        when(
            "negative dimension",
            () -> withInitializer(floatsNamedW().setDims(0, -4).build()),
            "initializer 'w' has dimension -4 in dims [-4]"),
        when(
            "initializer without a name",
            () -> withInitializer(floatsNamedW().setName("").build()),
            "has an initializer without a name"),
        when(
            "two initializers of one name",
            () -> withInitializer(floatsNamedW().build()).initializer(floatsNamedW().build()),
            "has two initializers named 'w'"),
        // Wiring.
        when(
            "unknown tensor",
            () -> apply("Add", List.of("x", "nowhere")),
            "node 'Add_0' (Add) reads tensor 'nowhere', which no node, initializer or graph input"
                + " provides"),
        when(
            "two writers",
            () -> apply("Sign", List.of("x")).node("Identity", List.of("x"), List.of("y")),
            "tensor 'y' is written by both node 'Sign_0' (Sign) and node 'Identity_1' (Identity)"),
        when(
            "a node writes over an input",
            () -> apply("Sign", List.of("x")).node("Identity", List.of("y"), List.of("x")),
            "node 'Identity_1' (Identity) writes 'x', which is already a graph input or"
                + " initializer"),
        when(
            "cycle",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .node("Add", List.of("x", "b"), List.of("a"))
                    .node("Sign", List.of("a"), List.of("b"))
                    .outputName("b"),
            "the graph has a cycle: these nodes wait on each other's outputs: node 'Add_0' (Add),"
                + " node 'Sign_1' (Sign)"),
        when(
            "node without an operator",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .node(NodeProto.newBuilder().addInput("x").addOutput("y").build())
                    .outputName("y"),
            "unnamed node producing 'y' has no operator type"),
        // Operators and attributes.
        when(
            "unsupported operator",
            () -> apply("Conv", List.of("x")),
            "node 'Conv_0' (Conv): operator 'Conv' is not supported; supported operators: Add,"
                + " BatchNormalization, BipolarQuant, Concat, Constant, Div, Flatten, Gather, Gemm,"
                + " Identity, IntQuant, MatMul, Mul, MultiThreshold, Pow, Quant, Reshape, Shape,"
                + " Sign, Squeeze, Sub, TopK, Transpose, Unsqueeze"),
        when(
            "operator from another domain",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .scalar("s", 1)
                    .node("BipolarQuant", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'BipolarQuant_0' (BipolarQuant): operator BipolarQuant from domain '' is not"
                + " supported; Signum reads BipolarQuant from 'onnx.brevitas',"
                + " 'qonnx.custom_op.general'"),
        when(
            "unknown attribute",
            () -> apply("Sign", List.of("x"), intAttr("fast", 1)),
            "node 'Sign_0' (Sign): attribute 'fast' is not supported; supported attributes: none"),
        when(
            "attribute of the wrong type",
            () -> apply("Transpose", List.of("x"), intAttr("perm", 1)),
            "node 'Transpose_0' (Transpose): attribute 'perm' must be of type INTS, not INT"),
        when(
            "flag that is not 0 or 1",
            () -> apply("Gemm", List.of("x", "x"), intAttr("transB", 2)),
            "node 'Gemm_0' (Gemm): attribute 'transB' must be 0 or 1, not 2"),
        when(
            "graph-valued attribute",
            () ->
                apply(
                    "Sign",
                    List.of("x"),
                    attr("body").setType(AttributeProto.AttributeType.GRAPH).build()),
            "attribute 'body' of node 'Sign_0' (Sign) is of type GRAPH; Signum reads attributes of"
                + " type FLOAT, INT, STRING, TENSOR, FLOATS, INTS and STRINGS"),
        when(
            "attribute referring to a function's",
            () -> apply("Flatten", List.of("x"), attr("axis").setRefAttrName("a").build()),
            "attribute 'axis' of node 'Flatten_0' (Flatten) refers to a function attribute; Signum"
                + " reads no ONNX functions"),
        when(
            "attribute without type or value",
            () -> apply("Flatten", List.of("x"), attr("axis").build()),
            "attribute 'axis' of node 'Flatten_0' (Flatten) has no type and no value Signum reads"),
        when(
            "two attributes of one name",
            () -> apply("Flatten", List.of("x"), intAttr("axis", 1), intAttr("axis", 0)),
            "node 'Flatten_0' (Flatten) has two attributes named 'axis'"),
        when(
            "too many inputs",
            () -> apply("Add", List.of("x", "x", "x")),
            "node 'Add_0' (Add): has 3 inputs; expected 2"),
        when(
            "missing required input",
            () -> apply("Gemm", List.of("x", "")),
            "node 'Gemm_0' (Gemm): input 1 is required but empty"),
        when(
            "too many outputs",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .node("Sign", List.of("x"), List.of("y", "z"))
                    .outputName("y"),
            "node 'Sign_0' (Sign): has 2 outputs; expected 1"),
        when(
            "arithmetic on integers",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .longs("i", dims(1), 1)
                    .node("Add", List.of("i", "i"), List.of("j"))
                    .node("Sign", List.of("x"), List.of("y"))
                    .outputName("y"),
            "node 'Add_0' (Add): input A is INT64; Signum computes it in FLOAT only"),
        when(
            "shapes that do not broadcast",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("c", dims(3), 1, 2, 3)
                    .node("Mul", List.of("x", "c"), List.of("y"))
                    .outputName("y"),
            "node 'Mul_0' (Mul): cannot broadcast shapes [1, 4] and [3]"),
        when(
            "MatMul of mismatched matrices",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("w", dims(3, 1), 1, 2, 3)
                    .node("MatMul", List.of("x", "w"), List.of("y"))
                    .outputName("y"),
            "node 'MatMul_0' (MatMul): inner dimensions differ: A [1, 4] has 4 columns, B [3, 1]"
                + " has 3 rows"),
        when(
            "MatMul by a vector",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("w", dims(4), 1, 2, 3, 4)
                    .node("MatMul", List.of("x", "w"), List.of("y"))
                    .outputName("y"),
            "node 'MatMul_0' (MatMul): multiplies shapes [1, 4] and [4]; Signum supports A of rank"
                + " 2 or more times a matrix B"),
        when(
            "Gemm of a vector",
            () ->
                new GraphBuilder()
                    .input("x", 4)
                    .floats("w", dims(4, 1), 1, 2, 3, 4)
                    .node("Gemm", List.of("x", "w"), List.of("y"))
                    .outputName("y"),
            "node 'Gemm_0' (Gemm): needs matrices, but A has shape [4] and B has shape [4, 1]"),
        when(
            "BatchNormalization in training mode",
            () -> batchNorm(4, intAttr("training_mode", 1)),
            "node 'BatchNormalization_0' (BatchNormalization): training_mode=1 is not supported;"
                + " Signum evaluates inference (training_mode=0)"),
        when(
            "BatchNormalization per element",
            () -> batchNorm(4, intAttr("spatial", 0)),
            "node 'BatchNormalization_0' (BatchNormalization): spatial=0 (statistics per element)"
                + " is not supported; Signum supports spatial=1, one mean and variance per"
                + " channel"),
        when(
            "BatchNormalization with too few parameters",
            () -> batchNorm(3),
            "node 'BatchNormalization_0' (BatchNormalization): input scale has shape [3]; expected"
                + " [4]"),
        when(
            "Quant without signed",
            () -> quant(2, intAttr("narrow", 1)),
            "node 'Quant_0' (Quant): attribute 'signed' is required (0 or 1)"),
        when(
            "Quant of a fractional bit width",
            () -> quant(2.5f, intAttr("signed", 1), intAttr("narrow", 0)),
            "node 'Quant_0' (Quant): bit width 2.5 is not an integer from 1 to 32"),
        when(
            "Quant of zero bits",
            () -> quant(0, intAttr("signed", 1), intAttr("narrow", 0)),
            "node 'Quant_0' (Quant): bit width 0 is not an integer from 1 to 32"),
        when(
            "Quant with an unknown rounding mode",
            () ->
                quant(
                    2,
                    intAttr("signed", 1),
                    intAttr("narrow", 0),
                    stringAttr("rounding_mode", "STOCHASTIC")),
            "node 'Quant_0' (Quant): rounding_mode 'STOCHASTIC' is not supported; supported:"
                + " ROUND, HALF_EVEN, CEIL, FLOOR, UP, DOWN, HALF_UP, HALF_DOWN"),
        when(
            "Quant whose bit width is computed",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .scalar("one", 1)
                    .node("Identity", List.of("x"), List.of("bits"))
                    .custom(
                        "onnx.brevitas",
                        "Quant",
                        List.of("x", "one", "one", "bits"),
                        List.of("y"),
                        intAttr("signed", 1),
                        intAttr("narrow", 0))
                    .outputName("y"),
            "node 'Quant_1' (Quant): input 3 ('bits', the bit width) must be constant, an"
                + " initializer or computed from initializers only, since Signum fixes it at"
                + " import"),
        when(
            "Quant with a bit width per element",
            () ->
                new GraphBuilder()
                    .input("x", 1, 2)
                    .scalar("one", 1)
                    .floats("bits", dims(2), 2, 3)
                    .custom(
                        "onnx.brevitas",
                        "Quant",
                        List.of("x", "one", "one", "bits"),
                        List.of("y"),
                        intAttr("signed", 1),
                        intAttr("narrow", 0))
                    .outputName("y"),
            "node 'Quant_0' (Quant): the bit width must hold exactly one value, but has shape"
                + " [2]"),
        when(
            "MultiThreshold without out_dtype",
            () -> threshold(dims(1, 1)),
            "node 'MultiThreshold_0' (MultiThreshold): attribute 'out_dtype' is required"),
        when(
            "MultiThreshold with an unknown layout",
            () ->
                threshold(
                    dims(1, 1),
                    stringAttr("out_dtype", "BIPOLAR"),
                    stringAttr("data_layout", "NCW")),
            "node 'MultiThreshold_0' (MultiThreshold): data_layout 'NCW' is not supported;"
                + " supported: NCHW, NHWC"),
        when(
            "MultiThreshold with thresholds for other channels",
            () -> threshold(dims(3, 2), stringAttr("out_dtype", "UINT2")),
            "node 'MultiThreshold_0' (MultiThreshold): thresholds have shape [3, 2]; expected [4,"
                + " T] or [1, T] for input [1, 4] with 4 channels on axis 1"),
        when(
            "Reshape to a computed shape",
            () ->
                new GraphBuilder()
                    .input("x", 2)
                    .node("Identity", List.of("x"), List.of("s"))
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_1' (Reshape): input 1 ('s', the target shape) must be constant, an"
                + " initializer or computed from initializers only, since Signum fixes it at"
                + " import"),
        when(
            "Reshape to another size",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("s", dims(2), 3, -1)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): cannot reshape [1, 4] (4 elements) to [3, -1]"),
        when(
            "Reshape with two -1",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("s", dims(2), -1, -1)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): target shape [-1, -1] has more than one -1"),
        when(
            "Reshape to a float shape",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("s", dims(1), 4)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): the target shape must be an integer tensor, not FLOAT"),
        when(
            "axis out of range",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("i", dims(1), 0)
                    .node("Gather", List.of("x", "i"), List.of("y"), intAttr("axis", 2))
                    .outputName("y"),
            "node 'Gather_0' (Gather): axis 2 is out of range for rank 2; expected -2 to 1"),
        when(
            "Gather by float indices",
            () -> apply("Gather", List.of("x", "x")),
            "node 'Gather_0' (Gather): input indices must be an integer tensor, not FLOAT"),
        when(
            "Flatten axis out of range",
            () -> apply("Flatten", List.of("x"), intAttr("axis", 3)),
            "node 'Flatten_0' (Flatten): axis 3 is out of range for rank 2; expected -2 to 2"),
        when(
            "Transpose by a non-permutation",
            () -> apply("Transpose", List.of("x"), intsAttr("perm", 0, 0)),
            "node 'Transpose_0' (Transpose): perm [0, 0] is not a permutation of 0..1"),
        when(
            "Squeeze of an axis longer than 1",
            () -> apply("Squeeze", List.of("x"), intsAttr("axes", 1)),
            "node 'Squeeze_0' (Squeeze): cannot squeeze axis 1 of size 4 in [1, 4]"),
        when(
            "Unsqueeze without axes",
            () -> apply("Unsqueeze", List.of("x")),
            "node 'Unsqueeze_0' (Unsqueeze): gives no axes; expected the attribute 'axes' or input"
                + " 1"),
        when(
            "Unsqueeze axis given twice",
            () -> apply("Unsqueeze", List.of("x"), intsAttr("axes", 0, -4)),
            "node 'Unsqueeze_0' (Unsqueeze): axis -4 is given twice"),
        when(
            "Unsqueeze axis beyond the output",
            () -> apply("Unsqueeze", List.of("x"), intsAttr("axes", 3)),
            "node 'Unsqueeze_0' (Unsqueeze): axis 3 is out of range for rank 3; expected -3 to 2"),
        when(
            "Gather beyond the end",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("i", dims(1), 4)
                    .node("Gather", List.of("x", "i"), List.of("y"), intAttr("axis", 1))
                    .outputName("y"),
            "node 'Gather_0' (Gather): index 4 is out of range for axis 1 of size 4"),
        when(
            "Concat of mismatched shapes",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("c", dims(2, 1), 1, 2)
                    .node("Concat", List.of("x", "c"), List.of("y"), intAttr("axis", 1))
                    .outputName("y"),
            "node 'Concat_0' (Concat): cannot concatenate [1, 4] and [2, 1] along axis 1"),
        when(
            "Concat without axis",
            () -> apply("Concat", List.of("x", "x")),
            "node 'Concat_0' (Concat): attribute 'axis' is required"),
        when(
            "TopK unsorted",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("k", dims(1), 1)
                    .node("TopK", List.of("x", "k"), List.of("v", "i"), intAttr("sorted", 0))
                    .outputName("i"),
            "node 'TopK_0' (TopK): sorted=0 is not supported; Signum returns the top k in order"),
        when(
            "TopK of more than there is",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("k", dims(1), 5)
                    .node("TopK", List.of("x", "k"), List.of("v", "i"))
                    .outputName("i"),
            "node 'TopK_0' (TopK): k = 5 is out of range for axis 1 of size 4"),
        when(
            "TopK without k",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .node("TopK", List.of("x"), List.of("v", "i"))
                    .outputName("i"),
            "node 'TopK_0' (TopK): gives no k; expected input 1 or the attribute 'k'"),
        when(
            "a shape beyond 2^31 elements",
            () ->
                withInitializer(
                    floatsNamedW()
                        .clearRawData()
                        .clearDims()
                        .addDims(65536)
                        .addDims(65536)
                        .build()),
            "initializer 'w': shape [65536, 65536] has more than 2^31 - 1 elements"),
        when(
            "Reshape to a dimension beyond 32 bits",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("s", dims(2), 1L << 40, -1)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): dimension 1099511627776 does not fit in 32 bits"),
        when(
            "Reshape to a matrix of dimensions",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("s", dims(1, 2), 1, 4)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): the target shape must be a scalar or a 1-d tensor, but"
                + " has shape [1, 2]"),
        when(
            "Reshape copying a dimension the input lacks",
            () ->
                new GraphBuilder()
                    .input("x", 4)
                    .longs("s", dims(2), 0, 0)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): target shape [0, 0] copies dimension 1, which input [4]"
                + " does not have"),
        when(
            "Reshape to a negative dimension",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("s", dims(2), -2, 2)
                    .node("Reshape", List.of("x", "s"), List.of("y"))
                    .outputName("y"),
            "node 'Reshape_0' (Reshape): target shape [-2, 2] has dimension -2"),
        when(
            "Gemm of mismatched matrices",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("w", dims(3, 1), 1, 2, 3)
                    .node("Gemm", List.of("x", "w"), List.of("y"))
                    .outputName("y"),
            "node 'Gemm_0' (Gemm): inner dimensions differ: A' has 4 columns, B' has 3 rows"),
        when(
            "Gemm bias of another shape",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .floats("w", dims(4, 2), new float[8])
                    .floats("c", dims(3), 1, 2, 3)
                    .node("Gemm", List.of("x", "w", "c"), List.of("y"))
                    .outputName("y"),
            "node 'Gemm_0' (Gemm): cannot broadcast shapes [3] and [1, 2]"),
        when(
            "BatchNormalization of a vector",
            () -> {
              float[] p = new float[4];
              return new GraphBuilder()
                  .input("x", 4)
                  .floats("s", dims(4), p)
                  .node("BatchNormalization", List.of("x", "s", "s", "s", "s"), List.of("y"))
                  .outputName("y");
            },
            "node 'BatchNormalization_0' (BatchNormalization): input X has shape [4]; expected [N,"
                + " C, ...]"),
        when(
            "MultiThreshold NHWC of rank 3",
            () ->
                new GraphBuilder()
                    .input("x", 1, 2, 4)
                    .floats("t", dims(1, 1), 0)
                    .custom(
                        "finn.custom_op.general",
                        "MultiThreshold",
                        List.of("x", "t"),
                        List.of("y"),
                        stringAttr("out_dtype", "BIPOLAR"),
                        stringAttr("data_layout", "NHWC"))
                    .outputName("y"),
            "node 'MultiThreshold_0' (MultiThreshold): input has shape [1, 2, 4]; data_layout NHWC"
                + " needs rank 2 or 4, as in QONNX"),
        when(
            "MultiThreshold of a scalar",
            () ->
                new GraphBuilder()
                    .input("x")
                    .floats("t", dims(1, 1), 0)
                    .custom(
                        "finn.custom_op.general",
                        "MultiThreshold",
                        List.of("x", "t"),
                        List.of("y"),
                        stringAttr("out_dtype", "BIPOLAR"))
                    .outputName("y"),
            "node 'MultiThreshold_0' (MultiThreshold): input is a scalar; expected a tensor with a"
                + " channel axis"),
        when(
            "Squeeze axes given twice over",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("a", dims(1), 0)
                    .node("Squeeze", List.of("x", "a"), List.of("y"), intsAttr("axes", 0))
                    .outputName("y"),
            "node 'Squeeze_0' (Squeeze): gives axes both as an attribute and as input 1; expected"
                + " one"),
        when(
            "Concat with an empty input",
            () -> apply("Concat", List.of("x", ""), intAttr("axis", 0)),
            "node 'Concat_0' (Concat): input 1 is empty; Concat needs every input"),
        when(
            "Concat of floats and integers",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("i", dims(1, 1), 1)
                    .node("Concat", List.of("x", "i"), List.of("y"), intAttr("axis", 1))
                    .outputName("y"),
            "node 'Concat_0' (Concat): mixes element types FLOAT and INT64"),
        when(
            "Constant of the wrong attribute type",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .node("Constant", List.of(), List.of("c"), intAttr("value_float", 1))
                    .node("Add", List.of("x", "c"), List.of("y"))
                    .outputName("y"),
            "node 'Constant_0' (Constant): attribute 'value_float' must be of type FLOAT, not INT"),
        when(
            "TopK with k twice",
            () ->
                new GraphBuilder()
                    .input("x", 1, 4)
                    .longs("k", dims(1), 1)
                    .node("TopK", List.of("x", "k"), List.of("v", "i"), intAttr("k", 1))
                    .outputName("i"),
            "node 'TopK_0' (TopK): gives k both as an attribute and as input 1; expected one"),
        when(
            "Constant with two values",
            () ->
                new GraphBuilder()
                    .input("x", 1)
                    .node(
                        "Constant",
                        List.of(),
                        List.of("c"),
                        floatAttr("value_float", 1),
                        intAttr("value_int", 1))
                    .node("Add", List.of("x", "c"), List.of("y"))
                    .outputName("y"),
            "node 'Constant_0' (Constant): has 2 value attributes; expected exactly one of value,"
                + " value_float, value_floats, value_int, value_ints"));
  }

  private static GraphBuilder batchNorm(int params, AttributeProto... attrs) {
    float[] p = new float[params];
    return new GraphBuilder()
        .input("x", 1, 4)
        .floats("s", dims(params), p)
        .floats("b", dims(params), p)
        .floats("m", dims(params), p)
        .floats("v", dims(params), p)
        .node("BatchNormalization", List.of("x", "s", "b", "m", "v"), List.of("y"), attrs)
        .outputName("y");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("diagnostics")
  void diagnostic(String description, Supplier<GraphBuilder> model, String message) {
    assertEquals(AT + message, Graphs.importError(model.get()));
  }

  @Test
  void bytesThatAreNotProtobuf() {
    OnnxImportException e =
        assertThrows(
            OnnxImportException.class,
            () ->
                OnnxModel.parse(
                    "ir_version: 8\ngraph { }".getBytes(StandardCharsets.US_ASCII), "model.txt"));
    assertEquals(
        "model.txt: not a readable ONNX model: it is not valid protobuf (Protocol message tag had"
            + " invalid wire type.)",
        e.getMessage());
  }

  @Test
  void aTruncatedModel() {
    byte[] whole = apply("Sign", List.of("x")).bytes();
    byte[] cut = Arrays.copyOf(whole, whole.length / 2);
    OnnxImportException e =
        assertThrows(OnnxImportException.class, () -> OnnxModel.parse(cut, "cut.onnx"));
    assertEquals(
        "cut.onnx: not a readable ONNX model: the data ends in the middle of a field; is the file"
            + " truncated?",
        e.getMessage());
  }

  @Test
  void anEmptyFileHasNoGraph(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.onnx"));
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxModel.load(empty));
    assertEquals(empty + ": has no graph; is it an ONNX model?", e.getMessage());
  }

  @Test
  void aMissingFile(@TempDir Path dir) {
    Path missing = dir.resolve("missing.onnx");
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxModel.load(missing));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void aDirectoryCannotBeRead(@TempDir Path dir) {
    OnnxImportException e = assertThrows(OnnxImportException.class, () -> OnnxModel.load(dir));
    assertTrue(e.getMessage().startsWith(dir + ": cannot read: "), e.getMessage());
  }
}
