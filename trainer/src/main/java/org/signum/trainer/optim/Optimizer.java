package org.signum.trainer.optim;

import java.util.List;
import org.signum.trainer.nn.Param;

/**
 * Updates parameters from their gradients. Latent weights ({@link Param#clipped()}) are clipped to
 * [-1, 1] after each step, as BinaryNet does.
 */
public interface Optimizer {
  /** One step on every parameter at learning rate {@code lr}. */
  void step(List<Param> params, float lr);

  /** The optimizer's state arrays, one or more per parameter, in a fixed order (checkpoints). */
  List<float[]> state();

  /** Steps taken so far. */
  long steps();

  /** Restores the step count (checkpoints). */
  void restoreSteps(long steps);

  /** The name used on the command line and in checkpoints. */
  String option();

  static void clip(Param p) {
    if (!p.clipped()) {
      return;
    }
    float[] w = p.value();
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(-1f, Math.min(1f, w[i]));
    }
  }
}
