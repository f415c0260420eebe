package org.signum.compiler.onnx;

/**
 * ONNX MatMul of A [..., M, K] by a matrix B [K, N], giving [..., M, N]: the batched form that
 * fully connected layers export to. Each sum runs over k in ascending order in float32.
 */
final class MatMul implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 2);
    Checks.outputs(node, 1, 1);
    Attributes.of(node);
    return inputs -> {
      Tensor a = Checks.floats(inputs[0], "input A");
      Tensor b = Checks.floats(inputs[1], "input B");
      Shape sa = a.shape();
      Shape sb = b.shape();
      if (sa.rank() < 2 || sb.rank() != 2) {
        throw new NodeException(
            "multiplies shapes "
                + sa
                + " and "
                + sb
                + "; Signum supports A of rank 2 or more times a matrix B");
      }
      int k = sa.dim(sa.rank() - 1);
      if (sb.dim(0) != k) {
        throw new NodeException(
            "inner dimensions differ: A "
                + sa
                + " has "
                + k
                + " columns, B "
                + sb
                + " has "
                + sb.dim(0)
                + " rows");
      }
      int n = sb.dim(1);
      int rows = sa.product(0, sa.rank() - 1);
      int[] outDims = sa.dims();
      outDims[outDims.length - 1] = n;
      return new Tensor[] {
        Tensor.wrapFloats(Shape.of(outDims), multiply(a.floatData(), b.floatData(), rows, k, n))
      };
    };
  }

  /** {@code x [rows, k]} times {@code w [k, n]}; k-outer order keeps each sum in ascending k. */
  static float[] multiply(float[] x, float[] w, int rows, int k, int n) {
    float[] out = new float[rows * n];
    for (int r = 0; r < rows; r++) {
      int xBase = r * k;
      int outBase = r * n;
      for (int i = 0; i < k; i++) {
        float xi = x[xBase + i];
        int wBase = i * n;
        for (int j = 0; j < n; j++) {
          out[outBase + j] += xi * w[wBase + j];
        }
      }
    }
    return out;
  }
}
