package org.signum.compiler.golden;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.ElementKind;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Evaluates a network the plain way: +1/-1 values in int arrays, dot products as sums of products,
 * no packing and no popcounts, nothing taken from code generation. Float layers follow the
 * definitions of {@link org.signum.compiler.ir.FloatArithmetic}, written out again here. Slow and
 * obvious on purpose: every compiled program is checked against it.
 */
public final class GoldenReference {
  private final Network net;

  /**
   * The real value of each input byte 0..255 under the input's scale, found once: the exact
   * rounding is slow, and the input's float layers would otherwise repeat it for every element of
   * every input. Never changed after construction, so one reference serves many threads.
   */
  private final float[] byteValues;

  /** A reference for {@code net}, which must be valid. */
  public GoldenReference(Network net) {
    net.types();
    this.net = net;
    Input in = (Input) net.layer(0);
    this.byteValues = new float[256];
    for (int v = 0; v < 256; v++) {
      byteValues[v] =
          ExactFloat.nearest(
              BigInteger.valueOf(v * in.scale().numerator()),
              BigInteger.valueOf(in.scale().denominator()));
    }
  }

  /**
   * Runs one input: for an 8-bit input the bytes 0..255, for a bipolar input +1 or -1, in the
   * input's row-major element order.
   *
   * @throws IllegalArgumentException when the input has the wrong length or a value out of range
   */
  public Evaluation evaluate(int[] input) {
    Input in = (Input) net.layer(0);
    checkInput(in, input);
    List<LayerValue> out = new ArrayList<>();
    long[] first = new long[input.length];
    for (int i = 0; i < input.length; i++) {
      first[i] = input[i];
    }
    ElementKind inKind =
        in.encoding() == Input.Encoding.UINT8 ? ElementKind.UINT8 : ElementKind.BIPOLAR;
    LayerValue v = new LayerValue(in.name(), inKind, first, null);
    out.add(v);
    // The scale that turns the current integer tensor into real values.
    Rational scale = in.scale();
    int popcountInputs = 0;
    LayerValue scores = null;
    int classIndex = -1;
    for (int li = 1; li < net.size(); li++) {
      Layer layer = net.layer(li);
      LayerValue prev = v;
      if (layer instanceof BinaryDense d) {
        popcountInputs = prev.kind() == ElementKind.BIPOLAR ? d.inputs() : 0;
        if (prev.kind() == ElementKind.BIPOLAR) {
          scale = Rational.ONE;
        }
        v = new LayerValue(d.name(), ElementKind.INTEGER, dense(d, prev), null);
      } else if (layer instanceof BatchNorm b) {
        float[] y = new float[prev.size()];
        int per = prev.size() / b.gamma().size();
        for (int i = 0; i < y.length; i++) {
          int c = i / per;
          y[i] =
              batchNorm(
                  real(prev, i, scale),
                  b.gamma().get(c),
                  b.beta().get(c),
                  b.mean().get(c),
                  b.var().get(c),
                  b.eps());
        }
        v = new LayerValue(b.name(), ElementKind.FLOAT, null, y);
      } else if (layer instanceof Affine a) {
        float[] y = new float[prev.size()];
        int per = prev.size() / a.scale().size();
        for (int i = 0; i < y.length; i++) {
          int c = i / per;
          float product = a.scale().get(c) * real(prev, i, scale);
          y[i] = product + a.bias().get(c);
        }
        v = new LayerValue(a.name(), ElementKind.FLOAT, null, y);
      } else if (layer instanceof Sign s) {
        long[] bits = new long[prev.size()];
        for (int i = 0; i < bits.length; i++) {
          // A positive scale never changes the sign of an integer, so integers need no rounding.
          boolean plus = prev.isFloat() ? prev.asFloat(i) >= 0 : prev.intAt(i) >= 0;
          bits[i] = plus ? 1 : -1;
        }
        v = new LayerValue(s.name(), ElementKind.BIPOLAR, bits, null);
      } else if (layer instanceof Threshold t) {
        v = new LayerValue(t.name(), ElementKind.BIPOLAR, threshold(t, prev, popcountInputs), null);
      } else if (layer instanceof Scores s) {
        v =
            s.table().isPresent()
                ? new LayerValue(s.name(), ElementKind.INTEGER, lookUp(s.table().get(), prev), null)
                : new LayerValue(
                    s.name(),
                    prev.kind(),
                    prev.isFloat() ? null : prev.ints(),
                    prev.isFloat() ? prev.floats() : null);
        scores = v;
      } else if (layer instanceof Argmax a) {
        classIndex = argmax(prev);
        v = new LayerValue(a.name(), ElementKind.CLASS, new long[] {classIndex}, null);
      } else {
        throw new IllegalStateException("no reference for " + layer.kind());
      }
      out.add(v);
    }
    return new Evaluation(out, scores, classIndex);
  }

  private static void checkInput(Input in, int[] input) {
    long n = in.shape().elements();
    if (input.length != n) {
      throw new IllegalArgumentException(
          "input '" + in.name() + "' has " + n + " elements, got " + input.length);
    }
    for (int i = 0; i < input.length; i++) {
      int x = input[i];
      boolean ok = in.encoding() == Input.Encoding.UINT8 ? x >= 0 && x <= 255 : x == 1 || x == -1;
      if (!ok) {
        throw new IllegalArgumentException(
            "input element "
                + i
                + " is "
                + x
                + ", expected "
                + (in.encoding() == Input.Encoding.UINT8 ? "0..255" : "+1 or -1"));
      }
    }
  }

  private static long[] dense(BinaryDense d, LayerValue x) {
    long[] s = new long[d.outputs()];
    for (int j = 0; j < s.length; j++) {
      long sum = 0;
      for (int i = 0; i < d.inputs(); i++) {
        sum += (long) d.weights().sign(j, i) * x.intAt(i);
      }
      s[j] = sum;
    }
    return s;
  }

  /** Element i as the float the model computes with. */
  private float real(LayerValue v, int i, Rational scale) {
    if (v.isFloat()) {
      return v.asFloat(i);
    }
    if (v.kind() == ElementKind.UINT8) {
      return byteValues[(int) v.intAt(i)];
    }
    if (scale.equals(Rational.ONE) && Math.abs(v.intAt(i)) <= 1 << 24) {
      // Every integer of at most 2^24 in magnitude is a float.
      return v.intAt(i);
    }
    BigInteger a = BigInteger.valueOf(v.intAt(i)).multiply(BigInteger.valueOf(scale.numerator()));
    return ExactFloat.nearest(a, BigInteger.valueOf(scale.denominator()));
  }

  private static float batchNorm(
      float x, float gamma, float beta, float mean, float var, float eps) {
    float centred = x - mean;
    float scaled = gamma * centred;
    float sum = var + eps;
    float deviation = (float) Math.sqrt(sum);
    float normalized = scaled / deviation;
    return normalized + beta;
  }

  private static long[] threshold(Threshold t, LayerValue x, int popcountInputs) {
    long[] bits = new long[x.size()];
    int per = x.size() / t.rules().size();
    for (int i = 0; i < bits.length; i++) {
      ThresholdRule rule = t.rules().get(i / per);
      long operand = x.intAt(i);
      if (t.operand() == Threshold.Operand.POPCOUNT) {
        operand = (operand + popcountInputs) / 2;
      }
      bits[i] = rule.fires(operand) ? 1 : -1;
    }
    return bits;
  }

  private static long[] lookUp(ScoreTable table, LayerValue x) {
    long[] s = new long[x.size()];
    for (int c = 0; c < s.length; c++) {
      long k = (x.intAt(c) - table.low()) / table.step();
      s[c] = table.get(c, (int) k);
    }
    return s;
  }

  /** The first index of the largest score. */
  private static int argmax(LayerValue scores) {
    int best = 0;
    for (int k = 1; k < scores.size(); k++) {
      boolean larger =
          scores.isFloat()
              ? scores.asFloat(k) > scores.asFloat(best)
              : scores.intAt(k) > scores.intAt(best);
      if (larger) {
        best = k;
      }
    }
    return best;
  }
}
