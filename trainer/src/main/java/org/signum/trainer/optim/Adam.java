package org.signum.trainer.optim;

import java.util.ArrayList;
import java.util.List;
import org.signum.trainer.nn.Param;

/** Adam (Kingma and Ba 2015) with bias correction; beta1 0.9, beta2 0.999, epsilon 1e-8. */
public final class Adam implements Optimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final List<float[]> m = new ArrayList<>();
  private final List<float[]> v = new ArrayList<>();
  private long t;

  public Adam(List<Param> params) {
    for (Param p : params) {
      m.add(new float[p.size()]);
      v.add(new float[p.size()]);
    }
  }

  @Override
  public void step(List<Param> params, float lr) {
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    float rate = (float) (lr * Math.sqrt(c2) / c1);
    float eps = (float) (EPSILON * Math.sqrt(c2));
    for (int k = 0; k < params.size(); k++) {
      Param p = params.get(k);
      float[] w = p.value();
      float[] g = p.grad();
      float[] mk = m.get(k);
      float[] vk = v.get(k);
      for (int i = 0; i < w.length; i++) {
        mk[i] = (float) (BETA1 * mk[i] + (1 - BETA1) * g[i]);
        vk[i] = (float) (BETA2 * vk[i] + (1 - BETA2) * g[i] * g[i]);
        w[i] -= rate * mk[i] / ((float) Math.sqrt(vk[i]) + eps);
      }
      Optimizer.clip(p);
    }
  }

  @Override
  public List<float[]> state() {
    List<float[]> s = new ArrayList<>(m);
    s.addAll(v);
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
    return "adam";
  }
}
