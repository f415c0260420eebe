package org.signum.compiler.onnx;

/** ONNX Unsqueeze: inserts axes of size 1 at the given positions of the output. */
final class Unsqueeze implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    long[] axes = Axes.of(node, constants);
    if (axes == null) {
      throw new NodeException("gives no axes; expected the attribute 'axes' or input 1");
    }
    return inputs -> {
      Tensor x = inputs[0];
      Shape s = x.shape();
      boolean[] inserted = Axes.mark(axes, s.rank() + axes.length);
      int[] dims = new int[inserted.length];
      int next = 0;
      for (int i = 0; i < dims.length; i++) {
        dims[i] = inserted[i] ? 1 : s.dim(next++);
      }
      return new Tensor[] {x.reshape(Shape.of(dims))};
    };
  }
}
