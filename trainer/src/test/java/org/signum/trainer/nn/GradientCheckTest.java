package org.signum.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.trainer.math.Gemm;

/**
 * The backward passes against central finite differences of the forward passes, for the scalar
 * objective {@code L = sum_i c_i y_i} with random coefficients c.
 */
class GradientCheckTest {
  private static final double H = 1e-2;
  private static final Pass TRAIN = new Pass(true, new SplittableRandom(1));

  @ParameterizedTest(name = "{0} channels x {1} positions, batch {2}")
  @CsvSource({"3, 1, 5", "4, 3, 2", "1, 1, 7", "6, 2, 16"})
  void batchNormBackwardMatchesFiniteDifferences(int channels, int positions, int batch) {
    SplittableRandom r = new SplittableRandom(channels * 31L + positions * 7L + batch);
    BatchNorm bn = new BatchNorm("bn", channels, positions, 1e-4f, 0.1f, false);
    for (int c = 0; c < channels; c++) {
      bn.gamma()[c] = (float) (r.nextDouble() * 4 - 2);
      bn.beta()[c] = (float) (r.nextDouble() * 2 - 1);
    }
    float[] x = random(r, batch * channels * positions, 3);
    float[] coeff = random(r, x.length, 1);
    bn.forward(x, batch, TRAIN);
    float[] dx = bn.backward(coeff, batch, true);
    float[] dGamma = bn.params().get(0).grad().clone();
    float[] dBeta = bn.params().get(1).grad().clone();
    Supplier<Double> loss = () -> dot(bn.forward(x, batch, TRAIN), coeff);
    for (int i = 0; i < x.length; i++) {
      assertClose(dx[i], numeric(x, i, loss), "dx[" + i + "]");
    }
    for (int c = 0; c < channels; c++) {
      assertClose(dGamma[c], numeric(bn.gamma(), c, loss), "dgamma[" + c + "]");
      assertClose(dBeta[c], numeric(bn.beta(), c, loss), "dbeta[" + c + "]");
    }
  }

  @Test
  void straightThroughEstimatorIsTheHardTanhDerivative() {
    SplittableRandom r = new SplittableRandom(5);
    int n = 400;
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      // away from the kinks at -1 and +1, where hard tanh has no derivative
      float v;
      do {
        v = (float) (r.nextDouble() * 6 - 3);
      } while (Math.abs(Math.abs(v) - 1) < 2 * H);
      x[i] = v;
    }
    x[0] = 0f;
    x[1] = -0f;
    float[] coeff = random(r, n, 1);
    SignActivation s = new SignActivation(n);
    float[] y = s.forward(x, 1, TRAIN);
    float[] dx = s.backward(coeff, 1, true);
    int passed = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(x[i] >= 0f ? 1f : -1f, y[i], "sign of " + x[i]);
      double up = Math.max(-1, Math.min(1, x[i] + H));
      double down = Math.max(-1, Math.min(1, x[i] - H));
      assertClose(dx[i], coeff[i] * (up - down) / (2 * H), "dx[" + i + "] at x = " + x[i]);
      passed += Math.abs(x[i]) <= 1 ? 1 : 0;
    }
    // both regimes are exercised
    org.junit.jupiter.api.Assertions.assertTrue(passed > 50 && passed < n - 50, "" + passed);
  }

  @Test
  void binaryDenseBackwardMatchesFiniteDifferencesThroughTheBinaryWeights() {
    SplittableRandom r = new SplittableRandom(9);
    int in = 13;
    int out = 7;
    int batch = 5;
    try (Gemm gemm = new Gemm(1, true)) {
      BinaryDense d = new BinaryDense("fc", in, out, false, gemm, new SplittableRandom(3));
      float[] x = random(r, batch * in, 2);
      float[] coeff = random(r, batch * out, 1);
      d.forward(x, batch, TRAIN);
      float[] dx = d.backward(coeff, batch, true);
      float[] dw = d.weights().grad().clone();
      Supplier<Double> loss = () -> dot(d.forward(x, batch, TRAIN), coeff);
      for (int i = 0; i < x.length; i++) {
        assertClose(dx[i], numeric(x, i, loss), "dx[" + i + "]");
      }
      // The straight-through estimator: the latent weight receives dL/dW_b, the derivative of the
      // loss with the binary weight taken as a real number.
      for (int o = 0; o < out; o++) {
        for (int i = 0; i < in; i++) {
          double wb = d.plus(o, i) ? 1 : -1;
          double expected = 0;
          for (int b = 0; b < batch; b++) {
            expected += coeff[b * out + o] * x[b * in + i];
          }
          assertClose(dw[o * in + i], expected, "dW[" + o + "][" + i + "] (W_b = " + wb + ")");
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"SQUARE_HINGE", "CROSS_ENTROPY"})
  void lossGradientMatchesFiniteDifferences(Loss l) {
    SplittableRandom r = new SplittableRandom(11);
    int batch = 4;
    int classes = 5;
    float[] y = random(r, batch * classes, 2);
    int[] labels = {0, 3, 4, 3};
    float[] dy = new float[y.length];
    l.apply(y, labels, batch, classes, dy);
    float[] scratch = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      assertClose(
          dy[i], numeric(y, i, () -> l.apply(y, labels, batch, classes, scratch)), "dy[" + i + "]");
    }
  }

  @Test
  void dropoutScalesKeptElementsAndPassesTheirGradient() {
    Dropout d = new Dropout(1000, 0.25f);
    float[] x = new float[1000];
    java.util.Arrays.fill(x, 2f);
    float[] y = d.forward(x, 1, TRAIN);
    float[] g = d.backward(x, 1, true);
    int kept = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0f) {
        kept++;
        assertEquals(2f / 0.75f, y[i], 1e-6);
        assertEquals(2f / 0.75f, g[i], 1e-6);
      } else {
        assertEquals(0f, g[i]);
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(kept > 700 && kept < 800, "kept " + kept);
    assertArrayEquals(x, d.forward(x, 1, Pass.evaluation()));
  }

  private static double numeric(float[] v, int i, Supplier<Double> loss) {
    float saved = v[i];
    v[i] = (float) (saved + H);
    double up = loss.get();
    v[i] = (float) (saved - H);
    double down = loss.get();
    v[i] = saved;
    return (up - down) / (2 * H);
  }

  private static void assertClose(double analytic, double numeric, String what) {
    double tol = 2e-3 * Math.max(1, Math.abs(numeric));
    assertEquals(numeric, analytic, tol, what);
  }

  private static float[] random(SplittableRandom r, int n, double range) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) ((r.nextDouble() * 2 - 1) * range);
    }
    return a;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }
}
