package org.signum.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.signum.compiler.ir.Network;
import org.signum.trainer.math.Gemm;
import org.signum.trainer.nn.Param;
import org.signum.trainer.nn.Pass;
import org.signum.trainer.optim.Adam;
import org.signum.trainer.optim.Optimizer;
import org.signum.trainer.optim.ShiftAdaMax;

/**
 * Trains a {@link BinaryNetwork} by mini-batch gradient descent as the BNN paper does, scoring the
 * binarized network on the validation set after every epoch and keeping the best one.
 *
 * <p>Reproducible: the initialization comes from the seed, the order of each epoch from (seed,
 * epoch), and each mini-batch's dropout and stochastic binarization from (seed, epoch, batch); the
 * matrix products give the same bits on any number of threads ({@link Gemm}).
 */
public final class Trainer {
  private final TrainConfig config;
  private final Gemm gemm;
  private final BinaryNetwork net;
  private final Optimizer optimizer;
  private final List<Param> params;
  private int epochsDone;
  private double bestValidation = Double.NaN;
  private Network best;
  private final List<EpochResult> history = new ArrayList<>();
  private DataShape dataShape;

  public Trainer(TrainConfig config, Gemm gemm) {
    this.config = config;
    this.gemm = gemm;
    this.net = new BinaryNetwork(config, gemm);
    this.params = net.params();
    this.optimizer = config.optimizer().equals("adam") ? new Adam(params) : new ShiftAdaMax(params);
  }

  public TrainConfig config() {
    return config;
  }

  public BinaryNetwork network() {
    return net;
  }

  Optimizer optimizer() {
    return optimizer;
  }

  public int epochsDone() {
    return epochsDone;
  }

  /** The sizes of the data the run trains on: training samples, validation samples, features. */
  public record DataShape(int training, int validation, int features) {
    static DataShape of(Dataset train, Dataset validation) {
      return new DataShape(train.size(), validation == null ? 0 : validation.size(), train.width());
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,d training and %,d validation samples of %d features",
          training,
          validation,
          features);
    }
  }

  DataShape dataShape() {
    return dataShape;
  }

  /**
   * Checks that a resumed run goes on with data of the sizes it was trained on.
   *
   * @throws IllegalArgumentException naming both shapes when they differ
   */
  public DataShape checkData(Dataset train, Dataset validation) {
    DataShape shape = DataShape.of(train, validation);
    if (dataShape != null && !dataShape.equals(shape)) {
      throw new IllegalArgumentException(
          "the checkpoint's run trained on "
              + dataShape
              + ", this one has "
              + shape
              + "; give the same data, --validation and --limit to go on");
    }
    return shape;
  }

  void restore(
      int epochs,
      double bestAccuracy,
      Network bestNetwork,
      List<EpochResult> past,
      DataShape data) {
    this.dataShape = data;
    this.epochsDone = epochs;
    this.bestValidation = bestAccuracy;
    this.best = bestNetwork;
    history.clear();
    history.addAll(past);
  }

  public List<EpochResult> history() {
    return List.copyOf(history);
  }

  /** The exported network of the best validation epoch so far (the last one without validation). */
  public Network best() {
    return best;
  }

  public double bestValidationAccuracy() {
    return bestValidation;
  }

  /**
   * Trains the remaining epochs. After each, the network is exported and scored on {@code
   * validation} (may be null), and with {@code checkpoint} set the whole state is saved there.
   */
  public void train(
      Dataset train, Dataset validation, String name, Path checkpoint, TrainingListener listener)
      throws IOException {
    DataShape shape = checkData(train, validation);
    if (train.width() != config.layers()[0]) {
      throw new IllegalArgumentException(
          train.name()
              + ": samples have "
              + train.width()
              + " features, the architecture "
              + TrainConfig.describe(config.layers())
              + " starts with "
              + config.layers()[0]);
    }
    int classes = config.layers()[config.layers().length - 1];
    if (train.classes() > classes) {
      throw new IllegalArgumentException(
          train.name()
              + ": "
              + train.classes()
              + " classes, the architecture ends with "
              + classes);
    }
    int batch = config.batchSize();
    int batches = train.size() / batch;
    if (batches == 0) {
      throw new IllegalArgumentException(
          train.name() + ": " + train.size() + " samples, fewer than one batch of " + batch);
    }
    dataShape = shape;
    while (epochsDone < config.epochs()) {
      int e = epochsDone;
      long start = System.nanoTime();
      float lr = config.learningRate(e);
      int[] order = shuffled(train.size(), mix(config.seed(), e, -1));
      int[] labels = new int[batch];
      float[] dy = new float[batch * classes];
      double lossSum = 0;
      long correct = 0;
      for (int k = 0; k < batches; k++) {
        int from = k * batch;
        float[] x = train.batch(order, from, from + batch, config.binarizeInput());
        for (int b = 0; b < batch; b++) {
          labels[b] = train.label(order[from + b]);
        }
        Pass pass = new Pass(true, new SplittableRandom(mix(config.seed(), e, k)));
        float[] y = net.forward(x, batch, pass);
        lossSum += config.loss().apply(y, labels, batch, classes, dy);
        correct += countCorrect(y, labels, batch, classes);
        net.backward(dy, batch);
        optimizer.step(params, lr);
        listener.batch(
            e + 1, k + 1, batches, lossSum / (k + 1), (double) correct / ((long) (k + 1) * batch));
      }
      Network exported = net.export(name);
      double acc =
          validation == null
              ? Double.NaN
              : new BinarizedInference(exported, gemm).accuracy(validation);
      boolean improved = validation == null || best == null || acc > bestValidation;
      if (improved) {
        best = exported;
        bestValidation = acc;
      }
      epochsDone++;
      EpochResult r =
          new EpochResult(
              e + 1,
              config.epochs(),
              lr,
              lossSum / batches,
              (double) correct / ((long) batches * batch),
              acc,
              (System.nanoTime() - start) / 1e9,
              improved);
      history.add(r);
      if (checkpoint != null) {
        Checkpoint.write(this, checkpoint);
      }
      listener.epoch(r);
    }
  }

  private static int countCorrect(float[] y, int[] labels, int batch, int classes) {
    int n = 0;
    for (int b = 0; b < batch; b++) {
      if (BinarizedInference.argmax(y, b * classes, classes) == labels[b]) {
        n++;
      }
    }
    return n;
  }

  /** A Fisher-Yates shuffle of 0..n-1. */
  static int[] shuffled(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = o[i];
      o[i] = o[j];
      o[j] = t;
    }
    return o;
  }

  /** A seed for (run seed, epoch, batch), well mixed (SplitMix64's finalizer). */
  static long mix(long seed, int epoch, int batch) {
    long z = seed * 0x9E3779B97F4A7C15L + ((long) epoch << 32) + batch;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
