package org.signum.compiler.onnx;

/** Arity, axis and type checks shared by the operators; each failure names what was expected. */
final class Checks {
  private Checks() {}

  /** The node lists between {@code min} and {@code max} inputs and gives the first {@code min}. */
  static void inputs(NodeDef node, int min, int max) {
    int n = node.inputs().size();
    if (n < min || n > max) {
      throw new NodeException(
          "has " + n + " input" + (n == 1 ? "" : "s") + "; expected " + range(min, max));
    }
    for (int i = 0; i < min; i++) {
      if (!node.hasInput(i)) {
        throw new NodeException("input " + i + " is required but empty");
      }
    }
  }

  /**
   * The node lists between {@code min} and {@code max} outputs; an empty name leaves an optional
   * output unused, as in ONNX.
   */
  static void outputs(NodeDef node, int min, int max) {
    int n = node.outputs().size();
    if (n < min || n > max) {
      throw new NodeException(
          "has " + n + " output" + (n == 1 ? "" : "s") + "; expected " + range(min, max));
    }
  }

  private static String range(int min, int max) {
    if (max == Integer.MAX_VALUE) {
      return "at least " + min;
    }
    return min == max ? String.valueOf(min) : min + " to " + max;
  }

  /** {@code axis} in [-rank, rank - 1], made non-negative. */
  static int axis(long axis, int rank, String what) {
    if (axis < -rank || axis >= rank) {
      throw new NodeException(
          what
              + " "
              + axis
              + " is out of range for rank "
              + rank
              + "; expected -"
              + rank
              + " to "
              + (rank - 1));
    }
    return (int) (axis < 0 ? axis + rank : axis);
  }

  /** {@code t}, which must be FLOAT because {@code role} is arithmetic. */
  static Tensor floats(Tensor t, String role) {
    if (!t.type().isFloat()) {
      throw new NodeException(role + " is " + t.type() + "; Signum computes it in FLOAT only");
    }
    return t;
  }

  /** {@code t}, which must hold integers because {@code role} is an index, axis or shape. */
  static Tensor integers(Tensor t, String role) {
    if (t.type().isFloat()) {
      throw new NodeException(role + " must be an integer tensor, not FLOAT");
    }
    return t;
  }

  /** The one value of a single-element tensor {@code t}. */
  static double scalar(Tensor t, String role) {
    if (t.size() != 1) {
      throw new NodeException(role + " must hold exactly one value, but has shape " + t.shape());
    }
    return t.valueAt(0);
  }

  static int toInt(long value, String role) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new NodeException(role + " " + value + " does not fit in 32 bits");
    }
    return (int) value;
  }
}
