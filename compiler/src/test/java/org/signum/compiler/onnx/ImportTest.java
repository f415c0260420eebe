package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.GraphBuilder.intsAttr;
import static org.signum.compiler.onnx.Graphs.assertShape;
import static org.signum.compiler.onnx.Graphs.assertValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.compiler.onnx.proto.Onnx.OperatorSetIdProto;
import org.signum.compiler.onnx.proto.Onnx.TensorShapeProto;
import org.signum.compiler.onnx.proto.Onnx.TypeProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

class ImportTest {
  /** The flatten PyTorch 1.7 exports for x.view(x.size(0), -1), as in the Brevitas TFC models. */
  static GraphBuilder brevitasFlatten() {
    return new GraphBuilder()
        .input("x", 1, 1, 2, 2)
        .longs("zero", dims(), 0)
        .longs("minus_one", dims(1), -1)
        .node("Shape", List.of("x"), List.of("shape"))
        .node("Gather", List.of("shape", "zero"), List.of("batch"), intAttr("axis", 0))
        .node("Unsqueeze", List.of("batch"), List.of("batch1"), intsAttr("axes", 0))
        .node("Concat", List.of("batch1", "minus_one"), List.of("target"), intAttr("axis", 0))
        .node("Reshape", List.of("x", "target"), List.of("y"))
        .output("y", 1, 4);
  }

  private static List<String> ops(OnnxModel m) {
    return m.nodes().stream().map(OnnxNode::opType).toList();
  }

  @Test
  void shapeGatherUnsqueezeConcatFoldIntoTheReshapeTarget() throws Exception {
    OnnxModel m = brevitasFlatten().load();
    assertEquals(List.of("Reshape"), ops(m));
    assertArrayEquals(new long[] {1, -1}, m.initializer("target").orElseThrow().longs());
    assertEquals(List.of("target"), List.copyOf(m.initializers().keySet()));
    assertValues(new float[] {1, 2, 3, 4}, FloatEvaluator.output(m, new float[] {1, 2, 3, 4}));
  }

  @Test
  void weightsQuantizedByBipolarQuantFoldToPlusMinusOne() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 3)
            .floats("w", dims(2, 3), 0.3f, -0.2f, 0, -1e-3f, 5, -4)
            .scalar("one", 1)
            .custom("onnx.brevitas", "BipolarQuant", List.of("w", "one"), List.of("wq"))
            .node("Transpose", List.of("wq"), List.of("wt"), intsAttr("perm", 1, 0))
            .node("MatMul", List.of("x", "wt"), List.of("y"))
            .output("y", 1, 2)
            .load();
    assertEquals(List.of("MatMul"), ops(m));
    Tensor wt = m.initializer("wt").orElseThrow();
    assertEquals(Shape.of(3, 2), wt.shape());
    assertArrayEquals(new float[] {1, -1, -1, 1, 1, -1}, wt.floats());
    assertEquals(List.of("wt"), List.copyOf(m.initializers().keySet()));
    assertValues(new float[] {1, -1}, FloatEvaluator.output(m, new float[] {1, 1, 1}));
  }

  @Test
  void constantNodesBecomeInitializers() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 2)
            .node(
                "Constant",
                List.of(),
                List.of("c"),
                GraphBuilder.tensorAttr("value", GraphBuilder.floatTensor("", dims(2), 10, 20)))
            .node("Constant", List.of(), List.of("shape"), intsAttr("value_ints", 2, 1))
            .node("Add", List.of("x", "c"), List.of("s"))
            .node("Reshape", List.of("s", "shape"), List.of("y"))
            .output("y", 2, 1)
            .load();
    assertEquals(List.of("Add", "Reshape"), ops(m));
    assertArrayEquals(new float[] {10, 20}, m.initializer("c").orElseThrow().floats());
    assertValues(new float[] {11, 22}, FloatEvaluator.output(m, new float[] {1, 2}));
  }

  @Test
  void constantScalarsFromValueFloatAndValueInt() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1)
            .node("Constant", List.of(), List.of("f"), GraphBuilder.floatAttr("value_float", 2.5f))
            .node("Constant", List.of(), List.of("i"), intAttr("value_int", 7))
            .node("Mul", List.of("x", "f"), List.of("y"))
            .outputName("y")
            .outputName("i")
            .load();
    assertEquals(Shape.scalar(), m.initializer("f").orElseThrow().shape());
    assertArrayEquals(new long[] {7}, m.initializer("i").orElseThrow().longs());
    assertValues(new float[] {5}, FloatEvaluator.output(m, new float[] {2}));
  }

  @Test
  void nodesAreSortedTopologicallyKeepingTheFileOrderOtherwise() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1)
            .node("Sign", List.of("b"), List.of("y"))
            .node("Identity", List.of("x"), List.of("a"))
            .node("Identity", List.of("x"), List.of("c"))
            .node("Add", List.of("a", "c"), List.of("b"))
            .outputName("y")
            .load();
    assertEquals(
        List.of("Identity_1", "Identity_2", "Add_3", "Sign_0"),
        m.nodes().stream().map(OnnxNode::name).toList());
  }

  @Test
  void initializersListedAsGraphInputsAreNotInputs() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 2)
            .input("w", 2)
            .floats("w", dims(2), 3, 4)
            .node("Mul", List.of("x", "w"), List.of("y"))
            .output("y", 2)
            .load();
    assertEquals(List.of("x"), m.inputs().stream().map(TensorInfo::name).toList());
    assertValues(new float[] {3, 8}, FloatEvaluator.output(m, new float[] {1, 2}));
  }

  @Test
  void aSymbolicBatchDimensionIsOne() throws Exception {
    ValueInfoProto x =
        ValueInfoProto.newBuilder()
            .setName("x")
            .setType(
                TypeProto.newBuilder()
                    .setTensorType(
                        TypeProto.Tensor.newBuilder()
                            .setElemType(GraphBuilder.FLOAT)
                            .setShape(
                                TensorShapeProto.newBuilder()
                                    .addDim(
                                        TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                                    .addDim(
                                        TensorShapeProto.Dimension.newBuilder().setDimValue(3)))))
            .build();
    OnnxModel m =
        new GraphBuilder()
            .rawInput(x)
            .node("Identity", List.of("x"), List.of("y"))
            .output(GraphBuilder.valueInfo("y", GraphBuilder.FLOAT, 1, 3))
            .load();
    assertEquals(Shape.of(1, 3), m.inputs().get(0).shape());
  }

  @Test
  void finnDatatypeAnnotationsAreRead() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 2)
            .node("Identity", List.of("x"), List.of("y"))
            .outputName("y")
            .annotate("x", "finn_datatype", "UINT8")
            .annotate("y", "finn_datatype", "BIPOLAR")
            .annotate("y", "tensor_layout", "['N', 'C']")
            .load();
    assertEquals(Map.of("x", "UINT8", "y", "BIPOLAR"), m.finnDatatypes());
    assertEquals("UINT8", m.finnDatatype("x").orElseThrow());
    assertTrue(m.finnDatatype("z").isEmpty());
  }

  @Test
  void producersConsumersAndShapesOfEveryTensor() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 3)
            .floats("w", dims(3, 2), 1, 2, 3, 4, 5, 6)
            .node("MatMul", List.of("x", "w"), List.of("h"))
            .node("Sign", List.of("h"), List.of("y"))
            .node("Add", List.of("h", "h"), List.of("z"))
            .outputName("y")
            .outputName("z")
            .load();
    assertEquals("MatMul_0", m.producerOf("h").orElseThrow().name());
    assertTrue(m.producerOf("x").isEmpty());
    assertEquals(
        List.of("Sign_1", "Add_2"), m.consumersOf("h").stream().map(OnnxNode::name).toList());
    assertShape(m, "w", 3, 2);
    assertShape(m, "h", 1, 2);
    assertEquals(List.of("w", "x", "h", "y", "z"), List.copyOf(m.tensors().keySet()));
  }

  @Test
  void modelMetadata() throws Exception {
    GraphBuilder g =
        new GraphBuilder().input("x", 1).node("Sign", List.of("x"), List.of("y")).outputName("y");
    g.model()
        .setProducerVersion("1.7")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("finn").setVersion(1));
    OnnxModel m = g.load();
    assertEquals(8, m.irVersion());
    assertEquals("signum-test 1.7", m.producer());
    assertEquals(Map.of("", 13L, "finn", 1L), m.opsets());
    assertEquals(GraphBuilder.SOURCE, m.source());
  }

  @Test
  void loadReadsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sign.onnx");
    Files.write(
        file,
        new GraphBuilder()
            .input("x", 2)
            .node("Sign", List.of("x"), List.of("y"))
            .outputName("y")
            .bytes());
    OnnxModel m = OnnxModel.load(file);
    assertEquals(file.toString(), m.source());
    assertValues(new float[] {-1, 1}, FloatEvaluator.output(m, new float[] {-3, 3}));
  }

  @Test
  void anOmittedOptionalOutputIsLeftOut() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 3)
            .longs("k", dims(1), 1)
            .node("TopK", List.of("x", "k"), List.of("", "index"))
            .outputName("index")
            .load();
    assertValues(new float[] {2}, FloatEvaluator.output(m, new float[] {0, 1, 5}));
  }
}
