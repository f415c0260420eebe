package org.signum.compiler.ir;

import java.util.List;
import java.util.Objects;

/**
 * Integer threshold activation: channel {@code c} outputs +1 iff {@code rules.get(c)} fires on the
 * operand. It reads an integer tensor: a dense layer's output or an 8-bit input.
 *
 * @param operand which integer the rules compare
 * @param rules one rule per channel of the input
 */
public record Threshold(String name, Operand operand, List<ThresholdRule> rules) implements Layer {
  /** The integer the rules compare. */
  public enum Operand {
    /**
     * The input's own integer value: the dot product {@code s = sum_i w_i x_i} of a dense layer (in
     * [-N, N] for bipolar inputs), or the raw byte of an 8-bit input.
     */
    VALUE,
    /**
     * The number of agreeing positions {@code p = (s + N) / 2} in 0..N of a dense layer with N
     * bipolar inputs: what the machine's XNOR-popcount counts.
     */
    POPCOUNT
  }

  public Threshold {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operand, "operand");
    rules = List.copyOf(rules);
  }

  @Override
  public String kind() {
    return "threshold";
  }
}
