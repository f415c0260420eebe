package org.signum.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Shape;
import org.signum.trainer.math.Gemm;
import org.signum.trainer.nn.BatchNorm;
import org.signum.trainer.nn.BinaryDense;
import org.signum.trainer.nn.Dropout;
import org.signum.trainer.nn.Layer;
import org.signum.trainer.nn.Param;
import org.signum.trainer.nn.Pass;
import org.signum.trainer.nn.SignActivation;

/**
 * A fully connected binarized network in training, built from a {@link TrainConfig}:
 *
 * <pre>
 *   [dropout] dense -> batchnorm -> sign  (each hidden layer; dropout on its input where set)
 *   [dropout] dense -> batchnorm          (the classes: the normalized sums are the scores)
 * </pre>
 *
 * The first dense layer reads 8-bit inputs as real values x / 255, or their binarization. {@link
 * #export} gives the network in the compiler's layer IR, which is what inference, the compiler and
 * the model file see.
 */
public final class BinaryNetwork {
  private final TrainConfig config;
  private final List<Layer> layers = new ArrayList<>();
  private final List<BinaryDense> dense = new ArrayList<>();
  private final List<BatchNorm> norms = new ArrayList<>();

  public BinaryNetwork(TrainConfig config, Gemm gemm) {
    this.config = config;
    int[] w = config.layers();
    SplittableRandom init = new SplittableRandom(config.seed());
    for (int i = 0; i + 1 < w.length; i++) {
      boolean last = i + 2 == w.length;
      float dropout = i == 0 ? config.inputDropout() : config.hiddenDropout();
      if (dropout > 0f) {
        layers.add(new Dropout(w[i], dropout));
      }
      BinaryDense d =
          new BinaryDense("fc" + (i + 1), w[i], w[i + 1], config.stochastic(), gemm, init.split());
      BatchNorm bn =
          new BatchNorm(
              "bn" + (i + 1),
              w[i + 1],
              1,
              config.bnEps(),
              config.bnMomentum(),
              config.shiftBatchNorm());
      dense.add(d);
      norms.add(bn);
      layers.add(d);
      layers.add(bn);
      if (!last) {
        layers.add(new SignActivation(w[i + 1]));
      }
    }
  }

  public TrainConfig config() {
    return config;
  }

  public List<BinaryDense> dense() {
    return List.copyOf(dense);
  }

  public List<BatchNorm> norms() {
    return List.copyOf(norms);
  }

  /** The class scores of {@code batch} first-layer inputs. */
  public float[] forward(float[] x, int batch, Pass pass) {
    float[] a = x;
    for (Layer l : layers) {
      a = l.forward(a, batch, pass);
    }
    return a;
  }

  /** Fills every parameter's gradient from the gradient of the loss with respect to the scores. */
  public void backward(float[] dScores, int batch) {
    float[] g = dScores;
    int first = layers.indexOf(dense.get(0));
    for (int i = layers.size() - 1; i >= first; i--) {
      g = layers.get(i).backward(g, batch, i > first);
    }
  }

  public List<Param> params() {
    List<Param> p = new ArrayList<>();
    for (Layer l : layers) {
      p.addAll(l.params());
    }
    return p;
  }

  public List<float[]> buffers() {
    List<float[]> b = new ArrayList<>();
    for (Layer l : layers) {
      b.addAll(l.buffers());
    }
    return b;
  }

  /**
   * The network for inference in the compiler's layer IR: 8-bit input of scale 1/255 (binarized by
   * {@code 2x - 1 >= 0} where configured), then per layer the deterministic binary weights and the
   * batch norm with its running statistics, sign between layers, scores and argmax. A shift-based
   * batch norm is written as the exact one it computes at inference: gamma {@code AP2(gamma) *
   * AP2(1 / sqrt(var + eps))}, variance 1 and epsilon 0.
   */
  public Network export(String name) {
    Network.Builder b = Network.builder(name);
    b.input("x", Shape.of(config.layers()[0]), Input.Encoding.UINT8, Dataset.SCALE);
    if (config.binarizeInput()) {
      float[] two = new float[config.layers()[0]];
      float[] minusOne = new float[two.length];
      Arrays.fill(two, 2f);
      Arrays.fill(minusOne, -1f);
      b.affine("binarize_scale", two, minusOne);
      b.sign("binarize");
    }
    for (int i = 0; i < dense.size(); i++) {
      BinaryDense d = dense.get(i);
      BitMatrix.Builder wb = new BitMatrix.Builder(d.outputs(), d.inputs());
      for (int o = 0; o < d.outputs(); o++) {
        for (int j = 0; j < d.inputs(); j++) {
          wb.set(o, j, d.plus(o, j));
        }
      }
      b.dense("fc" + (i + 1), wb.build());
      BatchNorm bn = norms.get(i);
      int c = bn.outputs();
      if (bn.shiftBased()) {
        float[] g = new float[c];
        float[] one = new float[c];
        for (int k = 0; k < c; k++) {
          g[k] = bn.inferenceScale(k);
          one[k] = 1f;
        }
        b.batchNorm("bn" + (i + 1), g, bn.beta().clone(), bn.runningMean().clone(), one, 0f);
      } else {
        b.batchNorm(
            "bn" + (i + 1),
            bn.gamma().clone(),
            bn.beta().clone(),
            bn.runningMean().clone(),
            bn.runningVar().clone(),
            bn.eps());
      }
      if (i + 1 < dense.size()) {
        b.sign("act" + (i + 1));
      }
    }
    b.scores("scores");
    b.argmax("class");
    return b.build();
  }
}
