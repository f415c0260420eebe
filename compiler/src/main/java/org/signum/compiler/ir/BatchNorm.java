package org.signum.compiler.ir;

import java.util.Objects;

/**
 * Per-channel batch normalization in float32: {@code y = gamma * (x - mean) / sqrt(var + eps) +
 * beta}, evaluated as {@link FloatArithmetic#batchNorm} defines. Each vector has one value per
 * channel of the input.
 */
public record BatchNorm(
    String name, FloatVector gamma, FloatVector beta, FloatVector mean, FloatVector var, float eps)
    implements Layer {
  public BatchNorm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(gamma, "gamma");
    Objects.requireNonNull(beta, "beta");
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(var, "var");
  }

  /** The output of channel {@code c} for the float input {@code x}. */
  public float apply(int c, float x) {
    return FloatArithmetic.batchNorm(x, gamma.get(c), beta.get(c), mean.get(c), var.get(c), eps);
  }

  @Override
  public String kind() {
    return "batchnorm";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchNorm b
        && b.name.equals(name)
        && b.gamma.equals(gamma)
        && b.beta.equals(beta)
        && b.mean.equals(mean)
        && b.var.equals(var)
        && Float.floatToRawIntBits(b.eps) == Float.floatToRawIntBits(eps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, gamma, beta, mean, var, Float.floatToRawIntBits(eps));
  }
}
