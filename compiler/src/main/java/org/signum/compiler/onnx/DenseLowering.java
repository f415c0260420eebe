package org.signum.compiler.onnx;

import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Rational;

/**
 * Lowers MatMul and Gemm to a binary dense layer. The weights of each output must be +g or -g for
 * one g > 0; the layer's input must be binary activations (+a or -a) or the 8-bit input itself.
 * ONNX sums the products in float32, Signum exactly, so the import checks that every partial sum
 * the float32 loop can form is a float: then both give the same value, {@code s * a * g} for the
 * integer dot product s, which an affine after the dense layer restores where {@code a * g} is not
 * 1.
 */
final class DenseLowering {
  /** Above this, consecutive integers are no longer all floats. */
  private static final long FLOAT_INTEGERS = 1L << 24;

  private DenseLowering() {}

  private record Weights(BitMatrix bits, float[] magnitude) {}

  static void matMul(ImportState s, OnnxNode node, int liveIndex) {
    requireLiveA(node, liveIndex);
    Tensor b = s.constant(node, 1, "the weights B");
    lower(s, node, weights(b, node.inputs().get(1), false), 1f, null);
  }

  static void gemm(ImportState s, OnnxNode node, int liveIndex) {
    requireLiveA(node, liveIndex);
    boolean transB = node.attribute("transB").map(a -> a.intValue() != 0).orElse(false);
    float alpha = node.attribute("alpha").map(OnnxAttribute::floatValue).orElse(1f);
    float beta = node.attribute("beta").map(OnnxAttribute::floatValue).orElse(1f);
    Weights w = weights(s.constant(node, 1, "the weights B"), node.inputs().get(1), transB);
    float[] bias = null;
    if (node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()) {
      Tensor c = s.constant(node, 2, "the bias C");
      float[] expanded = TensorOps.expand(c, Shape.of(1, w.bits().rows()));
      bias = new float[expanded.length];
      for (int j = 0; j < bias.length; j++) {
        bias[j] = beta * expanded[j];
      }
    }
    lower(s, node, w, alpha, bias);
  }

  private static void requireLiveA(OnnxNode node, int liveIndex) {
    if (liveIndex != 0) {
      throw new NodeException(
          "multiplies constant A by the computed tensor as B; Signum computes the computed tensor"
              + " times constant weights");
    }
  }

  private static void lower(ImportState s, OnnxNode node, Weights w, float alpha, float[] bias) {
    Shape a = s.liveShape();
    // The probe has matched A's inner dimension to the weights; A must also be a single row (a
    // [K, 1] A of Gemm with transA is one too, in the same element order).
    int k = w.bits().cols();
    if (a.size() != k) {
      throw new NodeException(
          "multiplies each of the "
              + a.size() / k
              + " rows of "
              + a
              + " by the weights; Signum's dense layers take the whole input as one row"
              + " (flatten it first)");
    }
    float[] step =
        switch (s.kind()) {
          case BINARY -> binaryProducts(s.alpha(), w, k);
          case RAW -> byteProducts(s, w, k);
          default ->
              throw new NodeException(
                  "reads "
                      + (s.kind() == ImportState.Kind.CLASS
                          ? "a class index"
                          : "values that are not binary")
                      + "; Signum's dense layers read binary activations (after BipolarQuant,"
                      + " MultiThreshold or Sign) or the 8-bit input itself");
        };
    String name = Names.of(node);
    s.add(new BinaryDense(name, w.bits()));
    s.markDense();
    s.advance(s.live(), ImportState.Kind.INTEGER);
    int n = step.length;
    if (!FloatLowering.all(step, 1f)) {
      s.add(new Affine(name + ".scale", FloatVector.of(step), FloatVector.filled(n, 0f)));
      s.advance(s.live(), ImportState.Kind.FLOAT);
    }
    if (alpha != 1f) {
      s.add(new Affine(name + ".alpha", FloatVector.filled(n, alpha), FloatVector.filled(n, 0f)));
      s.advance(s.live(), ImportState.Kind.FLOAT);
    }
    if (bias != null) {
      FloatLowering.shift(s, name + ".bias", FloatLowering.filled(n, 1f), bias);
    }
  }

  /**
   * The product {@code a * g} of each output for binary inputs +-a, after checking that every
   * partial sum of up to k such products is a float.
   */
  private static float[] binaryProducts(float alpha, Weights w, int k) {
    float[] p = new float[w.magnitude().length];
    for (int j = 0; j < p.length; j++) {
      p[j] = alpha * w.magnitude()[j];
      if (!multiplesExact(p[j], k)) {
        throw new NodeException(
            "its float32 sums of "
                + k
                + " products +-"
                + p[j]
                + " (activations +-"
                + alpha
                + " times weights +-"
                + w.magnitude()[j]
                + " of output "
                + j
                + ") can round, while Signum's sums are exact");
      }
    }
    return p;
  }

  /**
   * For the 8-bit input: the weights must be +-1 and the input's scale n / 2^e with {@code 255 * k
   * * n < 2^24}, so that every partial sum is a float.
   */
  private static float[] byteProducts(ImportState s, Weights w, int k) {
    Rational r = ((Input) s.layers().get(0)).scale();
    boolean unitWeights = FloatLowering.all(w.magnitude(), 1f);
    if (!unitWeights
        || !FloatLowering.exactOnBytes(r)
        || 255L * k * r.numerator() >= FLOAT_INTEGERS) {
      throw new NodeException(
          "reads the 8-bit input (scale "
              + r
              + ") directly; its float32 sums of "
              + k
              + " products round unless the weights are +-1 and the scale is n / 2^e with"
              + " 255 * "
              + k
              + " * n < 2^24, while Signum's sums are exact. Binarize the input first, or give"
              + " an input scale that keeps the sums exact");
    }
    return FloatLowering.filled(w.magnitude().length, 1f);
  }

  /** Whether {@code m * p} is a float for every integer m with |m| <= k. */
  static boolean multiplesExact(float p, int k) {
    if (!Float.isFinite(p) || p <= 0 || !Float.isFinite((float) ((double) p * k))) {
      return false;
    }
    int bits = Float.floatToRawIntBits(p);
    int exponent = bits >>> 23 & 0xff;
    long significand = bits & 0x7fffff | (exponent == 0 ? 0 : 0x800000);
    significand >>= Long.numberOfTrailingZeros(significand);
    return significand * k < FLOAT_INTEGERS;
  }

  /**
   * The weights as bits, one row per output: B is [K, N] (or [N, K] with {@code transB}), and
   * column j must hold only +g_j and -g_j.
   */
  private static Weights weights(Tensor b, String tensor, boolean transB) {
    Shape shape = b.shape();
    int rows = transB ? shape.dim(0) : shape.dim(1);
    int cols = transB ? shape.dim(1) : shape.dim(0);
    float[] data = b.floatData();
    BitMatrix.Builder bits = new BitMatrix.Builder(rows, cols);
    float[] magnitude = new float[rows];
    for (int j = 0; j < rows; j++) {
      for (int i = 0; i < cols; i++) {
        float v = transB ? data[j * cols + i] : data[i * rows + j];
        if (i == 0) {
          magnitude[j] = Math.abs(v);
        }
        if (Math.abs(v) != magnitude[j] || !(magnitude[j] > 0) || !Float.isFinite(v)) {
          throw new NodeException(
              "weights '"
                  + tensor
                  + "': output "
                  + j
                  + " has weights "
                  + (i == 0 ? "" : magnitude[j] + " and ")
                  + v
                  + " (at input "
                  + i
                  + "); Signum's dense layers need every weight of an output to be +g or -g for"
                  + " one finite g > 0 (binary weights)");
        }
        bits.set(j, i, v > 0);
      }
    }
    return new Weights(bits.build(), magnitude);
  }
}
