package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.Graphs.assertValues;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloatEvaluatorTest {
  private static OnnxModel twoSteps() throws OnnxImportException {
    return new GraphBuilder()
        .input("x", 1, 2)
        .floats("w", dims(2, 2), 1, 1, 1, -1)
        .scalar("half", 0.5f)
        .node("MatMul", List.of("x", "w"), List.of("h"))
        .node("Mul", List.of("h", "half"), List.of("y"))
        .output("y", 1, 2)
        .load();
  }

  @Test
  void runReturnsTheInputAndEveryComputedTensorInOrder() throws Exception {
    Map<String, float[]> r = FloatEvaluator.run(twoSteps(), new float[] {3, 1});
    assertEquals(List.of("x", "h", "y"), List.copyOf(r.keySet()));
    assertValues(new float[] {3, 1}, r.get("x"));
    assertValues(new float[] {4, 2}, r.get("h"));
    assertValues(new float[] {2, 1}, r.get("y"));
  }

  @Test
  void outputIsTheFirstGraphOutput() throws Exception {
    assertArrayEquals(new float[] {2, 1}, FloatEvaluator.output(twoSteps(), new float[] {3, 1}));
  }

  @Test
  void runDoesNotKeepTheCallersInput() throws Exception {
    float[] input = {3, 1};
    Map<String, float[]> r = FloatEvaluator.run(twoSteps(), input);
    input[0] = 100;
    assertValues(new float[] {3, 1}, r.get("x"));
  }

  @Test
  void aGraphOutputThatIsAConstant() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1)
            .floats("c", dims(2), 5, 6)
            .node("Sign", List.of("x"), List.of("y"))
            .outputName("c")
            .load();
    assertValues(new float[] {5, 6}, FloatEvaluator.output(m, new float[] {1}));
  }

  @Test
  void anInputOfTheWrongSize() throws Exception {
    OnnxModel m = twoSteps();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatEvaluator.run(m, new float[3]));
    assertEquals(
        "test.onnx: the input has 3 values; graph input 'x' has shape [1, 2] (2 values)",
        e.getMessage());
  }

  @Test
  void aModelWithTwoInputs() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("a", 1)
            .input("b", 1)
            .node("Add", List.of("a", "b"), List.of("y"))
            .outputName("y")
            .load();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FloatEvaluator.run(m, new float[1]));
    assertEquals(
        "test.onnx: the evaluator needs a model with one graph input, not 2", e.getMessage());
  }
}
