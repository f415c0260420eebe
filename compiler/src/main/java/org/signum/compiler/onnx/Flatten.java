package org.signum.compiler.onnx;

/** ONNX Flatten: the dimensions before {@code axis} and from {@code axis} on become two. */
final class Flatten implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 1);
    Checks.outputs(node, 1, 1);
    long axis = Attributes.of(node, "axis").getInt("axis", 1);
    return inputs -> {
      Tensor x = inputs[0];
      Shape s = x.shape();
      // Flatten accepts axis == rank, unlike most axes; a negative axis still counts from rank.
      if (axis < -s.rank() || axis > s.rank()) {
        throw new NodeException(
            "axis "
                + axis
                + " is out of range for rank "
                + s.rank()
                + "; expected -"
                + s.rank()
                + " to "
                + s.rank());
      }
      int a = (int) (axis < 0 ? axis + s.rank() : axis);
      return new Tensor[] {x.reshape(Shape.of(s.product(0, a), s.product(a, s.rank())))};
    };
  }
}
