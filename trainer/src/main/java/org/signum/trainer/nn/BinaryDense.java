package org.signum.trainer.nn;

import java.util.List;
import java.util.SplittableRandom;
import org.signum.trainer.math.Gemm;

/**
 * A fully connected layer with binary weights (BinaryNet, Courbariaux, Hubara et al. 2016). It
 * keeps real-valued latent weights W in [-1, 1] (out x in, one row per neuron); the forward pass
 * uses W_b = sign(W) (+1 where W >= 0, as the layer IR's sign), or in training optionally the
 * stochastic binarization +1 with probability hardSigmoid(W) = clip((W + 1) / 2, 0, 1). The
 * backward pass is the straight-through estimator: the gradient with respect to W_b is applied to W
 * unchanged; W is kept in [-1, 1] by the optimizer's clip, which is where the estimator's
 * cancellation for |W| > 1 would act.
 */
public final class BinaryDense implements Layer {
  private final int in;
  private final int out;
  private final boolean stochastic;
  private final Gemm gemm;
  private final Param weights;
  private final float[] binary;
  private final float[] binaryT;
  private float[] x;
  private float[] dyT = new float[0];

  /**
   * A layer of {@code out} neurons over {@code in} inputs, latent weights drawn uniformly from
   * [-limit, limit] with the Glorot limit sqrt(6 / (in + out)).
   */
  public BinaryDense(
      String name, int in, int out, boolean stochastic, Gemm gemm, SplittableRandom init) {
    this.in = in;
    this.out = out;
    this.stochastic = stochastic;
    this.gemm = gemm;
    float[] w = new float[in * out];
    double limit = Math.sqrt(6.0 / (in + out));
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) ((init.nextDouble() * 2 - 1) * limit);
    }
    this.weights = new Param(name + ".weight", w, true);
    this.binary = new float[in * out];
    this.binaryT = new float[in * out];
  }

  @Override
  public int inputs() {
    return in;
  }

  @Override
  public int outputs() {
    return out;
  }

  public Param weights() {
    return weights;
  }

  /** Whether the deterministic binary weight (o, i) is +1. */
  public boolean plus(int o, int i) {
    return weights.value()[o * in + i] >= 0f;
  }

  @Override
  public float[] forward(float[] x, int batch, Pass pass) {
    binarize(pass.training() && stochastic ? pass.random() : null);
    this.x = x;
    float[] y = new float[batch * out];
    gemm.multiply(x, binaryT, y, batch, in, out);
    return y;
  }

  private void binarize(SplittableRandom random) {
    float[] w = weights.value();
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        float v = w[o * in + i];
        boolean plus =
            random == null
                ? v >= 0f
                : random.nextDouble() < Math.min(1.0, Math.max(0.0, (v + 1) / 2.0));
        float b = plus ? 1f : -1f;
        binary[o * in + i] = b;
        binaryT[i * out + o] = b;
      }
    }
  }

  @Override
  public float[] backward(float[] dy, int batch, boolean needInput) {
    if (dyT.length < batch * out) {
      dyT = new float[batch * out];
    }
    Gemm.transpose(dy, dyT, batch, out);
    gemm.multiply(dyT, x, weights.grad(), out, batch, in);
    if (!needInput) {
      return null;
    }
    float[] dx = new float[batch * in];
    gemm.multiply(dy, binary, dx, batch, out, in);
    return dx;
  }

  @Override
  public List<Param> params() {
    return List.of(weights);
  }
}
