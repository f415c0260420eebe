package org.signum.trainer.nn;

import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization (Ioffe and Szegedy 2015) per channel: in training the batch mean and (biased)
 * variance normalize, and running estimates (exponential moving averages, the variance unbiased)
 * are kept for inference; {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}.
 *
 * <p>With {@code shiftBased} set this is the BNN paper's shift-based batch normalization (Algorithm
 * 3): the variance is the mean of {@code C(x) * AP2(C(x))} with {@code C(x) = x - mean}, and the
 * multiplications by {@code 1 / sqrt(var + eps)} and by gamma are by their nearest powers of two,
 * {@link Ap2#of}, so that hardware shifts instead of multiplying. Its backward pass is the exact
 * one with those power-of-two factors in place of the real ones (the rounding passes the gradient
 * straight through).
 */
public final class BatchNorm implements Layer {
  private final int channels;
  private final int positions;
  private final float eps;
  private final float momentum;
  private final boolean shiftBased;
  private final Param gamma;
  private final Param beta;
  private final float[] runningMean;
  private final float[] runningVar;
  private float[] xhat;
  private float[] scale;
  private float[] invStd;

  public BatchNorm(
      String name, int channels, int positions, float eps, float momentum, boolean shiftBased) {
    this.channels = channels;
    this.positions = positions;
    this.eps = eps;
    this.momentum = momentum;
    this.shiftBased = shiftBased;
    float[] g = new float[channels];
    Arrays.fill(g, 1f);
    this.gamma = new Param(name + ".gamma", g, false);
    this.beta = new Param(name + ".beta", new float[channels], false);
    this.runningMean = new float[channels];
    this.runningVar = new float[channels];
    Arrays.fill(runningVar, 1f);
  }

  @Override
  public int inputs() {
    return channels * positions;
  }

  @Override
  public int outputs() {
    return channels * positions;
  }

  public float eps() {
    return eps;
  }

  public boolean shiftBased() {
    return shiftBased;
  }

  public float[] gamma() {
    return gamma.value();
  }

  public float[] beta() {
    return beta.value();
  }

  public float[] runningMean() {
    return runningMean;
  }

  public float[] runningVar() {
    return runningVar;
  }

  @Override
  public float[] forward(float[] x, int batch, Pass pass) {
    int features = channels * positions;
    float[] y = new float[batch * features];
    int n = batch * positions;
    if (!pass.training()) {
      for (int c = 0; c < channels; c++) {
        float s = inferenceScale(c);
        float m = runningMean[c];
        float b = beta.value()[c];
        for (int bi = 0; bi < batch; bi++) {
          int base = bi * features + c * positions;
          for (int q = 0; q < positions; q++) {
            y[base + q] = s * (x[base + q] - m) + b;
          }
        }
      }
      return y;
    }
    xhat = new float[batch * features];
    scale = new float[channels];
    invStd = new float[channels];
    for (int c = 0; c < channels; c++) {
      double sum = 0;
      for (int bi = 0; bi < batch; bi++) {
        int base = bi * features + c * positions;
        for (int q = 0; q < positions; q++) {
          sum += x[base + q];
        }
      }
      float mean = (float) (sum / n);
      double sq = 0;
      for (int bi = 0; bi < batch; bi++) {
        int base = bi * features + c * positions;
        for (int q = 0; q < positions; q++) {
          float d = x[base + q] - mean;
          sq += shiftBased ? d * Ap2.of(d) : d * d;
        }
      }
      float var = (float) (sq / n);
      float inv = (float) (1.0 / Math.sqrt(var + eps));
      if (shiftBased) {
        inv = Ap2.of(inv);
      }
      invStd[c] = inv;
      float g = shiftBased ? Ap2.of(gamma.value()[c]) : gamma.value()[c];
      scale[c] = g;
      float b = beta.value()[c];
      for (int bi = 0; bi < batch; bi++) {
        int base = bi * features + c * positions;
        for (int q = 0; q < positions; q++) {
          float h = (x[base + q] - mean) * inv;
          xhat[base + q] = h;
          y[base + q] = g * h + b;
        }
      }
      float unbiased = n > 1 ? var * n / (n - 1) : var;
      runningMean[c] += momentum * (mean - runningMean[c]);
      runningVar[c] += momentum * (unbiased - runningVar[c]);
    }
    return y;
  }

  /** The factor that multiplies {@code x - mean} at inference. */
  public float inferenceScale(int c) {
    float inv = (float) (1.0 / Math.sqrt(runningVar[c] + eps));
    return shiftBased ? Ap2.of(gamma.value()[c]) * Ap2.of(inv) : gamma.value()[c] * inv;
  }

  @Override
  public float[] backward(float[] dy, int batch, boolean needInput) {
    int features = channels * positions;
    int n = batch * positions;
    float[] dx = needInput ? new float[batch * features] : null;
    float[] dg = gamma.grad();
    float[] db = beta.grad();
    for (int c = 0; c < channels; c++) {
      double sumDy = 0;
      double sumDyXhat = 0;
      for (int bi = 0; bi < batch; bi++) {
        int base = bi * features + c * positions;
        for (int q = 0; q < positions; q++) {
          sumDy += dy[base + q];
          sumDyXhat += (double) dy[base + q] * xhat[base + q];
        }
      }
      dg[c] = (float) sumDyXhat;
      db[c] = (float) sumDy;
      if (dx != null) {
        float k = scale[c] * invStd[c] / n;
        float sDy = (float) sumDy;
        float sDyXhat = (float) sumDyXhat;
        for (int bi = 0; bi < batch; bi++) {
          int base = bi * features + c * positions;
          for (int q = 0; q < positions; q++) {
            dx[base + q] = k * (n * dy[base + q] - sDy - xhat[base + q] * sDyXhat);
          }
        }
      }
    }
    return dx;
  }

  @Override
  public List<Param> params() {
    return List.of(gamma, beta);
  }

  @Override
  public List<float[]> buffers() {
    return List.of(runningMean, runningVar);
  }
}
