package org.signum.compiler.onnx;

import java.util.Arrays;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Rational;

/**
 * Lowers ONNX's float arithmetic on the live tensor (Add, Sub, Mul, Div by constants and
 * BatchNormalization) to IR float layers that compute exactly the same float32 values.
 *
 * <p>Each ONNX operation is one rounding; each IR layer is defined as a fixed sequence of roundings
 * ({@link org.signum.compiler.ir.FloatArithmetic}), so an operation maps to a layer only where the
 * layer's extra steps are exact: {@code x * c} is {@code affine(c, 0)}, {@code x + c} is {@code
 * affine(1, c)}, {@code x / d} is {@code batchnorm(gamma 1, mean 0, var d*d, eps 0)}, whose square
 * root gives d back exactly. Two neighbours merge where the result rounds the same way: a product
 * then a sum is one affine, a sum then a division one batch norm. Only the sign of a zero may
 * differ ({@code -0 + 0 = +0}), and nothing downstream tells them apart: sign, thresholds and
 * argmax treat -0 as 0, and no value is ever a divisor.
 */
final class FloatLowering {
  private FloatLowering() {}

  /** Add, Sub, Mul or Div of the live tensor (input {@code liveIndex}) and a constant. */
  static void elementwise(ImportState s, OnnxNode node, int liveIndex) {
    float[] c = perElement(s, node, 1 - liveIndex, "the constant operand");
    String op = node.opType();
    String name = Names.of(node);
    switch (s.kind()) {
      case CLASS -> throw new NodeException(op + " of a class index is not supported");
      case BINARY -> rescaleBinary(s, op, liveIndex, c);
      default -> {
        switch (op) {
          case "Mul" -> multiply(s, name, c);
          case "Add" -> shift(s, name, filled(c.length, 1f), c);
          case "Sub" ->
              shift(
                  s,
                  name,
                  filled(c.length, liveIndex == 0 ? 1f : -1f),
                  liveIndex == 0 ? negated(c) : c);
          case "Div" -> {
            if (liveIndex != 0) {
              throw new NodeException(
                  "divides a constant by the computed tensor; Signum supports division by"
                      + " constants only");
            }
            divide(s, name, c);
          }
          default -> throw new AssertionError(op);
        }
      }
    }
  }

  /**
   * ONNX BatchNormalization over channel axis 1: {@code (x - mean) / sqrt(var + eps)}, then scale.
   */
  static void batchNorm(ImportState s, OnnxNode node) {
    requireNumbers(s, "normalizes");
    Shape x = s.liveShape();
    int channels = x.dim(1);
    int inner = x.product(2, x.rank());
    float[] scale = perChannel(s.constant(node, 1, "scale"), channels, inner, x.size());
    float[] bias = perChannel(s.constant(node, 2, "B"), channels, inner, x.size());
    float[] mean = perChannel(s.constant(node, 3, "input_mean"), channels, inner, x.size());
    float[] var = perChannel(s.constant(node, 4, "input_var"), channels, inner, x.size());
    float eps = node.attribute("epsilon").map(OnnxAttribute::floatValue).orElse(1e-5f);
    String name = Names.of(node);
    int n = x.size();
    // gamma 1 and beta 0 make the IR's batch norm exactly (x - mean) / sqrt(var + eps); ONNX
    // multiplies by its scale only after dividing, which is a separate rounding: an affine.
    s.add(
        new BatchNorm(
            name,
            FloatVector.filled(n, 1f),
            FloatVector.filled(n, 0f),
            FloatVector.of(mean),
            FloatVector.of(var),
            eps));
    if (!all(scale, 1f) || !all(bias, 0f)) {
      s.add(new Affine(name + ".scale", FloatVector.of(scale), FloatVector.of(bias)));
    }
    s.advance(s.live(), ImportState.Kind.FLOAT);
  }

  /** {@code x / d} element by element, d from the model. */
  static void divide(ImportState s, String name, float[] d) {
    if (all(d, 1f) || foldIntoInputScale(s, d, false)) {
      return;
    }
    float[] gamma = new float[d.length];
    float[] var = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      var[i] = d[i] * d[i];
      if (!Float.isFinite(d[i])
          || d[i] == 0
          || !(var[i] > 0)
          || !Float.isFinite(var[i])
          || (float) Math.sqrt(var[i]) != Math.abs(d[i])) {
        throw new NodeException(
            "divides element "
                + i
                + " by "
                + d[i]
                + "; Signum divides by a finite, nonzero d whose square does not overflow or"
                + " underflow float32");
      }
      gamma[i] = d[i] > 0 ? 1f : -1f;
    }
    float[] mean = new float[d.length];
    if (s.kind() == ImportState.Kind.FLOAT && s.last() instanceof Affine a && all(a.scale(), 1f)) {
      // (x + b) / d is the batch norm with mean -b: x - (-b) is the same IEEE operation as x + b.
      mean = negated(a.bias().toArray());
      name = a.name() + "+" + name;
      s.replaceLast(batchNorm(name, gamma, mean, var));
    } else {
      s.add(batchNorm(name, gamma, mean, var));
    }
    s.advance(s.live(), ImportState.Kind.FLOAT);
  }

  private static BatchNorm batchNorm(String name, float[] gamma, float[] mean, float[] var) {
    return new BatchNorm(
        name,
        FloatVector.of(gamma),
        FloatVector.filled(gamma.length, 0f),
        FloatVector.of(mean),
        FloatVector.of(var),
        0f);
  }

  private static void multiply(ImportState s, String name, float[] c) {
    if (all(c, 1f) || foldIntoInputScale(s, c, true)) {
      return;
    }
    s.add(new Affine(name, FloatVector.of(c), FloatVector.filled(c.length, 0f)));
    s.advance(s.live(), ImportState.Kind.FLOAT);
  }

  /**
   * {@code scale * x + bias} with every scale +1 or -1, merged into the affine before it when that
   * one adds nothing: {@code round(a * x) + b} is one affine either way.
   */
  static void shift(ImportState s, String name, float[] scale, float[] bias) {
    if (all(scale, 1f) && all(bias, 0f)) {
      return;
    }
    if (s.kind() == ImportState.Kind.FLOAT && s.last() instanceof Affine a && all(a.bias(), 0f)) {
      float[] merged = a.scale().toArray();
      for (int i = 0; i < merged.length; i++) {
        merged[i] *= scale[i];
      }
      s.replaceLast(
          new Affine(a.name() + "+" + name, FloatVector.of(merged), FloatVector.of(bias)));
    } else {
      s.add(new Affine(name, FloatVector.of(scale), FloatVector.of(bias)));
    }
    s.advance(s.live(), ImportState.Kind.FLOAT);
  }

  /**
   * A multiplication or division of the 8-bit input by a whole number changes the input's scale
   * instead of adding a layer, when that is exact: the input's values {@code v * n / 2^e} are then
   * floats exactly, so one rounding of {@code v * n / 2^e * c} (or {@code / c}) is what the model
   * computes.
   */
  private static boolean foldIntoInputScale(ImportState s, float[] c, boolean multiply) {
    if (s.kind() != ImportState.Kind.RAW || !(s.last() instanceof Input in)) {
      return false;
    }
    float v = c[0];
    if (!all(c, v) || !(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
      return false;
    }
    Rational r = in.scale();
    if (!exactOnBytes(r)) {
      return false;
    }
    long num = r.numerator() * (multiply ? (long) v : 1);
    long den = r.denominator() * (multiply ? 1 : (long) v);
    long g = gcd(num, den);
    Rational folded = Rational.of(num / g, den / g);
    if (!folded.isValid()) {
      return false;
    }
    s.replaceLast(new Input(in.name(), in.shape(), in.encoding(), folded));
    return true;
  }

  /** Whether {@code v * r} is a float exactly for every byte v. */
  static boolean exactOnBytes(Rational r) {
    long d = r.denominator();
    return (d & (d - 1)) == 0 && 255 * r.numerator() < (1L << 24);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Multiplying or dividing +-alpha by one positive number keeps the activations binary. */
  private static void rescaleBinary(ImportState s, String op, int liveIndex, float[] c) {
    float v = c[0];
    boolean scaling = op.equals("Mul") || (op.equals("Div") && liveIndex == 0);
    if (!scaling || !all(c, v) || !(v > 0) || !Float.isFinite(v)) {
      throw new NodeException(
          op
              + " of binary activations is supported only as a multiplication or division by one"
              + " positive number for the whole tensor, which keeps them +a or -a");
    }
    float alpha = op.equals("Mul") ? s.alpha() * v : s.alpha() / v;
    if (!(alpha > 0) || !Float.isFinite(alpha)) {
      throw new NodeException(
          "scales binary activations of magnitude " + s.alpha() + " to " + alpha);
    }
    s.setAlpha(alpha);
  }

  static void requireNumbers(ImportState s, String verb) {
    if (s.kind() == ImportState.Kind.BINARY) {
      throw new NodeException(
          verb
              + " binary activations; Signum applies float arithmetic only to integer sums and"
              + " the 8-bit input, before they are binarized");
    }
    if (s.kind() == ImportState.Kind.CLASS) {
      throw new NodeException(verb + " a class index; nothing may follow TopK but reshaping");
    }
  }

  /**
   * Constant input {@code index} of {@code node} broadcast to the live tensor's elements, which the
   * broadcast must not multiply.
   */
  static float[] perElement(ImportState s, OnnxNode node, int index, String role) {
    Tensor c = s.constant(node, index, role);
    Shape live = s.liveShape();
    Shape out = TensorOps.broadcast(live, c.shape());
    if (out.size() != live.size()) {
      throw new NodeException(
          role
              + " of shape "
              + c.shape()
              + " broadcasts the computed tensor "
              + live
              + " to "
              + out
              + "; Signum needs each element of the computed tensor to stay one element");
    }
    return TensorOps.expand(c, out).clone();
  }

  /** A per-channel parameter of shape [C] spread over the elements of each channel. */
  private static float[] perChannel(Tensor t, int channels, int inner, int size) {
    float[] p = t.floatData();
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = p[(i / inner) % channels];
    }
    return out;
  }

  static boolean all(float[] v, float value) {
    for (float f : v) {
      if (f != value) {
        return false;
      }
    }
    return true;
  }

  static boolean all(FloatVector v, float value) {
    return all(v.toArray(), value);
  }

  static float[] filled(int n, float value) {
    float[] a = new float[n];
    Arrays.fill(a, value);
    return a;
  }

  static float[] negated(float[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }
}
