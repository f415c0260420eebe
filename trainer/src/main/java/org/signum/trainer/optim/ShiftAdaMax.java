package org.signum.trainer.optim;

import java.util.List;
import org.signum.trainer.nn.Ap2;
import org.signum.trainer.nn.Param;

/**
 * The BNN paper's shift-based AdaMax (Algorithm 4): {@code m = beta1 m + (1 - beta1) g}, {@code v =
 * max(beta2 v, |g|)}, and {@code w -= AP2(lr / (1 - beta1^t)) * m * AP2(1 / v)}, so that both
 * multiplications are shifts; beta1 0.9, beta2 0.999.
 */
public final class ShiftAdaMax extends MomentOptimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;

  private float rate;

  public ShiftAdaMax(List<Param> params) {
    super(params);
  }

  @Override
  void begin(long t, float lr) {
    rate = Ap2.of((float) (lr / (1 - Math.pow(BETA1, t))));
  }

  @Override
  void update(float[] w, float[] g, float[] m, float[] v) {
    for (int i = 0; i < w.length; i++) {
      m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g[i]);
      v[i] = (float) Math.max(BETA2 * v[i], Math.abs(g[i]));
      if (v[i] > 0f) {
        w[i] -= rate * m[i] * Ap2.of(1f / v[i]);
      }
    }
  }

  @Override
  public String option() {
    return "shift-adamax";
  }
}
