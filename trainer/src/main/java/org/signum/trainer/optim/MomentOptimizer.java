package org.signum.trainer.optim;

import java.util.ArrayList;
import java.util.List;
import org.signum.trainer.nn.Param;

/**
 * An optimizer that keeps two moment arrays per parameter and a step count: the bookkeeping Adam
 * and shift-based AdaMax share. A step sets up its per-step factors, then updates each parameter
 * and clips the latent weights.
 */
abstract class MomentOptimizer implements Optimizer {
  private final List<float[]> first = new ArrayList<>();
  private final List<float[]> second = new ArrayList<>();
  private long t;

  MomentOptimizer(List<Param> params) {
    for (Param p : params) {
      first.add(new float[p.size()]);
      second.add(new float[p.size()]);
    }
  }

  /** Prepares step {@code t} (1-based) at learning rate {@code lr}. */
  abstract void begin(long t, float lr);

  /** Updates weights {@code w} from gradient {@code g} and its moments {@code m} and {@code v}. */
  abstract void update(float[] w, float[] g, float[] m, float[] v);

  @Override
  public final void step(List<Param> params, float lr) {
    t++;
    begin(t, lr);
    for (int k = 0; k < params.size(); k++) {
      Param p = params.get(k);
      update(p.value(), p.grad(), first.get(k), second.get(k));
      Optimizer.clip(p);
    }
  }

  @Override
  public final List<float[]> state() {
    List<float[]> s = new ArrayList<>(first);
    s.addAll(second);
    return s;
  }

  @Override
  public final long steps() {
    return t;
  }

  @Override
  public final void restoreSteps(long steps) {
    t = steps;
  }
}
