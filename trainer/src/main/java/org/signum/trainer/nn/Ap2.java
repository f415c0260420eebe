package org.signum.trainer.nn;

/**
 * The BNN paper's approximate power of two, {@code AP2(x) = sign(x) * 2^round(log2 |x|)}: the
 * factor a shift applies in place of a multiplication. AP2(0) is 0.
 */
public final class Ap2 {
  private Ap2() {}

  public static float of(float x) {
    if (x == 0f || !Float.isFinite(x)) {
      return x;
    }
    double e = Math.rint(Math.log(Math.abs(x)) / Math.log(2));
    return (float) Math.copySign(Math.scalb(1.0, (int) e), x);
  }
}
