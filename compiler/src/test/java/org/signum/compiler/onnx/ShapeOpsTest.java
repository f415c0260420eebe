package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.GraphBuilder.intsAttr;
import static org.signum.compiler.onnx.Graphs.assertShape;
import static org.signum.compiler.onnx.Graphs.assertValues;
import static org.signum.compiler.onnx.Graphs.eval;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShapeOpsTest {
  private static GraphBuilder reshape(long[] xDims, long... target) {
    return new GraphBuilder()
        .input("x", xDims)
        .longs("shape", dims(target.length), target)
        .node("Reshape", List.of("x", "shape"), List.of("y"))
        .outputName("y");
  }

  @Test
  void reshapeInfersMinusOne() throws Exception {
    OnnxModel m = reshape(dims(1, 1, 2, 3), 1, -1).load();
    assertShape(m, "y", 1, 6);
    assertValues(
        new float[] {1, 2, 3, 4, 5, 6}, FloatEvaluator.output(m, new float[] {1, 2, 3, 4, 5, 6}));
  }

  @Test
  void reshapeZeroCopiesTheInputDimension() throws Exception {
    assertShape(reshape(dims(2, 3, 4), 0, -1, 2).load(), "y", 2, 6, 2);
  }

  @Test
  void reshapeWithAllowZeroKeepsZeroAsAnEmptyDimension() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 0, 3)
            .longs("shape", dims(2), 3, 0)
            .node("Reshape", List.of("x", "shape"), List.of("y"), intAttr("allowzero", 1))
            .outputName("y")
            .load();
    assertShape(m, "y", 3, 0);
  }

  @ParameterizedTest
  @CsvSource({"0, 1, 24", "1, 2, 12", "2, 6, 4", "3, 24, 1", "-1, 6, 4"})
  void flattenSplitsAtTheAxis(int axis, int rows, int columns) throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 2, 3, 4)
            .node("Flatten", List.of("x"), List.of("y"), intAttr("axis", axis))
            .outputName("y")
            .load();
    assertShape(m, "y", rows, columns);
  }

  @Test
  void flattenDefaultsToAxisOne() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 1, 28, 28)
            .node("Flatten", List.of("x"), List.of("y"))
            .outputName("y")
            .load();
    assertShape(m, "y", 1, 784);
  }

  @Test
  void transposeReversesAxesByDefault() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 2, 3)
            .node("Transpose", List.of("x"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {1, 4, 2, 5, 3, 6}, eval(g, "y", 1, 2, 3, 4, 5, 6));
    assertShape(g.load(), "y", 3, 2);
  }

  @Test
  void transposeFollowsPerm() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 2, 1, 3)
            .node("Transpose", List.of("x"), List.of("y"), intsAttr("perm", 1, 2, 0))
            .outputName("y");
    assertValues(new float[] {1, 4, 2, 5, 3, 6}, eval(g, "y", 1, 2, 3, 4, 5, 6));
    assertShape(g.load(), "y", 1, 3, 2);
  }

  @Test
  void squeezeAndUnsqueezeWithAxesAttributes() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 64)
            .node("Unsqueeze", List.of("x"), List.of("u"), intsAttr("axes", 2))
            .node("Squeeze", List.of("u"), List.of("y"), intsAttr("axes", -1))
            .outputName("u")
            .outputName("y")
            .load();
    assertShape(m, "u", 1, 64, 1);
    assertShape(m, "y", 1, 64);
  }

  @Test
  void squeezeAndUnsqueezeWithAxesInputs() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 3)
            .longs("front", dims(2), 0, -1)
            .longs("back", dims(1), 0)
            .node("Unsqueeze", List.of("x", "front"), List.of("u"))
            .node("Squeeze", List.of("u", "back"), List.of("y"))
            .outputName("u")
            .outputName("y")
            .load();
    assertShape(m, "u", 1, 3, 1);
    assertShape(m, "y", 3, 1);
  }

  @Test
  void squeezeWithoutAxesDropsEverySizeOneAxis() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 4, 1, 2)
            .node("Squeeze", List.of("x"), List.of("y"))
            .outputName("y")
            .load();
    assertShape(m, "y", 4, 2);
  }

  @Test
  void identityPassesItsInputThrough() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 2)
            .node("Identity", List.of("x"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {7, -7}, eval(g, "y", 7, -7));
  }

  @Test
  void topKOrdersEqualValuesByIndexSoTheFirstMaximumWins() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 4)
            .longs("k", dims(1), 2)
            .node("TopK", List.of("x", "k"), List.of("values", "indices"))
            .outputName("indices");
    Map<String, float[]> r = FloatEvaluator.run(g.load(), new float[] {1, 3, 3, 2});
    assertValues(new float[] {3, 3}, r.get("values"));
    assertValues(new float[] {1, 2}, r.get("indices"));
    assertEquals(ElementType.INT64, g.load().tensor("indices").orElseThrow().type());
  }

  @Test
  void topKSmallestAlongAxisZero() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 3, 2)
            .node(
                "TopK",
                List.of("x"),
                List.of("values", "indices"),
                intAttr("k", 1),
                intAttr("axis", 0),
                intAttr("largest", 0))
            .outputName("indices");
    Map<String, float[]> r = FloatEvaluator.run(g.load(), new float[] {5, 1, 2, 9, 2, 0});
    assertValues(new float[] {2, 0}, r.get("values"));
    assertValues(new float[] {1, 2}, r.get("indices"));
  }
}
