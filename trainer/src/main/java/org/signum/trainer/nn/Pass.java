package org.signum.trainer.nn;

import java.util.SplittableRandom;

/**
 * How a forward pass runs: in training (batch statistics, dropout, stochastic binarization where
 * configured) or in evaluation, and the random source for the stochastic parts. Each mini-batch
 * gets its own source derived from the run's seed, so a run is reproducible.
 */
public record Pass(boolean training, SplittableRandom random) {
  public static Pass evaluation() {
    return new Pass(false, new SplittableRandom(0));
  }
}
