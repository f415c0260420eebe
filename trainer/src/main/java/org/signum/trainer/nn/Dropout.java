package org.signum.trainer.nn;

/**
 * Inverted dropout: in training each element is kept with probability {@code 1 - rate} and scaled
 * by {@code 1 / (1 - rate)}, or set to 0; in evaluation the layer is the identity.
 */
public final class Dropout extends ElementwiseLayer {
  private final float rate;
  private float[] mask;

  public Dropout(int features, float rate) {
    super(features);
    if (!(rate >= 0f && rate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  @Override
  public float[] forward(float[] x, int batch, Pass pass) {
    if (!pass.training() || rate == 0f) {
      mask = null;
      return x;
    }
    int n = batch * features;
    float keep = 1f / (1f - rate);
    mask = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      mask[i] = pass.random().nextDouble() < rate ? 0f : keep;
      y[i] = x[i] * mask[i];
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy, int batch, boolean needInput) {
    if (mask == null) {
      return dy;
    }
    float[] dx = new float[dy.length];
    for (int i = 0; i < dx.length; i++) {
      dx[i] = dy[i] * mask[i];
    }
    return dx;
  }
}
