package org.signum.compiler.onnx;

/** ONNX Concat along {@code axis} of tensors of one element type whose other dimensions agree. */
final class Concat implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, Integer.MAX_VALUE);
    for (int i = 0; i < node.inputs().size(); i++) {
      if (!node.hasInput(i)) {
        throw new NodeException("input " + i + " is empty; Concat needs every input");
      }
    }
    Checks.outputs(node, 1, 1);
    Attributes attrs = Attributes.of(node, "axis");
    if (!attrs.has("axis")) {
      throw new NodeException("attribute 'axis' is required");
    }
    long axisAttr = attrs.getInt("axis", 0);
    return inputs -> {
      Shape first = inputs[0].shape();
      int axis = Checks.axis(axisAttr, first.rank(), "axis");
      int total = 0;
      for (Tensor t : inputs) {
        if (t.type() != inputs[0].type()) {
          throw new NodeException("mixes element types " + inputs[0].type() + " and " + t.type());
        }
        Shape s = t.shape();
        boolean compatible = s.rank() == first.rank();
        for (int d = 0; compatible && d < s.rank(); d++) {
          compatible = d == axis || s.dim(d) == first.dim(d);
        }
        if (!compatible) {
          throw new NodeException(
              "cannot concatenate " + first + " and " + s + " along axis " + axis);
        }
        total += s.dim(axis);
      }
      int[] outDims = first.dims();
      outDims[axis] = total;
      Shape out = Shape.of(outDims);
      int outer = first.product(0, axis);
      int inner = first.product(axis + 1, first.rank());
      // Gather every input into one index space: input j's elements follow input j-1's.
      int[] base = new int[inputs.length];
      for (int j = 1; j < inputs.length; j++) {
        base[j] = base[j - 1] + inputs[j - 1].size();
      }
      int[] source = new int[out.size()];
      int n = 0;
      for (int a = 0; a < outer; a++) {
        for (int j = 0; j < inputs.length; j++) {
          int rows = inputs[j].shape().dim(axis) * inner;
          for (int r = 0; r < rows; r++) {
            source[n++] = base[j] + a * rows + r;
          }
        }
      }
      return new Tensor[] {
        TensorOps.select(
            joined(inputs, base[inputs.length - 1] + inputs[inputs.length - 1].size()), out, source)
      };
    };
  }

  private static Tensor joined(Tensor[] inputs, int size) {
    if (inputs[0].type().isFloat()) {
      float[] all = new float[size];
      int p = 0;
      for (Tensor t : inputs) {
        float[] d = t.floatData();
        System.arraycopy(d, 0, all, p, d.length);
        p += d.length;
      }
      return Tensor.wrapFloats(Shape.of(size), all);
    }
    long[] all = new long[size];
    int p = 0;
    for (Tensor t : inputs) {
      long[] d = t.longData();
      System.arraycopy(d, 0, all, p, d.length);
      p += d.length;
    }
    return Tensor.wrapLongs(inputs[0].type(), Shape.of(size), all);
  }
}
