package org.signum.compiler.onnx;

import java.util.Arrays;

/** ONNX Squeeze: drops the given axes, which must have size 1, or every axis of size 1. */
final class Squeeze implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    long[] axes = Axes.of(node, constants);
    return inputs -> {
      Tensor x = inputs[0];
      Shape s = x.shape();
      boolean[] drop;
      if (axes == null) {
        drop = new boolean[s.rank()];
        for (int i = 0; i < s.rank(); i++) {
          drop[i] = s.dim(i) == 1;
        }
      } else {
        drop = Axes.mark(axes, s.rank());
      }
      int[] dims = new int[s.rank()];
      int n = 0;
      for (int i = 0; i < s.rank(); i++) {
        if (!drop[i]) {
          dims[n++] = s.dim(i);
        } else if (s.dim(i) != 1) {
          throw new NodeException("cannot squeeze axis " + i + " of size " + s.dim(i) + " in " + s);
        }
      }
      return new Tensor[] {x.reshape(Shape.of(Arrays.copyOf(dims, n)))};
    };
  }
}
