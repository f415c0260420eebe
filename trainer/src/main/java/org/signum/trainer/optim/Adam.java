package org.signum.trainer.optim;

import java.util.List;
import org.signum.trainer.nn.Param;

/** Adam (Kingma and Ba 2015) with bias correction; beta1 0.9, beta2 0.999, epsilon 1e-8. */
public final class Adam extends MomentOptimizer {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private float rate;
  private float eps;

  public Adam(List<Param> params) {
    super(params);
  }

  @Override
  void begin(long t, float lr) {
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    rate = (float) (lr * Math.sqrt(c2) / c1);
    eps = (float) (EPSILON * Math.sqrt(c2));
  }

  @Override
  void update(float[] w, float[] g, float[] m, float[] v) {
    for (int i = 0; i < w.length; i++) {
      m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g[i]);
      v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g[i] * g[i]);
      w[i] -= rate * m[i] / ((float) Math.sqrt(v[i]) + eps);
    }
  }

  @Override
  public String option() {
    return "adam";
  }
}
