package org.signum.compiler.ir;

/**
 * When one neuron of a threshold layer outputs +1, as a function of an integer operand {@code v}:
 * {@code AT_LEAST t} fires iff {@code v >= t}, {@code BELOW t} (a reversed threshold, as from a
 * negative batch-norm scale) iff {@code v < t}, {@code ALWAYS} and {@code NEVER} regardless of
 * {@code v} (a zero scale). The threshold of a constant rule is 0.
 */
public record ThresholdRule(Kind kind, long threshold) {
  /** The four forms of a rule. */
  public enum Kind {
    AT_LEAST,
    BELOW,
    ALWAYS,
    NEVER
  }

  public ThresholdRule {
    if (kind == null) {
      throw new IllegalArgumentException("threshold rule kind is null");
    }
    if ((kind == Kind.ALWAYS || kind == Kind.NEVER) && threshold != 0) {
      throw new IllegalArgumentException(kind + " takes no threshold, got " + threshold);
    }
  }

  public static ThresholdRule atLeast(long t) {
    return new ThresholdRule(Kind.AT_LEAST, t);
  }

  public static ThresholdRule below(long t) {
    return new ThresholdRule(Kind.BELOW, t);
  }

  public static ThresholdRule always() {
    return new ThresholdRule(Kind.ALWAYS, 0);
  }

  public static ThresholdRule never() {
    return new ThresholdRule(Kind.NEVER, 0);
  }

  public boolean fires(long v) {
    return switch (kind) {
      case AT_LEAST -> v >= threshold;
      case BELOW -> v < threshold;
      case ALWAYS -> true;
      case NEVER -> false;
    };
  }

  /** {@code >=12}, {@code <12}, {@code always}, {@code never}: the model file's notation. */
  @Override
  public String toString() {
    return switch (kind) {
      case AT_LEAST -> ">=" + threshold;
      case BELOW -> "<" + threshold;
      case ALWAYS -> "always";
      case NEVER -> "never";
    };
  }
}
