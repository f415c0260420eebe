package org.signum.trainer.optim;

import java.util.ArrayList;
import java.util.List;
import org.signum.trainer.nn.Ap2;
import org.signum.trainer.nn.Param;

/**
 * The BNN paper's shift-based AdaMax (Algorithm 4): {@code m = beta1 m + (1 - beta1) g}, {@code v =
 * max(beta2 v, |g|)}, and {@code w -= AP2(lr / (1 - beta1^t)) * m * AP2(1 / v)}, so that both
 * multiplications are shifts; beta1 0.9, beta2 0.999.
 */
public final class ShiftAdaMax implements Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;

  private final List<float[]> m = new ArrayList<>();
  private final List<float[]> u = new ArrayList<>();
  private long t;

  public ShiftAdaMax(List<Param> params) {
    for (Param p : params) {
      m.add(new float[p.size()]);
      u.add(new float[p.size()]);
    }
  }

  @Override
  public void step(List<Param> params, float lr) {
    t++;
    float rate = Ap2.of((float) (lr / (1 - Math.pow(BETA1, t))));
    for (int k = 0; k < params.size(); k++) {
      Param p = params.get(k);
      float[] w = p.value();
      float[] g = p.grad();
      float[] mk = m.get(k);
      float[] uk = u.get(k);
      for (int i = 0; i < w.length; i++) {
        mk[i] = (float) (BETA1 * mk[i] + (1 - BETA1) * g[i]);
        uk[i] = (float) Math.max(BETA2 * uk[i], Math.abs(g[i]));
        if (uk[i] > 0f) {
          w[i] -= rate * mk[i] * Ap2.of(1f / uk[i]);
        }
      }
      Optimizer.clip(p);
    }
  }

  @Override
  public List<float[]> state() {
    List<float[]> s = new ArrayList<>(m);
    s.addAll(u);
    return s;
  }

  @Override
  public long steps() {
    return t;
  }

  @Override
  public void restoreSteps(long steps) {
    t = steps;
  }

  @Override
  public String option() {
    return "shift-adamax";
  }
}
