package org.signum.compiler.onnx;

/**
 * The axes of Squeeze and Unsqueeze, an attribute before opset 13 and a constant second input
 * since.
 */
final class Axes {
  private Axes() {}

  /** The axes given to {@code node}, or null when it gives none. */
  static long[] of(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 2);
    Checks.outputs(node, 1, 1);
    long[] attribute = Attributes.of(node, "axes").getInts("axes");
    if (node.hasInput(1)) {
      if (attribute != null) {
        throw new NodeException("gives axes both as an attribute and as input 1; expected one");
      }
      return TensorOps.integerList(constants.require(node, 1, "the axes"), "the axes");
    }
    return attribute;
  }

  /** {@code axes} made non-negative for {@code rank}, refusing repeats. */
  static boolean[] mark(long[] axes, int rank) {
    boolean[] marked = new boolean[rank];
    for (long axis : axes) {
      int a = Checks.axis(axis, rank, "axis");
      if (marked[a]) {
        throw new NodeException("axis " + axis + " is given twice");
      }
      marked[a] = true;
    }
    return marked;
  }
}
