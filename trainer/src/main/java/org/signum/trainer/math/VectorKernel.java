package org.signum.trainer.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel: 4 rows by 2 vectors of C held in registers while p runs over k, each lane
 * a fused multiply-add in p order, so every element equals {@link Gemm.ScalarKernel}'s. Rows and
 * columns left over at the edges are computed by the scalar loop. Loaded only when the JVM resolves
 * {@code jdk.incubator.vector}.
 */
final class VectorKernel implements Gemm.Kernel {
  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private VectorKernel() {}

  static Gemm.Kernel create() {
    return new VectorKernel();
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public void rows(float[] a, float[] b, float[] c, int k, int n, int from, int to) {
    int wide = n - n % (2 * L);
    int i = from;
    for (; i + 4 <= to; i += 4) {
      for (int j = 0; j < wide; j += 2 * L) {
        block4(a, b, c, k, n, i, j);
      }
      if (wide < n) {
        columns(a, b, c, k, n, i, i + 4, wide);
      }
    }
    for (; i < to; i++) {
      for (int j = 0; j < wide; j += 2 * L) {
        block1(a, b, c, k, n, i, j);
      }
      if (wide < n) {
        columns(a, b, c, k, n, i, i + 1, wide);
      }
    }
  }

  private static void block4(float[] a, float[] b, float[] c, int k, int n, int i, int j) {
    FloatVector c00 = FloatVector.zero(S);
    FloatVector c01 = FloatVector.zero(S);
    FloatVector c10 = FloatVector.zero(S);
    FloatVector c11 = FloatVector.zero(S);
    FloatVector c20 = FloatVector.zero(S);
    FloatVector c21 = FloatVector.zero(S);
    FloatVector c30 = FloatVector.zero(S);
    FloatVector c31 = FloatVector.zero(S);
    int a0 = i * k;
    int a1 = a0 + k;
    int a2 = a1 + k;
    int a3 = a2 + k;
    for (int p = 0; p < k; p++) {
      int bp = p * n + j;
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c00 = x.fma(b0, c00);
      c01 = x.fma(b1, c01);
      x = FloatVector.broadcast(S, a[a1 + p]);
      c10 = x.fma(b0, c10);
      c11 = x.fma(b1, c11);
      x = FloatVector.broadcast(S, a[a2 + p]);
      c20 = x.fma(b0, c20);
      c21 = x.fma(b1, c21);
      x = FloatVector.broadcast(S, a[a3 + p]);
      c30 = x.fma(b0, c30);
      c31 = x.fma(b1, c31);
    }
    int r = i * n + j;
    c00.intoArray(c, r);
    c01.intoArray(c, r + L);
    r += n;
    c10.intoArray(c, r);
    c11.intoArray(c, r + L);
    r += n;
    c20.intoArray(c, r);
    c21.intoArray(c, r + L);
    r += n;
    c30.intoArray(c, r);
    c31.intoArray(c, r + L);
  }

  private static void block1(float[] a, float[] b, float[] c, int k, int n, int i, int j) {
    FloatVector c0 = FloatVector.zero(S);
    FloatVector c1 = FloatVector.zero(S);
    int a0 = i * k;
    for (int p = 0; p < k; p++) {
      int bp = p * n + j;
      FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
      c0 = x.fma(FloatVector.fromArray(S, b, bp), c0);
      c1 = x.fma(FloatVector.fromArray(S, b, bp + L), c1);
    }
    c0.intoArray(c, i * n + j);
    c1.intoArray(c, i * n + j + L);
  }

  /** Columns {@code from..n-1} of rows {@code r0..r1-1}, one element at a time. */
  private static void columns(
      float[] a, float[] b, float[] c, int k, int n, int r0, int r1, int from) {
    for (int i = r0; i < r1; i++) {
      int ai = i * k;
      for (int j = from; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s = Math.fma(a[ai + p], b[p * n + j], s);
        }
        c[i * n + j] = s;
      }
    }
  }
}
