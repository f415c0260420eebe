package org.signum.compiler.onnx;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Lowers the binarizing operators to the IR's sign (+1 where the value is at least 0) or integer
 * threshold: BipolarQuant, a signed 1-bit Quant, a MultiThreshold with one threshold per channel,
 * and Sign where its input is never 0. Anything with more than two output levels is refused: the
 * layer IR has binary activations only.
 */
final class ActivationLowering {
  private static final String SUPPORTED =
      "Signum's layer IR has binary activations only (+a/-a: BipolarQuant, a signed 1-bit Quant,"
          + " a MultiThreshold with one threshold per channel, or a Sign whose input is never 0);"
          + " see docs/onnx-import.md";

  /** Most float evaluations spent proving that a Sign's input is never 0. */
  private static final long ZERO_CHECK_BUDGET = 1L << 27;

  private ActivationLowering() {}

  /** QONNX BipolarQuant: {@code x >= 0 ? +scale : -scale}. */
  static void bipolarQuant(ImportState s, OnnxNode node) {
    float scale = positiveScalar(s, node, 1, "scale");
    binarize(s, Names.of(node));
    s.setAlpha(scale);
  }

  /** QONNX Quant, accepted when it is bipolar: signed, one bit, zero point 0. */
  static void quant(ImportState s, OnnxNode node) {
    int bits = (int) s.constant(node, 3, "the bit width").valueAt(0);
    boolean signed = node.attribute("signed").orElseThrow().intValue() == 1;
    boolean narrow = node.attribute("narrow").orElseThrow().intValue() == 1;
    if (bits != 1 || !signed) {
      throw new NodeException(
          "a "
              + bits
              + "-bit "
              + (signed ? "signed" : "unsigned")
              + (narrow ? " narrow" : "")
              + " quantizer (integers "
              + Quant.minInt(signed, narrow, bits)
              + " to "
              + Quant.maxInt(signed, narrow, bits)
              + ") is not supported: "
              + SUPPORTED);
    }
    float scale = positiveScalar(s, node, 1, "scale");
    float[] zero = s.constant(node, 2, "the zero point").floats();
    if (!FloatLowering.all(zero, 0f)) {
      throw new NodeException(
          "a 1-bit quantizer with a zero point other than 0 outputs two values that are not +a"
              + " and -a; "
              + SUPPORTED);
    }
    String name = Names.of(node);
    if (s.kind() != ImportState.Kind.BINARY) {
      FloatLowering.requireNumbers(s, "quantizes");
      // QONNX fires where x / scale + 0 >= 0: the division is one more rounding step.
      FloatLowering.divide(s, name + ".scale", FloatLowering.filled(s.liveElements(), scale));
    }
    binarize(s, name);
    s.setAlpha(scale);
  }

  /** FINN's MultiThreshold with one threshold per channel and outputs -a and +a. */
  static void multiThreshold(ImportState s, OnnxNode node) {
    Tensor thresholds = s.constant(node, 1, "the thresholds");
    int steps = thresholds.shape().dim(1);
    String dtype = node.attribute("out_dtype").map(OnnxAttribute::stringValue).orElse("?");
    if (steps != 1) {
      int levelBits = 32 - Integer.numberOfLeadingZeros(steps);
      throw new NodeException(
          steps
              + " thresholds per channel make "
              + (steps + 1)
              + " output levels, a "
              + levelBits
              + "-bit activation (out_dtype "
              + dtype
              + "), which is not supported: "
              + SUPPORTED);
    }
    double outScale = node.attribute("out_scale").map(OnnxAttribute::floatValue).orElse(1f);
    double outBias = node.attribute("out_bias").map(OnnxAttribute::floatValue).orElse(0f);
    float low = (float) outBias;
    float high = (float) (outScale + outBias);
    if (!(high > 0) || low != -high || !Float.isFinite(high)) {
      throw new NodeException(
          "outputs "
              + low
              + " below its threshold and "
              + high
              + " at or above it; Signum's activations are -a and +a with a > 0 (out_scale > 0"
              + " and out_bias = -out_scale / 2)");
    }
    if (s.kind() == ImportState.Kind.BINARY) {
      throw new NodeException("thresholds binary activations again; " + SUPPORTED);
    }
    FloatLowering.requireNumbers(s, "thresholds");
    float[] t = perElementThresholds(s, node, thresholds);
    String name = Names.of(node);
    if (s.liveIsPlainInteger()) {
      s.add(new Threshold(name, Threshold.Operand.VALUE, integerRules(s.integerValues(), t)));
      s.advance(s.live(), ImportState.Kind.BINARY);
    } else {
      // x >= t exactly when x - t >= 0: the difference of two floats rounds to 0 only when they
      // are equal, and rounding keeps its sign.
      if (!FloatLowering.all(t, 0f)) {
        FloatLowering.shift(
            s, name + ".threshold", FloatLowering.filled(t.length, 1f), FloatLowering.negated(t));
      }
      binarize(s, name);
    }
    s.setAlpha(high);
  }

  /** ONNX Sign, accepted where its input is never 0 (Sign(0) is 0, not a binary value). */
  static void sign(ImportState s, OnnxNode node) {
    if (s.kind() != ImportState.Kind.BINARY) {
      FloatLowering.requireNumbers(s, "takes the sign of");
      checkNeverZero(s);
    }
    binarize(s, Names.of(node));
    s.setAlpha(1f);
  }

  /** Sign on numbers; binary activations keep their bits and only change magnitude. */
  private static void binarize(ImportState s, String name) {
    if (s.kind() == ImportState.Kind.BINARY) {
      return;
    }
    FloatLowering.requireNumbers(s, "binarizes");
    s.add(new org.signum.compiler.ir.Sign(name));
    s.advance(s.live(), ImportState.Kind.BINARY);
  }

  private static float positiveScalar(ImportState s, OnnxNode node, int index, String role) {
    float[] v = s.constant(node, index, "the " + role).floats();
    if (v.length == 0 || !FloatLowering.all(v, v[0]) || !(v[0] > 0) || !Float.isFinite(v[0])) {
      throw new NodeException(
          "the "
              + role
              + " must be one positive number for the whole tensor, so that the activations are"
              + " +a or -a");
    }
    return v[0];
  }

  private static float[] perElementThresholds(ImportState s, OnnxNode node, Tensor thresholds) {
    Shape x = s.liveShape();
    boolean nhwc =
        node.attribute("data_layout").map(a -> a.stringValue().equals("NHWC")).orElse(false);
    int axis = MultiThreshold.channelAxis(x, nhwc);
    int channels = x.dim(axis);
    int inner = x.product(axis + 1, x.rank());
    boolean shared = thresholds.shape().dim(0) == 1;
    float[] t = thresholds.floats();
    float[] out = new float[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = t[shared ? 0 : (i / inner) % channels];
      if (!Float.isFinite(out[i])) {
        throw new NodeException(
            "threshold of element " + i + " is " + out[i] + "; Signum needs finite thresholds");
      }
    }
    return out;
  }

  /** {@code v >= t} on integers is {@code v >= ceil(t)}, or constant outside the values' range. */
  private static List<ThresholdRule> integerRules(IntegerValues values, float[] t) {
    List<ThresholdRule> rules = new ArrayList<>();
    for (int c = 0; c < t.length; c++) {
      double at = Math.ceil(t[c]);
      if (at <= values.low(c)) {
        rules.add(ThresholdRule.always());
      } else if (at > values.high(c)) {
        rules.add(ThresholdRule.never());
      } else {
        rules.add(ThresholdRule.atLeast((long) at));
      }
    }
    return rules;
  }

  /**
   * Evaluates the float layers since the last integer source at every value it can take and fails
   * where one gives 0 or NaN, for which ONNX's Sign is not +1 or -1.
   */
  private static void checkNeverZero(ImportState s) {
    int source = s.integerSource();
    IntegerValues values = s.integerValues();
    List<Layer> layers = s.layers();
    List<Layer> chain = layers.subList(source + 1, layers.size());
    long total = 0;
    for (int c = 0; c < values.channels(); c++) {
      total += values.count(c);
    }
    String what = source == 0 ? "the input byte" : "the sum of '" + layers.get(source).name() + "'";
    if (total > ZERO_CHECK_BUDGET) {
      throw new NodeException(
          "cannot check that its input is never 0 ("
              + what
              + " takes "
              + total
              + " values); ONNX's Sign gives 0 there, which is not binary");
    }
    for (int c = 0; c < values.channels(); c++) {
      for (long k = 0; k < values.count(c); k++) {
        long v = values.value(c, k);
        float y = values.scale().toFloat(v);
        for (Layer l : chain) {
          y = l instanceof BatchNorm b ? b.apply(c, y) : ((Affine) l).apply(c, y);
        }
        if (y == 0 || Float.isNaN(y)) {
          throw new NodeException(
              "its input is "
                  + y
                  + " at element "
                  + c
                  + " when "
                  + what
                  + " is "
                  + v
                  + "; ONNX's Sign gives "
                  + (y == 0 ? "0" : "NaN")
                  + " there, which is not a binary value (BipolarQuant gives +1)."
                  + " Signum compiles Sign only where its input is never 0");
        }
      }
    }
  }
}
