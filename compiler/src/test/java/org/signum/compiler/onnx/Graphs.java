package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/** Running and checking the small graphs the tests build. */
final class Graphs {
  private Graphs() {}

  /** Imports {@code g} and evaluates it on {@code input}, returning the tensor {@code name}. */
  static float[] eval(GraphBuilder g, String name, float... input) throws OnnxImportException {
    return FloatEvaluator.run(g.load(), input).get(name);
  }

  /** The message of the import error {@code g} must raise. */
  static String importError(GraphBuilder g) {
    return assertThrows(OnnxImportException.class, g::load).getMessage();
  }

  /** Equal as float32 values: -0 equals 0, as numpy's comparisons have it. */
  static void assertValues(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      fail(
          "expected "
              + expected.length
              + " values "
              + Arrays.toString(expected)
              + " but got "
              + actual.length
              + " "
              + Arrays.toString(actual));
    }
    for (int i = 0; i < expected.length; i++) {
      if (!(expected[i] == actual[i] || (Float.isNaN(expected[i]) && Float.isNaN(actual[i])))) {
        fail(
            "element "
                + i
                + ": expected "
                + Arrays.toString(expected)
                + " but got "
                + Arrays.toString(actual));
      }
    }
  }

  static void assertShape(OnnxModel model, String tensor, int... dims) {
    assertEquals(Shape.of(dims), model.tensor(tensor).orElseThrow().shape(), tensor);
  }
}
