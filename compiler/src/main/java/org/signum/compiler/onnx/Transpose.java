package org.signum.compiler.onnx;

import java.util.Arrays;

/** ONNX Transpose: output axis i is input axis {@code perm[i]}; by default the axes reverse. */
final class Transpose implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 1);
    Checks.outputs(node, 1, 1);
    long[] perm = Attributes.of(node, "perm").getInts("perm");
    return inputs -> {
      Tensor x = inputs[0];
      Shape s = x.shape();
      int[] p = permutation(perm, s.rank());
      int[] outDims = new int[p.length];
      int[] inStrides = s.strides();
      int[] strides = new int[p.length];
      for (int i = 0; i < p.length; i++) {
        outDims[i] = s.dim(p[i]);
        strides[i] = inStrides[p[i]];
      }
      Shape out = Shape.of(outDims);
      int[] source = TensorOps.walk(outDims, strides);
      return new Tensor[] {TensorOps.select(x, out, source)};
    };
  }

  private static int[] permutation(long[] perm, int rank) {
    int[] p = new int[rank];
    if (perm == null) {
      for (int i = 0; i < rank; i++) {
        p[i] = rank - 1 - i;
      }
      return p;
    }
    boolean[] seen = new boolean[rank];
    boolean valid = perm.length == rank;
    for (int i = 0; valid && i < rank; i++) {
      valid = perm[i] >= 0 && perm[i] < rank && !seen[(int) perm[i]];
      if (valid) {
        seen[(int) perm[i]] = true;
        p[i] = (int) perm[i];
      }
    }
    if (!valid) {
      throw new NodeException(
          "perm " + Arrays.toString(perm) + " is not a permutation of 0.." + (rank - 1));
    }
    return p;
  }
}
