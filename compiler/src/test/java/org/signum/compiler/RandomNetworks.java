package org.signum.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Random valid networks with awkward shapes: sizes around multiples of 64, single neurons, negative
 * and zero batch-norm scales, exact ties, 8-bit and bipolar inputs.
 */
public final class RandomNetworks {
  private static final int[] AWKWARD = {
    1, 2, 3, 7, 31, 63, 64, 65, 100, 127, 128, 129, 200, 255, 257
  };

  private final Random r;
  private final int maxWidth;

  public RandomNetworks(long seed, int maxWidth) {
    // Consecutive seeds give correlated first draws from java.util.Random; spread them first.
    this.r = new Random(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    this.maxWidth = maxWidth;
  }

  public Random random() {
    return r;
  }

  private int size() {
    int s = r.nextInt(3) == 0 ? 1 + r.nextInt(maxWidth) : AWKWARD[r.nextInt(AWKWARD.length)];
    return Math.min(s, maxWidth);
  }

  public Network next(String name) {
    Network.Builder b = Network.builder(name);
    boolean uint8 = r.nextBoolean();
    int n = size();
    Shape shape = r.nextInt(4) == 0 && n % 2 == 0 ? Shape.of(2, n / 2) : Shape.of(n);
    // Per-channel parameters of a 2-D input apply to each row of n/2 elements.
    int channels = shape.channels();
    double realPerUnit = 1;
    boolean bipolar = !uint8;
    int layerNo = 0;
    if (uint8) {
      Rational scale =
          switch (r.nextInt(3)) {
            case 0 -> Rational.ONE;
            case 1 -> Rational.of(1, 255);
            default -> Rational.of(1 + r.nextInt(5), 1 + r.nextInt(300));
          };
      realPerUnit = (double) scale.numerator() / scale.denominator();
      b.input("in", shape, Input.Encoding.UINT8, scale);
      if (r.nextInt(5) < 2) {
        activation(b, "bin", channels, 0, 255, realPerUnit, false);
        bipolar = true;
      }
    } else {
      b.input("in", shape, Input.Encoding.BIPOLAR, Rational.ONE);
    }
    int inputs = n;
    int hidden = r.nextInt(8) == 0 ? 4 + r.nextInt(3) : r.nextInt(4);
    for (int h = 0; h < hidden; h++) {
      int outputs = size();
      layerNo++;
      b.dense("fc" + layerNo, weights(outputs, inputs));
      long lo = bipolar ? -inputs : -255L * inputs;
      long hi = bipolar ? inputs : 255L * inputs;
      activation(b, "act" + layerNo, outputs, lo, hi, bipolar ? 1 : realPerUnit, bipolar);
      bipolar = true;
      inputs = outputs;
    }
    if (r.nextInt(10) == 0 && hidden > 0) {
      return b.build();
    }
    int classes = 1 + r.nextInt(12);
    b.dense("out", weights(classes, inputs));
    double span = bipolar ? inputs : 255.0 * inputs * realPerUnit;
    // A score table covers every reachable sum: 510 N + 1 entries per class for bytes.
    boolean tableFits = bipolar || 4L * classes * (510L * inputs + 1) <= 8192;
    switch (tableFits ? r.nextInt(4) : 3) {
      case 0 ->
          b.affine("classaffine", floats(classes, -2, 2, 0.2), floats(classes, -span, span, 0));
      case 1 ->
          b.batchNorm(
              "classnorm",
              floats(classes, -2, 2, 0.2),
              floats(classes, -2, 2, 0),
              floats(classes, -span / 2, span / 2, 0),
              floats(classes, 0.1, span, 0),
              1e-5f);
      default -> {}
    }
    b.scores("scores");
    if (r.nextInt(8) != 0) {
      b.argmax("class");
    }
    return b.build();
  }

  /** An activation on integers in [lo, hi] whose real value is the integer times unit. */
  private void activation(
      Network.Builder b,
      String name,
      int channels,
      long lo,
      long hi,
      double unit,
      boolean popcountOk) {
    double rlo = lo * unit;
    double rhi = hi * unit;
    switch (r.nextInt(popcountOk ? 7 : 6)) {
      case 0 -> b.sign(name);
      case 1, 2 ->
          b.batchNorm(
                  name + "_bn",
                  gammas(channels),
                  floats(channels, -1, 1, 0.3),
                  means(channels, rlo, rhi, unit),
                  variances(channels, rhi),
                  r.nextBoolean() ? 0 : 1e-5f)
              .sign(name);
      case 3 ->
          b.affine(name + "_aff", gammas(channels), means(channels, rlo, rhi, unit)).sign(name);
      case 4 ->
          b.batchNorm(
                  name + "_bn",
                  gammas(channels),
                  floats(channels, -1, 1, 0.3),
                  means(channels, rlo, rhi, unit),
                  variances(channels, rhi),
                  1e-3f)
              .affine(name + "_aff", gammas(channels), floats(channels, -1, 1, 0.3))
              .sign(name);
      case 5 -> b.threshold(name, Threshold.Operand.VALUE, rules(channels, lo - 2, hi + 2));
      default ->
          b.threshold(name, Threshold.Operand.POPCOUNT, rules(channels, -1, (hi - lo) / 2 + 2));
    }
  }

  private List<ThresholdRule> rules(int channels, long lo, long hi) {
    List<ThresholdRule> rules = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      long t = lo + (long) (r.nextDouble() * (hi - lo + 1));
      rules.add(
          switch (r.nextInt(8)) {
            case 0 -> ThresholdRule.always();
            case 1 -> ThresholdRule.never();
            case 2, 3 -> ThresholdRule.below(t);
            default -> ThresholdRule.atLeast(t);
          });
    }
    return rules;
  }

  private BitMatrix weights(int rows, int cols) {
    BitMatrix.Builder m = new BitMatrix.Builder(rows, cols);
    double bias = r.nextInt(4) == 0 ? r.nextDouble() : 0.5;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.set(i, j, r.nextDouble() < bias);
      }
    }
    return m.build();
  }

  /** Scales: a fifth zero, a third negative, some exactly 1. */
  private float[] gammas(int n) {
    float[] g = new float[n];
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(15);
      g[i] =
          k < 3
              ? 0f
              : k < 8 ? -(0.05f + 3 * r.nextFloat()) : k < 10 ? 1f : 0.05f + 3 * r.nextFloat();
    }
    return g;
  }

  /** Means in the reachable range, half of them exactly on a reachable value (a tie). */
  private float[] means(int n, double lo, double hi, double unit) {
    float[] m = new float[n];
    for (int i = 0; i < n; i++) {
      double x = lo + r.nextDouble() * (hi - lo);
      m[i] = (float) (r.nextBoolean() ? Math.round(x / unit) * unit : x);
    }
    return m;
  }

  private float[] variances(int n, double hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(4) == 0 ? 1f : (float) (0.01 + r.nextDouble() * Math.max(1, hi));
    }
    return v;
  }

  /** Uniform in [lo, hi]; with probability zeroChance exactly 0. */
  private float[] floats(int n, double lo, double hi, double zeroChance) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble() < zeroChance ? 0f : (float) (lo + r.nextDouble() * (hi - lo));
    }
    return v;
  }

  /** A random input for {@code net}: bytes (often extremes) or +1/-1. */
  public int[] input(Network net) {
    Input in = (Input) net.layer(0);
    int[] x = new int[(int) in.shape().elements()];
    for (int i = 0; i < x.length; i++) {
      if (in.encoding() == Input.Encoding.BIPOLAR) {
        x[i] = r.nextBoolean() ? 1 : -1;
      } else {
        int k = r.nextInt(6);
        x[i] = k == 0 ? 0 : k == 1 ? 255 : r.nextInt(256);
      }
    }
    return x;
  }
}
