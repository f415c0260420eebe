package org.signum.trainer;

import java.util.Arrays;
import java.util.function.Consumer;
import org.signum.trainer.nn.Loss;

/**
 * Everything that decides a training run; with the same data, the same configuration gives the same
 * network bit for bit, whatever the thread count.
 *
 * @param layers the layer widths, input first and classes last ({@code 784-256-10})
 * @param epochs passes over the training set
 * @param batchSize samples per mini-batch
 * @param lrStart the learning rate of the first epoch
 * @param lrEnd the learning rate of the last epoch; the rate decays geometrically in between
 * @param loss the objective
 * @param optimizer {@code adam} or {@code shift-adamax}
 * @param shiftBatchNorm shift-based batch normalization instead of the exact one
 * @param stochastic stochastic binarization of the weights in training
 * @param binarizeInput the first layer reads inputs binarized at half scale (x >= 0.5) instead of
 *     8-bit values
 * @param inputDropout dropout rate on the input
 * @param hiddenDropout dropout rate on each hidden layer's binary output
 * @param bnEps batch-norm epsilon
 * @param bnMomentum weight of the newest batch in the running statistics
 * @param seed the random seed for initialization, shuffling, dropout and stochastic binarization
 */
public record TrainConfig(
    int[] layers,
    int epochs,
    int batchSize,
    float lrStart,
    float lrEnd,
    Loss loss,
    String optimizer,
    boolean shiftBatchNorm,
    boolean stochastic,
    boolean binarizeInput,
    float inputDropout,
    float hiddenDropout,
    float bnEps,
    float bnMomentum,
    long seed) {

  public TrainConfig {
    layers = layers.clone();
    if (layers.length < 2) {
      throw new IllegalArgumentException(
          "architecture needs at least an input and an output width, got " + describe(layers));
    }
    for (int w : layers) {
      if (w < 1) {
        throw new IllegalArgumentException(
            "architecture " + describe(layers) + ": every width must be at least 1");
      }
    }
    if (layers[layers.length - 1] < 2) {
      throw new IllegalArgumentException(
          "architecture " + describe(layers) + ": the last width is the class count, at least 2");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 2) {
      throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
    }
    if (!(lrStart > 0 && lrEnd > 0 && Float.isFinite(lrStart) && Float.isFinite(lrEnd))) {
      throw new IllegalArgumentException(
          "learning rates must be positive, got " + lrStart + " and " + lrEnd);
    }
    if (!optimizer.equals("adam") && !optimizer.equals("shift-adamax")) {
      throw new IllegalArgumentException(
          "unknown optimizer '" + optimizer + "', expected adam or shift-adamax");
    }
    for (float r : new float[] {inputDropout, hiddenDropout}) {
      if (!(r >= 0f && r < 1f)) {
        throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + r);
      }
    }
  }

  /** The defaults of {@code signum train} for the given widths. */
  public static TrainConfig defaults(int[] layers) {
    return new TrainConfig(
        layers,
        20,
        100,
        0.003f,
        0.0003f,
        Loss.SQUARE_HINGE,
        "adam",
        false,
        false,
        false,
        0f,
        0f,
        1e-4f,
        0.1f,
        1L);
  }

  /** This configuration with {@code n} epochs. */
  public TrainConfig withEpochs(int n) {
    return with(c -> c.epochs = n);
  }

  /** This configuration with mini-batches of {@code n}. */
  public TrainConfig withBatchSize(int n) {
    return with(c -> c.batchSize = n);
  }

  /** This configuration with the learning rate decaying from {@code start} to {@code end}. */
  public TrainConfig withLearningRates(float start, float end) {
    return with(
        c -> {
          c.lrStart = start;
          c.lrEnd = end;
        });
  }

  /** This configuration with another loss and optimizer ({@code adam} or {@code shift-adamax}). */
  public TrainConfig withObjective(Loss l, String opt) {
    return with(
        c -> {
          c.loss = l;
          c.optimizer = opt;
        });
  }

  /** This configuration with the given binarization and batch-norm variants. */
  public TrainConfig withVariants(boolean shiftBn, boolean stochasticWeights, boolean binarize) {
    return with(
        c -> {
          c.shiftBatchNorm = shiftBn;
          c.stochastic = stochasticWeights;
          c.binarizeInput = binarize;
        });
  }

  /** This configuration with dropout rates on the input and on the hidden layers. */
  public TrainConfig withDropout(float input, float hidden) {
    return with(
        c -> {
          c.inputDropout = input;
          c.hiddenDropout = hidden;
        });
  }

  /** This configuration with another seed. */
  public TrainConfig withSeed(long s) {
    return with(c -> c.seed = s);
  }

  /** This configuration with {@code change} applied to a mutable copy, then validated. */
  private TrainConfig with(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new TrainConfig(
        f.layers,
        f.epochs,
        f.batchSize,
        f.lrStart,
        f.lrEnd,
        f.loss,
        f.optimizer,
        f.shiftBatchNorm,
        f.stochastic,
        f.binarizeInput,
        f.inputDropout,
        f.hiddenDropout,
        f.bnEps,
        f.bnMomentum,
        f.seed);
  }

  /** The components, mutable, for {@link #with}. */
  private static final class Fields {
    int[] layers;
    int epochs;
    int batchSize;
    float lrStart;
    float lrEnd;
    Loss loss;
    String optimizer;
    boolean shiftBatchNorm;
    boolean stochastic;
    boolean binarizeInput;
    float inputDropout;
    float hiddenDropout;
    float bnEps;
    float bnMomentum;
    long seed;

    Fields(TrainConfig c) {
      layers = c.layers;
      epochs = c.epochs;
      batchSize = c.batchSize;
      lrStart = c.lrStart;
      lrEnd = c.lrEnd;
      loss = c.loss;
      optimizer = c.optimizer;
      shiftBatchNorm = c.shiftBatchNorm;
      stochastic = c.stochastic;
      binarizeInput = c.binarizeInput;
      inputDropout = c.inputDropout;
      hiddenDropout = c.hiddenDropout;
      bnEps = c.bnEps;
      bnMomentum = c.bnMomentum;
      seed = c.seed;
    }
  }

  /** Parses {@code 784-256-256-10}. */
  public static int[] parseArchitecture(String s) {
    String[] parts = s.split("-", -1);
    int[] w = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        w[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "architecture '"
                + s
                + "': width "
                + (i + 1)
                + " is '"
                + parts[i]
                + "', expected a whole number (widths joined by '-', such as 784-256-10)");
      }
    }
    return w;
  }

  public static String describe(int[] layers) {
    StringBuilder b = new StringBuilder();
    for (int w : layers) {
      if (b.length() > 0) {
        b.append('-');
      }
      b.append(w);
    }
    return b.toString();
  }

  /** The learning rate of epoch {@code e} (0-based). */
  public float learningRate(int e) {
    if (epochs == 1) {
      return lrStart;
    }
    return (float) (lrStart * Math.pow((double) lrEnd / lrStart, (double) e / (epochs - 1)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrainConfig c && describe().equals(c.describe());
  }

  @Override
  public int hashCode() {
    return describe().hashCode();
  }

  /** Every setting as {@code key=value} words, as recorded in checkpoints and exported models. */
  public String describe() {
    return "arch="
        + describe(layers)
        + " epochs="
        + epochs
        + " batch="
        + batchSize
        + " lr="
        + lrStart
        + ".."
        + lrEnd
        + " loss="
        + loss.option()
        + " optimizer="
        + optimizer
        + " shift-bn="
        + shiftBatchNorm
        + " stochastic="
        + stochastic
        + " binarize-input="
        + binarizeInput
        + " dropout="
        + inputDropout
        + "/"
        + hiddenDropout
        + " bn-eps="
        + bnEps
        + " bn-momentum="
        + bnMomentum
        + " seed="
        + seed;
  }

  @Override
  public String toString() {
    return describe();
  }

  /** The layer widths, a copy. */
  @Override
  public int[] layers() {
    return Arrays.copyOf(layers, layers.length);
  }
}
