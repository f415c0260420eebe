package org.signum.compiler.ir;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A positive rational scale {@code numerator / denominator}, both in [1, 2^31 - 1]: the factor that
 * turns a raw 8-bit input into the value the network was trained on ({@code 1/255} for pixels
 * scaled to [0, 1]). Kept exact so that folding it into a threshold loses nothing.
 */
public record Rational(long numerator, long denominator) {
  public static final Rational ONE = new Rational(1, 1);
  private static final long MAX = Integer.MAX_VALUE;

  public static Rational of(long numerator, long denominator) {
    return new Rational(numerator, denominator);
  }

  /** Whether both parts lie in [1, 2^31 - 1]. */
  public boolean isValid() {
    return numerator >= 1 && numerator <= MAX && denominator >= 1 && denominator <= MAX;
  }

  /** {@code 1/255}, or {@code 3} when the denominator is 1: the model file's notation. */
  @Override
  public String toString() {
    return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
  }

  /**
   * {@code v * numerator / denominator} rounded once to the nearest float32, ties to even: the real
   * value of the integer {@code v} under this scale.
   */
  public float toFloat(long v) {
    if (Math.abs(v) < (1L << 21)) {
      long a = v * numerator;
      // a and the denominator are exact doubles, so q is a/den rounded once. Rounding q again to
      // float is wrong only when q landed exactly on a midpoint between two floats.
      double q = (double) a / (double) denominator;
      float f = (float) q;
      if (!isFloatMidpoint(q)) {
        return f;
      }
      return nearest(BigInteger.valueOf(a), BigInteger.valueOf(denominator), f);
    }
    BigInteger a = BigInteger.valueOf(v).multiply(BigInteger.valueOf(numerator));
    BigInteger b = BigInteger.valueOf(denominator);
    float candidate =
        new BigDecimal(a).divide(new BigDecimal(b), java.math.MathContext.DECIMAL64).floatValue();
    return nearest(a, b, candidate);
  }

  private static boolean isFloatMidpoint(double q) {
    float f = (float) q;
    if ((double) f == q || Float.isInfinite(f)) {
      return false;
    }
    float other = q > f ? Math.nextUp(f) : Math.nextDown(f);
    return ((double) f + (double) other) / 2 == q;
  }

  /** Of {@code c} and its two neighbours, the float nearest to a/b; ties go to the even one. */
  private static float nearest(BigInteger a, BigInteger b, float c) {
    BigDecimal exactA = new BigDecimal(a);
    BigDecimal exactB = new BigDecimal(b);
    float best = c;
    BigDecimal bestDistance = null;
    for (float f : new float[] {Math.nextDown(c), c, Math.nextUp(c)}) {
      BigDecimal d = exactA.subtract(new BigDecimal(f).multiply(exactB)).abs();
      int cmp = bestDistance == null ? -1 : d.compareTo(bestDistance);
      if (cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(f) & 1) == 0)) {
        best = f;
        bestDistance = d;
      }
    }
    return best;
  }
}
