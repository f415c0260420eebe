package org.signum.compiler.onnx;

/**
 * ONNX Gemm: {@code Y = alpha * A' B' + beta * C} with A' and B' optionally transposed and C
 * broadcast to [M, N]. Each dot product is summed in ascending order in float32, then scaled.
 */
final class Gemm implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 3);
    Checks.outputs(node, 1, 1);
    Attributes attrs = Attributes.of(node, "alpha", "beta", "transA", "transB");
    float alpha = attrs.getFloat("alpha", 1f);
    float beta = attrs.getFloat("beta", 1f);
    boolean transA = attrs.getFlag("transA", false);
    boolean transB = attrs.getFlag("transB", false);
    return inputs -> {
      Tensor a = Checks.floats(inputs[0], "input A");
      Tensor b = Checks.floats(inputs[1], "input B");
      if (a.shape().rank() != 2 || b.shape().rank() != 2) {
        throw new NodeException(
            "needs matrices, but A has shape " + a.shape() + " and B has shape " + b.shape());
      }
      int m = a.shape().dim(transA ? 1 : 0);
      int k = a.shape().dim(transA ? 0 : 1);
      int kb = b.shape().dim(transB ? 1 : 0);
      int n = b.shape().dim(transB ? 0 : 1);
      if (k != kb) {
        throw new NodeException(
            "inner dimensions differ: A' has " + k + " columns, B' has " + kb + " rows");
      }
      Shape out = Shape.of(m, n);
      float[] c = null;
      if (inputs.length > 2 && inputs[2] != null) {
        Tensor ct = Checks.floats(inputs[2], "input C");
        if (!TensorOps.broadcast(ct.shape(), out).equals(out)) {
          throw new NodeException("C of shape " + ct.shape() + " does not broadcast to " + out);
        }
        c = TensorOps.expand(ct, out);
      }
      float[] x = a.floatData();
      float[] w = b.floatData();
      float[] y = new float[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float acc = 0f;
          for (int p = 0; p < k; p++) {
            float av = transA ? x[p * m + i] : x[i * k + p];
            float bv = transB ? w[j * k + p] : w[p * n + j];
            acc += av * bv;
          }
          float v = alpha * acc;
          y[i * n + j] = c == null ? v : v + beta * c[i * n + j];
        }
      }
      return new Tensor[] {Tensor.wrapFloats(out, y)};
    };
  }
}
