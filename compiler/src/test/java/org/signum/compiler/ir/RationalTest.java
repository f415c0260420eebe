package org.signum.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RationalTest {
  /** The float nearest to v * n / d by brute force over the neighbours of a close guess. */
  private static float reference(long v, long n, long d) {
    BigDecimal x =
        BigDecimal.valueOf(v)
            .multiply(BigDecimal.valueOf(n))
            .divide(BigDecimal.valueOf(d), new MathContext(80));
    float guess = (float) ((double) v * n / d);
    float best = guess;
    for (float f = Math.nextDown(Math.nextDown(guess));
        f <= Math.nextUp(Math.nextUp(guess));
        f = Math.nextUp(f)) {
      int cmp =
          new BigDecimal(f).subtract(x).abs().compareTo(new BigDecimal(best).subtract(x).abs());
      if (cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(f) & 1) == 0)) {
        best = f;
      }
    }
    return best;
  }

  @Test
  void exactValues() {
    assertEquals(1f, Rational.of(1, 255).toFloat(255));
    assertEquals(0f, Rational.of(1, 255).toFloat(0));
    assertEquals(-3f, Rational.of(3, 1).toFloat(-1));
  }

  @Test
  void tiesGoToEven() {
    // 2^24 + 1 lies halfway between the floats 2^24 and 2^24 + 2.
    assertEquals(16777216f, Rational.of(16777217, 1).toFloat(1));
    // 2^24 + 3 lies halfway between 2^24 + 2 and 2^24 + 4; the even mantissa is 2^24 + 4.
    assertEquals(16777220f, Rational.of(16777219, 1).toFloat(1));
  }

  @Test
  void nearMidpointsAreNotTies() {
    // (2^25 + 2) * 3 / 6 is exactly 2^24 + 1 (a tie), but 2^24 + 1 + 1/3 rounds up.
    assertEquals(16777216f, Rational.of(3, 6).toFloat(33554434));
    assertEquals(16777218f, Rational.of(1, 3).toFloat(50331652));
  }

  @Test
  void randomValuesMatchBruteForce() {
    Random r = new Random(7);
    for (int i = 0; i < 20000; i++) {
      long n = 1 + r.nextInt(Integer.MAX_VALUE);
      long d = 1 + r.nextInt(i % 2 == 0 ? 1000 : Integer.MAX_VALUE);
      long v = i % 3 == 0 ? r.nextInt(1 << 22) - (1 << 21) : r.nextLong() % (255L << 31);
      assertEquals(reference(v, n, d), Rational.of(n, d).toFloat(v), v + " * " + n + " / " + d);
    }
  }
}
