package org.signum.trainer;

/** Hears how a training run progresses; the command line draws its progress bar from it. */
public interface TrainingListener {
  /**
   * After each mini-batch: the epoch (1-based), batches done in it and in all, the mean loss and
   * the training accuracy (of the float forward pass) over the epoch so far.
   */
  default void batch(int epoch, int done, int batches, double loss, double accuracy) {}

  /** After each epoch. */
  default void epoch(EpochResult result) {}

  TrainingListener NONE = new TrainingListener() {};
}
