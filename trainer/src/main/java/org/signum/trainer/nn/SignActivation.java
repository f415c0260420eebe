package org.signum.trainer.nn;

/**
 * The binary activation: +1 where the input is at least 0, else -1 (the layer IR's sign). Its
 * backward pass is the straight-through estimator with cancellation: the gradient passes where |x|
 * <= 1 and is 0 elsewhere, the derivative of the hard tanh clip(x, -1, 1).
 */
public final class SignActivation extends ElementwiseLayer {
  private boolean[] pass;

  public SignActivation(int features) {
    super(features);
  }

  @Override
  public float[] forward(float[] x, int batch, Pass p) {
    int n = batch * features;
    float[] y = new float[n];
    pass = new boolean[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i] >= 0f ? 1f : -1f;
      pass[i] = Math.abs(x[i]) <= 1f;
    }
    return y;
  }

  @Override
  public float[] backward(float[] dy, int batch, boolean needInput) {
    int n = batch * features;
    float[] dx = new float[n];
    for (int i = 0; i < n; i++) {
      dx[i] = pass[i] ? dy[i] : 0f;
    }
    return dx;
  }
}
