package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.Graphs.assertValues;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
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
  void threadsEvaluatingOneModelAtOnceGetWhatOneThreadGets() throws Exception {
    float[] w = new float[16 * 8];
    Random random = new Random(7);
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextBoolean() ? 1 : -1;
    }
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 16)
            .floats("w", dims(16, 8), w)
            .longs("k", dims(1), 3)
            .node("MatMul", List.of("x", "w"), List.of("h"))
            .node("TopK", List.of("h", "k"), List.of("v", "i"))
            .outputName("i")
            .load();
    float[][] inputs = new float[2000][16];
    for (float[] input : inputs) {
      for (int j = 0; j < input.length; j++) {
        input[j] = (float) random.nextGaussian();
      }
    }
    float[][] sequential = new float[inputs.length][];
    for (int n = 0; n < inputs.length; n++) {
      sequential[n] = FloatEvaluator.output(m, inputs[n]);
    }
    float[][] parallel = new float[inputs.length][];
    IntStream.range(0, inputs.length)
        .parallel()
        .forEach(n -> parallel[n] = FloatEvaluator.output(m, inputs[n]));
    assertArrayEquals(sequential, parallel);
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
