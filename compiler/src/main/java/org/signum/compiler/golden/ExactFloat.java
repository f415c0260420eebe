package org.signum.compiler.golden;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The float32 nearest to a rational, ties to even, by exact comparisons only. Written apart from
 * the compiler's own conversion so that the reference does not inherit its mistakes.
 */
final class ExactFloat {
  private ExactFloat() {}

  /** The float nearest to {@code a / b}, {@code b > 0}. */
  static float nearest(BigInteger a, BigInteger b) {
    BigDecimal x = new BigDecimal(a).divide(new BigDecimal(b), java.math.MathContext.DECIMAL128);
    float f = x.floatValue();
    // Move to the largest float not above a/b, then decide between it and the next one up.
    while (compare(f, a, b) > 0) {
      f = Math.nextDown(f);
    }
    while (compare(Math.nextUp(f), a, b) <= 0) {
      f = Math.nextUp(f);
    }
    if (compare(f, a, b) == 0) {
      return f;
    }
    float up = Math.nextUp(f);
    // Compare a/b with the midpoint (f + up) / 2, exactly.
    BigDecimal mid = new BigDecimal(f).add(new BigDecimal(up)).divide(BigDecimal.valueOf(2));
    int c = new BigDecimal(a).compareTo(mid.multiply(new BigDecimal(b)));
    if (c < 0) {
      return f;
    }
    if (c > 0) {
      return up;
    }
    return (Float.floatToRawIntBits(f) & 1) == 0 ? f : up;
  }

  /** The sign of {@code f - a/b}. */
  private static int compare(float f, BigInteger a, BigInteger b) {
    return new BigDecimal(f).multiply(new BigDecimal(b)).compareTo(new BigDecimal(a));
  }
}
