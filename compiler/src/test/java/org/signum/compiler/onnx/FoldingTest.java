package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape and index operators that only ever run at import, on constants or static shapes. */
class FoldingTest {
  /** A model whose node {@code op} reads constants only; returns the folded value of "c". */
  private static Tensor folded(GraphBuilder g) throws OnnxImportException {
    OnnxModel m =
        g.input("x", 1)
            .node("Sign", List.of("x"), List.of("y"))
            .outputName("y")
            .outputName("c")
            .load();
    assertEquals(List.of("Sign"), m.nodes().stream().map(OnnxNode::opType).toList());
    return m.initializer("c").orElseThrow();
  }

  @Test
  void shapeOfALiveTensorFoldsFromItsStaticShape() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 3)
            .floats("w", dims(3, 5), new float[15])
            .node("MatMul", List.of("x", "w"), List.of("h"))
            .node("Shape", List.of("h"), List.of("c"))
            .outputName("h")
            .outputName("c")
            .load();
    assertEquals(List.of("MatMul"), m.nodes().stream().map(OnnxNode::opType).toList());
    assertArrayEquals(new long[] {1, 5}, m.initializer("c").orElseThrow().longs());
  }

  @Test
  void shapeSlicesWithStartAndEnd() throws Exception {
    Tensor c =
        folded(
            new GraphBuilder()
                .floats("t", dims(2, 3, 4, 5), new float[120])
                .node(
                    "Shape", List.of("t"), List.of("c"), intAttr("start", 1), intAttr("end", -1)));
    assertArrayEquals(new long[] {3, 4}, c.longs());
    assertEquals(ElementType.INT64, c.type());
  }

  @Test
  void gatherWithNegativeAndMatrixIndicesAlongAxisOne() throws Exception {
    Tensor c =
        folded(
            new GraphBuilder()
                .floats("t", dims(2, 3), 1, 2, 3, 4, 5, 6)
                .longs("i", dims(2, 2), -1, 0, 1, 1)
                .node("Gather", List.of("t", "i"), List.of("c"), intAttr("axis", 1)));
    assertEquals(Shape.of(2, 2, 2), c.shape());
    assertArrayEquals(new float[] {3, 1, 2, 2, 6, 4, 5, 5}, c.floats());
  }

  @Test
  void gatherOfAScalarIndexDropsTheAxis() throws Exception {
    Tensor c =
        folded(
            new GraphBuilder()
                .longs("t", dims(4), 1, 1, 28, 28)
                .longs("i", dims(), 2)
                .node("Gather", List.of("t", "i"), List.of("c")));
    assertEquals(Shape.scalar(), c.shape());
    assertArrayEquals(new long[] {28}, c.longs());
  }

  @Test
  void concatOfFloatsAlongAnInnerAxis() throws Exception {
    Tensor c =
        folded(
            new GraphBuilder()
                .floats("a", dims(2, 1), 1, 2)
                .floats("b", dims(2, 2), 3, 4, 5, 6)
                .node("Concat", List.of("a", "b"), List.of("c"), intAttr("axis", -1)));
    assertEquals(Shape.of(2, 3), c.shape());
    assertArrayEquals(new float[] {1, 3, 4, 2, 5, 6}, c.floats());
  }

  @Test
  void arithmeticOnInitializersFolds() throws Exception {
    // Brevitas exports the last batch norm's sqrt(var + eps) as Pow on a constant.
    Tensor c =
        folded(
            new GraphBuilder()
                .floats("v", dims(1), 16)
                .scalar("half", 0.5f)
                .node("Pow", List.of("v", "half"), List.of("c")));
    assertArrayEquals(new float[] {4}, c.floats());
  }
}
