package org.signum.compiler.onnx;

/**
 * ONNX Gather: picks entries of {@code data} along {@code axis} at integer {@code indices}
 * (negative ones count from the end); the output shape is data's with that axis replaced by
 * indices' shape.
 */
final class Gather implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 2);
    Checks.outputs(node, 1, 1);
    long axisAttr = Attributes.of(node, "axis").getInt("axis", 0);
    return inputs -> {
      Tensor data = inputs[0];
      Tensor indices = Checks.integers(inputs[1], "input indices");
      Shape s = data.shape();
      int axis = Checks.axis(axisAttr, s.rank(), "axis");
      int size = s.dim(axis);
      long[] idx = indices.longData();
      int outer = s.product(0, axis);
      int inner = s.product(axis + 1, s.rank());
      int[] outDims = new int[s.rank() - 1 + indices.shape().rank()];
      int o = 0;
      for (int i = 0; i < axis; i++) {
        outDims[o++] = s.dim(i);
      }
      for (int d : indices.shape().dims()) {
        outDims[o++] = d;
      }
      for (int i = axis + 1; i < s.rank(); i++) {
        outDims[o++] = s.dim(i);
      }
      int[] source = new int[outer * idx.length * inner];
      int n = 0;
      for (int a = 0; a < outer; a++) {
        for (long raw : idx) {
          if (raw < -size || raw >= size) {
            throw new NodeException(
                "index " + raw + " is out of range for axis " + axis + " of size " + size);
          }
          int k = (int) (raw < 0 ? raw + size : raw);
          for (int b = 0; b < inner; b++) {
            source[n++] = (a * size + k) * inner + b;
          }
        }
      }
      return new Tensor[] {TensorOps.select(data, Shape.of(outDims), source)};
    };
  }
}
