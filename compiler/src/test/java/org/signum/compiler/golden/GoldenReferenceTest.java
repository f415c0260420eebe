package org.signum.compiler.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/** Small networks worked out by hand. */
class GoldenReferenceTest {
  private static final BitMatrix W1 =
      BitMatrix.fromSigns(
          new int[][] {
            {1, 1, -1, 1},
            {-1, 1, 1, 1},
            {1, -1, -1, -1}
          });
  private static final BitMatrix W2 =
      BitMatrix.fromSigns(
          new int[][] {
            {1, 1, 1},
            {1, -1, 1}
          });

  @Test
  void batchNormSignDenseScoresArgmax() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(4), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc1", W1)
            .batchNorm(
                "bn",
                new float[] {1, -2, 0},
                new float[] {0, 0, -1},
                new float[] {1, 0, 0},
                new float[] {1, 1, 1},
                0)
            .sign("s")
            .dense("fc2", W2)
            .scores("scores")
            .argmax("class")
            .build();
    Evaluation e = new GoldenReference(n).evaluate(new int[] {1, -1, 1, 1});
    // fc1: (1 - 1 - 1 + 1, -1 - 1 + 1 + 1, 1 + 1 - 1 - 1) = (0, 0, 0)
    assertArrayEquals(new long[] {0, 0, 0}, e.layer("fc1").ints());
    // bn: (0 - 1) * 1 = -1; -2 * 0 + 0 = -0 + 0 = +0 (sign +1); 0 * 0 - 1 = -1
    assertArrayEquals(new float[] {-1, 0f, -1}, e.layer("bn").floats());
    assertArrayEquals(new long[] {-1, 1, -1}, e.layer("s").ints());
    // fc2: (-1 + 1 - 1, -1 - 1 - 1) = (-1, -3)
    assertArrayEquals(new long[] {-1, -3}, e.scores().ints());
    assertEquals(0, e.classIndex());
  }

  @Test
  void firstMaximumWins() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(3), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", BitMatrix.fromSigns(new int[][] {{-1, -1, -1}, {1, 1, 1}, {1, 1, 1}}))
            .scores("scores")
            .argmax("class")
            .build();
    assertEquals(1, new GoldenReference(n).evaluate(new int[] {1, 1, 1}).classIndex());
  }

  @Test
  void eightBitInputWithScaleAndThresholds() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(4), Input.Encoding.UINT8, Rational.of(1, 255))
            .dense("fc", W1)
            .threshold(
                "t",
                Threshold.Operand.VALUE,
                List.of(ThresholdRule.atLeast(100), ThresholdRule.below(0), ThresholdRule.never()))
            .build();
    Evaluation e = new GoldenReference(n).evaluate(new int[] {200, 0, 50, 10});
    // 200 + 0 - 50 + 10 = 160; -200 + 0 + 50 + 10 = -140; 200 - 0 - 50 - 10 = 140
    assertArrayEquals(new long[] {160, -140, 140}, e.layer("fc").ints());
    assertArrayEquals(new long[] {1, 1, -1}, e.layer("t").ints());
    assertEquals(-1, e.classIndex());
  }

  @Test
  void popcountOperand() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(4), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W1)
            .threshold(
                "t",
                Threshold.Operand.POPCOUNT,
                List.of(
                    ThresholdRule.atLeast(3), ThresholdRule.atLeast(4), ThresholdRule.atLeast(0)))
            .build();
    // s = (2, 2, -2) for x = +1 everywhere, so p = (s + 4) / 2 = (3, 3, 1).
    Evaluation e = new GoldenReference(n).evaluate(new int[] {1, 1, 1, 1});
    assertArrayEquals(new long[] {1, -1, 1}, e.layer("t").ints());
  }

  @Test
  void affineOnScaledInput() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(2), Input.Encoding.UINT8, Rational.of(1, 255))
            .affine("a", new float[] {2, 2}, new float[] {-1, -1})
            .sign("s")
            .build();
    Evaluation e = new GoldenReference(n).evaluate(new int[] {127, 128});
    assertArrayEquals(new long[] {-1, 1}, e.layer("s").ints());
  }

  @Test
  void rejectsBadInput() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(2), Input.Encoding.UINT8, Rational.ONE)
            .sign("s")
            .build();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new GoldenReference(n).evaluate(new int[] {1, 256}));
    assertEquals("input element 1 is 256, expected 0..255", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new GoldenReference(n).evaluate(new int[] {1}));
    assertEquals("input 'x' has 2 elements, got 1", e.getMessage());
  }

  @Test
  void exactFloatAgreesWithCompilerConversion() {
    Random r = new Random(3);
    for (int i = 0; i < 5000; i++) {
      long num = 1 + r.nextInt(Integer.MAX_VALUE);
      long den = 1 + r.nextInt(i % 2 == 0 ? 300 : Integer.MAX_VALUE);
      long v = r.nextInt(1 << 22) - (1 << 21);
      float ref =
          ExactFloat.nearest(
              BigInteger.valueOf(v).multiply(BigInteger.valueOf(num)), BigInteger.valueOf(den));
      assertEquals(ref, Rational.of(num, den).toFloat(v));
    }
  }
}
