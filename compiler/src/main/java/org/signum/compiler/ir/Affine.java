package org.signum.compiler.ir;

import java.util.Objects;

/**
 * Per-channel scale and bias in float32: {@code y = scale * x + bias}, evaluated as {@link
 * FloatArithmetic#affine} defines. As the last step before {@link Scores} it is the per-class
 * affine of a network's output.
 */
public record Affine(String name, FloatVector scale, FloatVector bias) implements Layer {
  public Affine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(bias, "bias");
  }

  /** The output of channel {@code c} for the float input {@code x}. */
  public float apply(int c, float x) {
    return FloatArithmetic.affine(x, scale.get(c), bias.get(c));
  }

  @Override
  public String kind() {
    return "affine";
  }
}
