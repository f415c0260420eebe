package org.signum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signum.compiler.ir.Network;
import org.signum.compiler.model.ModelFile;
import org.signum.compiler.onnx.OnnxExporter;
import org.signum.trainer.BinarizedInference;
import org.signum.trainer.Checkpoint;
import org.signum.trainer.CheckpointException;
import org.signum.trainer.Dataset;
import org.signum.trainer.DatasetException;
import org.signum.trainer.EpochResult;
import org.signum.trainer.TrainConfig;
import org.signum.trainer.Trainer;
import org.signum.trainer.TrainingListener;
import org.signum.trainer.math.Gemm;
import org.signum.trainer.nn.Loss;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code signum train}: trains a fully connected binarized network on MNIST as the BNN paper does
 * and writes the best epoch's network as a Signum model file (and ONNX where asked).
 */
@Command(
    name = "train",
    header = "Train a binarized network on MNIST and write it as a model file.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a fully connected binarized network on MNIST as the BNN paper does: latent weights"
          + " in [-1, 1], sign with the straight-through estimator, batch norm, square hinge"
          + " loss, Adam with a decaying learning rate.",
      "The last --validation training images are held out; after every epoch the binarized"
          + " network is scored on them and the best epoch is kept, then scored on the test set"
          + " exactly as the machine computes it and written to --output. The same command gives"
          + " the same model, byte for byte. See docs/trainer.md."
    })
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dataset",
      defaultValue = "mnist",
      paramLabel = "NAME",
      description = "The data set; mnist is the one known (default: ${DEFAULT-VALUE}).")
  String dataset;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description =
          "Directory with the data set's files (MNIST: train-images-idx3-ubyte.gz,"
              + " train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz).")
  Path data;

  @Option(
      names = "--arch",
      defaultValue = "784-1024-1024-1024-10",
      paramLabel = "WIDTHS",
      description = "Layer widths, input first, classes last (default: ${DEFAULT-VALUE}).")
  String arch;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "MODEL",
      description = "The trained network, a Signum model file (.sgm).")
  Path output;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "20",
      description = "Epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "100",
      description = "Samples per mini-batch (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--lr",
      paramLabel = "RATE",
      defaultValue = "0.003",
      description = "Learning rate of the first epoch (default: ${DEFAULT-VALUE}).")
  float lr;

  @Option(
      names = "--lr-end",
      paramLabel = "RATE",
      defaultValue = "0.0003",
      description =
          "Learning rate of the last epoch; geometric decay in between (default: ${DEFAULT-VALUE}).")
  float lrEnd;

  @Option(
      names = "--loss",
      defaultValue = "square-hinge",
      paramLabel = "LOSS",
      description = "square-hinge or cross-entropy (default: ${DEFAULT-VALUE}).")
  String loss;

  @Option(
      names = "--optimizer",
      defaultValue = "adam",
      paramLabel = "NAME",
      description =
          "adam, or shift-adamax (the paper's shift-based AdaMax) (default: ${DEFAULT-VALUE}).")
  String optimizer;

  @Option(
      names = "--shift-batchnorm",
      description = "Shift-based batch normalization (powers of two).")
  boolean shiftBatchNorm;

  @Option(names = "--stochastic", description = "Stochastic binarization of weights in training.")
  boolean stochastic;

  @Option(
      names = "--binarize-input",
      description = "First layer on binarized inputs (pixel/255 >= 0.5) instead of 8-bit ones.")
  boolean binarizeInput;

  @Option(
      names = "--dropout-input",
      defaultValue = "0",
      paramLabel = "RATE",
      description = "Dropout rate on the input (default: ${DEFAULT-VALUE}).")
  float dropoutInput;

  @Option(
      names = "--dropout-hidden",
      defaultValue = "0",
      paramLabel = "RATE",
      description = "Dropout rate on each hidden layer's output (default: ${DEFAULT-VALUE}).")
  float dropoutHidden;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--validation",
      defaultValue = "5000",
      paramLabel = "N",
      description =
          "Training images held out for validation, the last N (default: ${DEFAULT-VALUE}).")
  int validation;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Train on the first N of the remaining training images only.")
  Integer limit;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads for the matrix products (default: all cores); results do not depend on it.")
  Integer threads;

  @Option(
      names = "--checkpoint",
      paramLabel = "FILE",
      description = "Save the whole training state here after every epoch (default: MODEL.ckpt).")
  Path checkpoint;

  @Option(
      names = "--resume",
      paramLabel = "FILE",
      description =
          "Go on from a checkpoint; its configuration replaces the training options. The data"
              + " options are not in it: give the run's --data, --validation and --limit again (a run on data of"
              + " other sizes is refused).")
  Path resume;

  @Option(
      names = "--onnx",
      paramLabel = "FILE",
      description = "Also write the trained network as ONNX/QONNX (.onnx).")
  Path onnx;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "Write the run's history and results as JSON.")
  Path json;

  @Option(
      names = "--progress",
      description = "Show progress even when standard error is not a terminal.")
  boolean progress;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    int[] widths = checkOptions();
    checkDirectory("--output", output);
    Path ckpt = checkpoint != null ? checkpoint : Path.of(output + ".ckpt");
    checkDirectory("--checkpoint", ckpt);
    if (json != null) {
      checkDirectory("--json", json);
    }
    if (onnx != null) {
      checkDirectory("--onnx", onnx);
    }
    Dataset all = load(true);
    Dataset test = load(false);
    if (test.width() != all.width()) {
      throw error(
          "the test images in "
              + data
              + " have "
              + test.width()
              + " pixels, the training images "
              + all.width());
    }
    if (validation >= all.size()) {
      throw error(
          String.format(
              Locale.ROOT,
              "--validation %d: the training set in %s has %,d images",
              validation,
              data,
              all.size()));
    }
    int trainEnd = all.size() - validation;
    boolean limited = limit != null && limit < trainEnd;
    if (limited) {
      trainEnd = limit;
    }
    Dataset train = all.slice(0, trainEnd);
    Dataset val = validation == 0 ? null : all.slice(all.size() - validation, all.size());
    try (Gemm gemm =
        new Gemm(threads == null ? Runtime.getRuntime().availableProcessors() : threads, true)) {
      Trainer trainer = resume != null ? resumed(gemm) : null;
      if (trainer != null) {
        try {
          trainer.checkData(train, val);
        } catch (IllegalArgumentException e) {
          throw error(e.getMessage());
        }
      }
      TrainConfig resumedConfig = trainer == null ? null : trainer.config();
      checkFit(
          resumedConfig == null ? widths : resumedConfig.layers(),
          resumedConfig == null ? batchSize : resumedConfig.batchSize(),
          train,
          limited);
      if (trainer == null) {
        trainer = new Trainer(config(widths), gemm);
      }
      TrainConfig c = trainer.config();
      out.printf(
          Locale.ROOT,
          "training %s on %,d images (%,d held out for validation), %d epochs%n",
          TrainConfig.describe(c.layers()),
          train.size(),
          val == null ? 0 : val.size(),
          c.epochs());
      out.printf(Locale.ROOT, "configuration: %s%n", c.describe());
      out.printf(
          Locale.ROOT,
          "matrix products: %s kernel on %d thread%s%s%n",
          gemm.kernelName(),
          gemm.threads(),
          gemm.threads() == 1 ? "" : "s",
          gemm.kernelName().equals("vector")
              ? ""
              : " (start the JVM with --add-modules jdk.incubator.vector for the faster one)");
      if (resume != null) {
        out.printf(Locale.ROOT, "resumed from %s after epoch %d%n", resume, trainer.epochsDone());
      }
      out.flush();
      TrainProgress bar =
          TrainProgress.of(spec.commandLine().getErr(), c.epochs(), progress, trainer.epochsDone());
      long start = System.nanoTime();
      try {
        trainer.train(train, val, networkName(), ckpt, listener(out, bar));
      } catch (IOException e) {
        throw error("cannot write the checkpoint " + ckpt + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      } finally {
        bar.finish();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Network best = trainer.best();
      double testAccuracy = new BinarizedInference(best, gemm).accuracy(test);
      int bestEpoch = bestEpoch(trainer.history());
      boolean validated = !Double.isNaN(trainer.bestValidationAccuracy());
      String header =
          header(c, bestEpoch, trainer.bestValidationAccuracy(), testAccuracy, test.size());
      byte[] onnxBytes = onnx == null ? null : OnnxExporter.export(best);
      Outputs.writeBytes(
          output, (header + ModelFile.format(best)).getBytes(StandardCharsets.UTF_8));
      if (onnx != null) {
        Outputs.writeBytes(onnx, onnxBytes);
      }
      out.printf(
          Locale.ROOT,
          "%s; test %.2f %% (%,d of %,d, binarized inference as the machine computes it)%n",
          validated
              ? String.format(
                  Locale.ROOT,
                  "best epoch %d: validation %.2f %%",
                  bestEpoch,
                  100 * trainer.bestValidationAccuracy())
              : "last epoch " + bestEpoch + " (no validation set)",
          100 * testAccuracy,
          Math.round(testAccuracy * test.size()),
          test.size());
      out.printf(
          Locale.ROOT,
          "wall time %s this run; wrote %s%s%n",
          duration(seconds),
          output,
          onnx == null ? "" : " and " + onnx);
      if (json != null) {
        Outputs.writeBytes(
            json,
            json(trainer, bestEpoch, testAccuracy, test.size()).getBytes(StandardCharsets.UTF_8));
      }
      return Main.EXIT_OK;
    }
  }

  /** Checks the option values on their own; returns the widths of --arch. */
  private int[] checkOptions() {
    if (!dataset.equals("mnist")) {
      throw usage("--dataset: unknown data set '" + dataset + "', expected mnist");
    }
    if (!output.getFileName().toString().endsWith(".sgm")) {
      throw usage("--output " + output + ": expected a .sgm file name");
    }
    if (onnx != null && !onnx.getFileName().toString().endsWith(".onnx")) {
      throw usage("--onnx " + onnx + ": expected a .onnx file name");
    }
    int[] widths;
    try {
      widths = TrainConfig.parseArchitecture(arch);
    } catch (IllegalArgumentException e) {
      throw usage("--arch: " + e.getMessage());
    }
    if (widths.length < 2) {
      throw usage(
          "--arch "
              + arch
              + ": needs the input width and the class count at least, such as 784-256-10");
    }
    for (int w : widths) {
      if (w < 1) {
        throw usage("--arch " + arch + ": every width must be at least 1");
      }
    }
    positive("--epochs", epochs);
    if (batchSize < 2) {
      throw usage("--batch-size must be at least 2, got " + batchSize);
    }
    positiveRate("--lr", lr);
    positiveRate("--lr-end", lrEnd);
    try {
      Loss.fromOption(loss);
    } catch (IllegalArgumentException e) {
      throw usage("--loss: " + e.getMessage());
    }
    if (!optimizer.equals("adam") && !optimizer.equals("shift-adamax")) {
      throw usage(
          "--optimizer: unknown optimizer '" + optimizer + "', expected adam or shift-adamax");
    }
    dropoutRate("--dropout-input", dropoutInput);
    dropoutRate("--dropout-hidden", dropoutHidden);
    if (validation < 0) {
      throw usage("--validation must not be negative, got " + validation);
    }
    if (limit != null) {
      positive("--limit", limit);
    }
    if (threads != null) {
      positive("--threads", threads);
    }
    return widths;
  }

  private void positive(String option, int value) {
    if (value < 1) {
      throw usage(option + " must be a positive number, got " + value);
    }
  }

  private void positiveRate(String option, float value) {
    if (!(value > 0 && Float.isFinite(value))) {
      throw usage(option + " must be a positive number, got " + value);
    }
  }

  private void dropoutRate(String option, float value) {
    if (!(value >= 0f && value < 1f)) {
      throw usage(option + " must be in [0, 1), got " + value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static CliException error(String message) {
    return new CliException("signum: error: " + message);
  }

  /** A file is written only into a directory that is there, checked before the run starts. */
  private static void checkDirectory(String option, Path file) {
    Path dir = file.getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw error(option + " " + file + ": no directory " + dir);
    }
  }

  private Dataset load(boolean training) {
    if (!Files.exists(data)) {
      throw error("--data " + data + ": no such directory");
    }
    if (!Files.isDirectory(data)) {
      throw error("--data " + data + ": not a directory");
    }
    try {
      return Dataset.mnist(data, training);
    } catch (DatasetException e) {
      throw error(e.getMessage());
    }
  }

  /**
   * Checks that the network's widths fit the images and the classes, and that the images left to
   * train on make a batch; the widths and batch size are the options' or the checkpoint's.
   */
  private void checkFit(int[] layers, int batch, Dataset train, boolean limited) {
    String architecture =
        (resume == null ? "--arch " : resume + ": the architecture ")
            + TrainConfig.describe(layers);
    if (layers[0] != train.width()) {
      throw error(
          architecture
              + " takes "
              + layers[0]
              + " inputs, but the images in "
              + data
              + " have "
              + train.width()
              + " pixels");
    }
    int classes = layers[layers.length - 1];
    if (classes < train.classes()) {
      throw error(
          architecture
              + " ends in "
              + classes
              + (classes == 1 ? " class" : " classes")
              + ", but the labels in "
              + data
              + " are digits 0 to "
              + (train.classes() - 1));
    }
    if (train.size() < batch) {
      String cause =
          limited
              ? "--limit " + limit + " leaves "
              : validation > 0 ? "--validation " + validation + " leaves " : data + " holds ";
      throw error(
          String.format(
              Locale.ROOT,
              "%s%,d training images, fewer than a batch of %,d (%s)",
              cause,
              train.size(),
              batch,
              resume == null ? "--batch-size" : "the batch size of " + resume));
    }
  }

  private Trainer resumed(Gemm gemm) {
    try {
      return Checkpoint.read(resume, gemm);
    } catch (CheckpointException e) {
      throw error(e.getMessage());
    }
  }

  private TrainConfig config(int[] widths) {
    try {
      return new TrainConfig(
          widths,
          epochs,
          batchSize,
          lr,
          lrEnd,
          Loss.fromOption(loss),
          optimizer,
          shiftBatchNorm,
          stochastic,
          binarizeInput,
          dropoutInput,
          dropoutHidden,
          1e-4f,
          0.1f,
          seed);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private String networkName() {
    String f = output.getFileName().toString();
    return f.substring(0, f.length() - ".sgm".length());
  }

  private static TrainingListener listener(PrintWriter out, TrainProgress bar) {
    return new TrainingListener() {
      @Override
      public void batch(int epoch, int done, int batches, double loss, double accuracy) {
        bar.batch(epoch, done, batches, loss, accuracy);
      }

      @Override
      public void epoch(EpochResult r) {
        bar.clear();
        out.printf(
            Locale.ROOT,
            "epoch %3d/%d  lr %.6f  loss %.4f  train %.2f %%  validation %s  %s%s%n",
            r.epoch(),
            r.epochs(),
            r.learningRate(),
            r.loss(),
            100 * r.trainAccuracy(),
            Double.isNaN(r.validationAccuracy())
                ? "-"
                : String.format(Locale.ROOT, "%.2f %%", 100 * r.validationAccuracy()),
            duration(r.seconds()),
            r.best() ? "  best" : "");
        out.flush();
        bar.epochDone(r.seconds());
      }
    };
  }

  private static int bestEpoch(List<EpochResult> history) {
    int best = history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    for (EpochResult r : history) {
      if (r.best()) {
        best = r.epoch();
      }
    }
    return best;
  }

  private String header(
      TrainConfig c, int bestEpoch, double validationAccuracy, double testAccuracy, int tests)
      throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("# trained by ").append(new Version().getVersion()[0]).append(" train\n");
    h.append("# configuration: ").append(c.describe()).append('\n');
    h.append(
        Double.isNaN(validationAccuracy)
            ? String.format(
                Locale.ROOT, "# last epoch %d of %d (no validation set)", bestEpoch, c.epochs())
            : String.format(
                Locale.ROOT,
                "# best epoch %d of %d; validation accuracy %.4f",
                bestEpoch,
                c.epochs(),
                validationAccuracy));
    h.append(
        String.format(Locale.ROOT, "; test accuracy %.4f on %d images\n", testAccuracy, tests));
    return h.toString();
  }

  /** Seconds as {@code 12.3 s}, {@code 4:05 min} or, from an hour on, {@code 1:02:05}. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  private static String json(Trainer t, int bestEpoch, double testAccuracy, int tests) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("configuration", t.config().describe());
    root.put("best_epoch", bestEpoch);
    root.put(
        "validation_accuracy",
        Double.isNaN(t.bestValidationAccuracy()) ? null : t.bestValidationAccuracy());
    root.put("test_accuracy", testAccuracy);
    root.put("test_images", tests);
    List<Object> history = new ArrayList<>();
    for (EpochResult r : t.history()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("epoch", r.epoch());
      e.put("learning_rate", r.learningRate());
      e.put("loss", r.loss());
      e.put("train_accuracy", r.trainAccuracy());
      e.put(
          "validation_accuracy",
          Double.isNaN(r.validationAccuracy()) ? null : r.validationAccuracy());
      e.put("seconds", r.seconds());
      e.put("best", r.best());
      history.add(e);
    }
    root.put("history", history);
    return Json.write(root);
  }
}
