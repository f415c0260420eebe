package org.signum.compiler.ir;

/**
 * The float32 definitions of the layers that compute in floating point, evaluated exactly as
 * written here: IEEE 754 binary32, round to nearest even, no fused multiply-add, left to right.
 * These are the semantics a network's folds must reproduce bit for bit, so an importer must map a
 * model's operators onto them faithfully.
 *
 * <ul>
 *   <li>The real value of an integer {@code v} of scale {@code r} is {@code v * r} rounded once to
 *       float32 ({@link Rational#toFloat}).
 *   <li>Batch norm: {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}, computed as {@code t =
 *       x - mean; u = gamma * t; d = sqrt(var + eps); y = u / d + beta}, each step rounded to
 *       float32; the square root is correctly rounded.
 *   <li>Affine: {@code y = scale * x + bias}, the product rounded before the sum.
 *   <li>Sign: +1 when {@code y >= 0} (so -0 gives +1), else -1; NaN gives -1.
 * </ul>
 */
public final class FloatArithmetic {
  private FloatArithmetic() {}

  public static float batchNorm(
      float x, float gamma, float beta, float mean, float var, float eps) {
    float t = x - mean;
    float u = gamma * t;
    float d = (float) Math.sqrt(var + eps);
    return u / d + beta;
  }

  public static float affine(float x, float scale, float bias) {
    float p = scale * x;
    return p + bias;
  }

  /** Whether sign gives +1. */
  public static boolean signFires(float y) {
    return y >= 0;
  }
}
