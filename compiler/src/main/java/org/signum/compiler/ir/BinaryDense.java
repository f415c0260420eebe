package org.signum.compiler.ir;

import java.util.Objects;

/**
 * A fully connected layer with +1/-1 weights and no bias: {@code out[j] = sum_i W[j][i] * x[i]}, an
 * exact integer. The input (bipolar or 8-bit, any shape) is flattened row-major, so the weight
 * matrix has one column per input element and one row per output neuron.
 */
public record BinaryDense(String name, BitMatrix weights) implements Layer {
  public BinaryDense {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(weights, "weights");
  }

  public int inputs() {
    return weights.cols();
  }

  public int outputs() {
    return weights.rows();
  }

  @Override
  public String kind() {
    return "dense";
  }
}
