package org.signum.compiler.onnx;

import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.Graphs.assertShape;
import static org.signum.compiler.onnx.Graphs.assertValues;
import static org.signum.compiler.onnx.Graphs.eval;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArithmeticTest {
  private static GraphBuilder binary(String op, long[] xDims, long[] cDims, float... c) {
    return new GraphBuilder()
        .input("x", xDims)
        .floats("c", cDims, c)
        .node(op, List.of("x", "c"), List.of("y"))
        .outputName("y");
  }

  @Test
  void addBroadcastsARowOverRows() throws Exception {
    GraphBuilder g = binary("Add", dims(2, 3), dims(3), 10, 20, 30);
    assertValues(new float[] {11, 22, 33, 14, 25, 36}, eval(g, "y", 1, 2, 3, 4, 5, 6));
    assertShape(g.load(), "y", 2, 3);
  }

  @Test
  void subTakesTheSecondFromTheFirst() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 3)
            .scalar("c", 1)
            .node("Sub", List.of("c", "x"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {0, -1, 3}, eval(g, "y", 1, 2, -2));
  }

  @Test
  void mulBroadcastsAColumnAgainstARowIntoAnOuterProduct() throws Exception {
    GraphBuilder g = binary("Mul", dims(2, 1), dims(1, 3), 1, 10, 100);
    assertValues(new float[] {2, 20, 200, 3, 30, 300}, eval(g, "y", 2, 3));
    assertShape(g.load(), "y", 2, 3);
  }

  @Test
  void divRoundsToFloat32() throws Exception {
    GraphBuilder g = binary("Div", dims(2), dims(), 3);
    assertValues(new float[] {1f / 3f, 0.6666667f}, eval(g, "y", 1, 2));
  }

  @Test
  void powRaisesToTheExponent() throws Exception {
    GraphBuilder g = binary("Pow", dims(3), dims(1), 0.5f);
    assertValues(new float[] {2, 3, 1.4142135f}, eval(g, "y", 4, 9, 2));
  }

  @Test
  void powWithIntegralExponent() throws Exception {
    GraphBuilder g = binary("Pow", dims(2), dims(), 3);
    assertValues(new float[] {8, -27}, eval(g, "y", 2, -3));
  }
}
