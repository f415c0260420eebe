package org.signum.report;

import java.util.Locale;

/**
 * What an event does for the network, which decides how the baselines treat it: a baseline network
 * computes the same multiply-accumulates in wider arithmetic and moves its weights and activations
 * in wider words, and does everything else as the binary run does.
 */
public enum Role {
  /** XNOR/AND, popcount and popcount accumulation: replaced by multiply-accumulates. */
  BINARY_ARITHMETIC,
  /** Bits of packed weight and activation rows moved: multiplied by the baseline's data width. */
  BINARY_DATA,
  /** Everything else: instruction fetch, scalar work, thresholds, accumulator moves. */
  OTHER;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
