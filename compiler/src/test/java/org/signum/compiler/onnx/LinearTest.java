package org.signum.compiler.onnx;

import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.floatAttr;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.Graphs.assertShape;
import static org.signum.compiler.onnx.Graphs.assertValues;
import static org.signum.compiler.onnx.Graphs.eval;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearTest {
  @Test
  void matMulOfARowByAMatrix() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 3)
            .floats("w", dims(3, 2), 1, 2, 3, 4, 5, 6)
            .node("MatMul", List.of("x", "w"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {1 + 6 - 5, 2 + 8 - 6}, eval(g, "y", 1, 2, -1));
    assertShape(g.load(), "y", 1, 2);
  }

  @Test
  void matMulKeepsLeadingBatchDimensions() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 2, 1, 2)
            .floats("w", dims(2, 2), 1, 0, 0, -1)
            .node("MatMul", List.of("x", "w"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {1, -2, 3, -4}, eval(g, "y", 1, 2, 3, 4));
    assertShape(g.load(), "y", 2, 1, 2);
  }

  @Test
  void matMulSumsInFloat32InAscendingOrder() throws Exception {
    // In float32, 1e8 + 1 is 1e8, so the sum is 0; a double accumulator would give 1.
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 3)
            .floats("w", dims(3, 1), 1, 1, 1)
            .node("MatMul", List.of("x", "w"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {0}, eval(g, "y", 1e8f, 1, -1e8f));
  }

  @Test
  void gemmTransposesScalesAndAddsABroadcastBias() throws Exception {
    // A' = [[1, 2], [3, 4]] and B' = [[1, 0], [2, 1]], both stored transposed; A'B' = [[5, 2],
    // [11, 4]]; times 2, plus 0.5 * [10, 20] on every row.
    GraphBuilder g =
        new GraphBuilder()
            .input("a", 2, 2)
            .floats("b", dims(2, 2), 1, 2, 0, 1)
            .floats("c", dims(2), 10, 20)
            .node(
                "Gemm",
                List.of("a", "b", "c"),
                List.of("y"),
                floatAttr("alpha", 2),
                floatAttr("beta", 0.5f),
                intAttr("transA", 1),
                intAttr("transB", 1))
            .outputName("y");
    assertValues(new float[] {10 + 5, 4 + 10, 22 + 5, 8 + 10}, eval(g, "y", 1, 3, 2, 4));
  }

  @Test
  void gemmWithoutBias() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("a", 1, 2)
            .floats("b", dims(2, 3), 1, 2, 3, 4, 5, 6)
            .node("Gemm", List.of("a", "b"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {9, 12, 15}, eval(g, "y", 1, 2));
    assertShape(g.load(), "y", 1, 3);
  }

  @Test
  void batchNormalizationPerChannel() throws Exception {
    // Channel 0: (5 - 1) / sqrt(3 + 1) * 2 + 0.5; channel 1: (3 - 2) / sqrt(0 + 1) * -1 + 0.
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 2)
            .floats("scale", dims(2), 2, -1)
            .floats("b", dims(2), 0.5f, 0)
            .floats("mean", dims(2), 1, 2)
            .floats("var", dims(2), 3, 0)
            .node(
                "BatchNormalization",
                List.of("x", "scale", "b", "mean", "var"),
                List.of("y"),
                floatAttr("epsilon", 1),
                floatAttr("momentum", 0.9f))
            .outputName("y");
    assertValues(new float[] {4.5f, -1}, eval(g, "y", 5, 3));
  }

  @Test
  void batchNormalizationTakesAxisOneAsChannelsOfA3dInput() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 2, 2)
            .floats("scale", dims(2), 1, 1)
            .floats("b", dims(2), 0, 100)
            .floats("mean", dims(2), 0, 0)
            .floats("var", dims(2), 0, 0)
            .node(
                "BatchNormalization",
                List.of("x", "scale", "b", "mean", "var"),
                List.of("y"),
                floatAttr("epsilon", 1))
            .outputName("y");
    assertValues(new float[] {1, 2, 103, 104}, eval(g, "y", 1, 2, 3, 4));
  }

  @Test
  void batchNormalizationEvaluatesTheOnnxFormulaInItsOrder() throws Exception {
    // (7.3 - 1.1) / sqrt(2.7 + 1e-5) * 0.3 + 0.2 in float32 is 1.331958; folding scale / sqrt into
    // one multiplier, as some runtimes do, or multiplying by the scale first gives 1.3319579.
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 1)
            .floats("scale", dims(1), 0.3f)
            .floats("b", dims(1), 0.2f)
            .floats("mean", dims(1), 1.1f)
            .floats("var", dims(1), 2.7f)
            .node("BatchNormalization", List.of("x", "scale", "b", "mean", "var"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {1.331958f}, eval(g, "y", 7.3f));
  }
}
