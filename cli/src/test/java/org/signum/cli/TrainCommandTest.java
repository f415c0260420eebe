package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.model.ModelFile;
import org.signum.trainer.Dataset;
import org.signum.trainer.EpochResult;
import org.signum.trainer.TrainConfig;
import org.signum.trainer.Trainer;
import org.signum.trainer.TrainingListener;
import org.signum.trainer.math.Gemm;

/**
 * {@code signum train} through picocli on a small MNIST-format data set of 8x8 images written here:
 * the printed run, the model file and its header, the JSON, the simulated machine's accuracy on the
 * trained network against the trainer's, reproducibility across runs and thread counts, checkpoints
 * and resuming, the progress lines, and bad options and files.
 */
class TrainCommandTest {
  private static final int SIDE = 8;
  private static final int PIXELS = SIDE * SIDE;
  private static final int TRAIN_IMAGES = 3200;
  private static final int TEST_IMAGES = 300;
  private static final Pattern TEST_LINE =
      Pattern.compile(
          "best epoch (\\d): validation (\\d+\\.\\d\\d) %; test (\\d+\\.\\d\\d) %"
              + " \\((\\d+) of 300, binarized inference as the machine computes it\\)");

  /** The data set, shared by every test. */
  @TempDir static Path shared;

  private static Path data;

  /** The short run most tests compare with, in its own directory. */
  private static Path baseDir;

  private static CliRun base;

  @TempDir Path tmp;

  @BeforeAll
  static void writeDataAndTrainOnce() throws IOException {
    data = Files.createDirectory(shared.resolve("mnist"));
    writeMnist(data);
    baseDir = Files.createDirectory(shared.resolve("base"));
    base =
        train(
            baseDir,
            "--threads",
            "2",
            "--json",
            baseDir.resolve("m.json").toString(),
            "--onnx",
            baseDir.resolve("m.onnx").toString());
  }

  /**
   * The short run's command with the model written to {@code dir/m.sgm}; {@code more} replaces the
   * value of an option of the short run where it names one, and is added otherwise.
   */
  private static CliRun train(Path dir, String... more) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("--data", data.toString());
    options.put("--arch", "64-32-10");
    options.put("--epochs", "2");
    options.put("--validation", "200");
    options.put("--seed", "3");
    options.put("-o", dir.resolve("m.sgm").toString());
    List<String> added = new ArrayList<>();
    for (int i = 0; i < more.length; i++) {
      if (options.containsKey(more[i])) {
        options.put(more[i], more[++i]);
      } else {
        added.add(more[i]);
      }
    }
    List<String> args = new ArrayList<>(List.of("train"));
    options.forEach(
        (k, v) -> {
          args.add(k);
          args.add(v);
        });
    args.addAll(added);
    return CliRun.of(args.toArray(String[]::new));
  }

  // ---- the data set -----------------------------------------------------------------------------

  /**
   * Ten classes, each a random prototype of bright and dark pixels; an image is its class's
   * prototype with every pixel jittered and one in eight replaced by a random byte.
   */
  private static void writeMnist(Path dir) throws IOException {
    SplittableRandom r = new SplittableRandom(2024);
    int[][] prototypes = new int[10][PIXELS];
    for (int[] p : prototypes) {
      for (int j = 0; j < PIXELS; j++) {
        p[j] = r.nextBoolean() ? 192 + r.nextInt(64) : r.nextInt(64);
      }
    }
    writeSet(dir, "train", TRAIN_IMAGES, prototypes, r);
    writeSet(dir, "t10k", TEST_IMAGES, prototypes, r);
  }

  private static void writeSet(
      Path dir, String prefix, int count, int[][] prototypes, SplittableRandom r)
      throws IOException {
    byte[] pixels = new byte[count * PIXELS];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      int c = r.nextInt(10);
      labels[i] = (byte) c;
      for (int j = 0; j < PIXELS; j++) {
        int v =
            r.nextInt(8) == 0
                ? r.nextInt(256)
                : Math.max(0, Math.min(255, prototypes[c][j] + r.nextInt(-30, 31)));
        pixels[i * PIXELS + j] = (byte) v;
      }
    }
    writeIdx(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803, pixels, count, SIDE, SIDE);
    writeIdx(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801, labels, count);
  }

  /** A gzip-compressed IDX file: the magic, the dimensions big-endian, the bytes. */
  private static void writeIdx(Path file, int magic, byte[] bytes, int... dims) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(bytes);
    }
  }

  /** A copy of the data set in {@code tmp}, for tests that damage or remove a file. */
  private Path copyOfData() throws IOException {
    Path copy = Files.createDirectory(tmp.resolve("data"));
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  // ---- a short run ------------------------------------------------------------------------------

  @Test
  void aShortRunPrintsEveryEpochAndWritesTheModelAndJson() throws Exception {
    assertEquals(0, base.exit(), base::toString);
    assertEquals("", base.err(), base::toString);
    String out = base.out();
    assertTrue(
        out.startsWith(
            "training 64-32-10 on 3,000 images (200 held out for validation), 2 epochs\n"
                + "configuration: arch=64-32-10 epochs=2 batch=100 lr=0.003..3.0E-4"
                + " loss=square-hinge optimizer=adam shift-bn=false stochastic=false"
                + " binarize-input=false dropout=0.0/0.0 bn-eps=1.0E-4 bn-momentum=0.1 seed=3\n"
                + "matrix products: "),
        out);
    assertTrue(out.contains(" on 2 threads"), out);
    for (int e = 1; e <= 2; e++) {
      assertTrue(
          Pattern.compile(
                  "(?m)^epoch   "
                      + e
                      + "/2  lr 0\\.\\d{6}  loss \\d+\\.\\d{4}  train \\d+\\.\\d\\d %  validation"
                      + " \\d+\\.\\d\\d %  \\d+\\.\\d s( {2}best)?$")
              .matcher(out)
              .find(),
          out);
    }
    Matcher m = TEST_LINE.matcher(out);
    assertTrue(m.find(), out);
    int bestEpoch = Integer.parseInt(m.group(1));
    int correct = Integer.parseInt(m.group(4));
    assertEquals(
        String.format(Locale.ROOT, "%.2f", 100.0 * correct / TEST_IMAGES), m.group(3), out);
    // The synthetic classes are learnt: far above the 10 % of guessing.
    assertTrue(correct >= TEST_IMAGES * 8 / 10, out);
    Path model = baseDir.resolve("m.sgm");
    assertTrue(out.endsWith("; wrote " + model + " and " + baseDir.resolve("m.onnx") + "\n"), out);

    List<String> lines = Files.readAllLines(model);
    assertTrue(lines.get(0).matches("# trained by signum \\S+ train"), lines.get(0));
    assertEquals(
        "# configuration: arch=64-32-10 epochs=2 batch=100 lr=0.003..3.0E-4 loss=square-hinge"
            + " optimizer=adam shift-bn=false stochastic=false binarize-input=false"
            + " dropout=0.0/0.0 bn-eps=1.0E-4 bn-momentum=0.1 seed=3",
        lines.get(1));
    assertEquals(
        String.format(
            Locale.ROOT,
            "# best epoch %d of 2; validation accuracy %.4f; test accuracy %.4f on 300 images",
            bestEpoch,
            Double.parseDouble(m.group(2)) / 100,
            (double) correct / TEST_IMAGES),
        lines.get(2));
    assertFalse(lines.get(3).startsWith("#"), lines.get(3));

    Network net = ModelFile.read(model);
    assertEquals("m", net.name());
    List<Integer> widths = new ArrayList<>();
    for (Layer l : net.layers()) {
      if (l instanceof BinaryDense d) {
        widths.add(d.outputs());
      }
    }
    assertEquals(List.of(32, 10), widths);

    JsonObject j =
        JsonParser.parseString(Files.readString(baseDir.resolve("m.json"))).getAsJsonObject();
    assertEquals(bestEpoch, j.get("best_epoch").getAsInt());
    assertEquals(300, j.get("test_images").getAsInt());
    assertEquals(correct, Math.round(j.get("test_accuracy").getAsDouble() * TEST_IMAGES));
    assertEquals(
        m.group(2),
        String.format(Locale.ROOT, "%.2f", 100 * j.get("validation_accuracy").getAsDouble()));
    assertEquals(2, j.getAsJsonArray("history").size());
    assertEquals(
        lines.get(1).substring("# configuration: ".length()), j.get("configuration").getAsString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"m.sgm", "m.onnx"})
  void theSimulatedMachineScoresTheTrainedNetworkAsTheTrainerDoes(String model) {
    Matcher m = TEST_LINE.matcher(base.out());
    assertTrue(m.find(), base::toString);
    CliRun run =
        CliRun.of(
            "run",
            baseDir.resolve(model).toString(),
            "--images",
            data.resolve("t10k-images-idx3-ubyte.gz").toString(),
            "--labels",
            data.resolve("t10k-labels-idx1-ubyte.gz").toString());
    assertEquals(0, run.exit(), run::toString);
    assertTrue(
        run.out().contains("accuracy: " + m.group(4) + " of 300 = " + m.group(3) + " %"),
        () -> base + "\n" + run);
  }

  @Test
  void withoutValidationTheLastEpochIsKept() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("all"));
    Path json = dir.resolve("m.json");
    CliRun r = train(dir, "--validation", "0", "--epochs", "1", "--json", json.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out().startsWith("training 64-32-10 on 3,200 images (0 held out for validation)"),
        r::toString);
    assertTrue(
        Pattern.compile("(?m)^epoch   1/1  .*  validation -  \\d+\\.\\d s  best$")
            .matcher(r.out())
            .find(),
        r::toString);
    Matcher m =
        Pattern.compile("(?m)^last epoch 1 \\(no validation set\\); test \\d+\\.\\d\\d % \\(")
            .matcher(r.out());
    assertTrue(m.find(), r::toString);
    String model = Files.readString(dir.resolve("m.sgm"));
    assertTrue(
        model.contains("\n# last epoch 1 of 1 (no validation set); test accuracy 0."), model);
    assertFalse(r.out().contains("NaN") || model.contains("NaN"), r + model);
    JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertTrue(j.get("validation_accuracy").isJsonNull(), j::toString);
  }

  // ---- reproducibility --------------------------------------------------------------------------

  @Test
  void theSameCommandGivesTheSameModelOnAnyThreadCount() throws IOException {
    byte[] expected = Files.readAllBytes(baseDir.resolve("m.sgm"));
    Path again = Files.createDirectory(tmp.resolve("again"));
    CliRun r = train(again, "--threads", "2");
    assertEquals(0, r.exit(), r::toString);
    assertArrayEquals(expected, Files.readAllBytes(again.resolve("m.sgm")));
    Path one = Files.createDirectory(tmp.resolve("one"));
    CliRun single = train(one, "--threads", "1");
    assertEquals(0, single.exit(), single::toString);
    assertTrue(single.out().contains(" on 1 thread"), single::toString);
    assertArrayEquals(expected, Files.readAllBytes(one.resolve("m.sgm")));
  }

  // ---- checkpoints ------------------------------------------------------------------------------

  @Test
  void resumingAFinishedRunWritesTheSameModel() throws IOException {
    Path ckpt = baseDir.resolve("m.sgm.ckpt");
    assertTrue(Files.isRegularFile(ckpt), "the default checkpoint is MODEL.ckpt");
    Path dir = Files.createDirectory(tmp.resolve("resumed"));
    CliRun r =
        CliRun.of(
            "train",
            "--data",
            data.toString(),
            "--validation",
            "200",
            "--resume",
            ckpt.toString(),
            "-o",
            dir.resolve("m.sgm").toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("resumed from " + ckpt + " after epoch 2\n"), r::toString);
    assertFalse(r.out().contains("epoch   "), "no epoch is trained again: " + r);
    Matcher before = TEST_LINE.matcher(base.out());
    Matcher after = TEST_LINE.matcher(r.out());
    assertTrue(before.find() && after.find(), r::toString);
    assertEquals(before.group(), after.group());
    assertArrayEquals(
        Files.readAllBytes(baseDir.resolve("m.sgm")), Files.readAllBytes(dir.resolve("m.sgm")));
  }

  @Test
  void resumingAfterTheFirstEpochTrainsTheSecondAsTheWholeRunDid() throws Exception {
    // The state after epoch 1 of the short run, saved by the trainer before a simulated stop.
    Dataset all = Dataset.mnist(data, true);
    TrainConfig c =
        TrainConfig.defaults(new int[] {64, 32, 10})
            .withEpochs(2)
            .withLearningRates(0.003f, 0.0003f)
            .withSeed(3);
    Path dir = Files.createDirectory(tmp.resolve("resumed"));
    Path ckpt = dir.resolve("epoch1.ckpt");
    class Stop extends RuntimeException {}
    try (Gemm gemm = new Gemm(2, true)) {
      Trainer t = new Trainer(c, gemm);
      t.train(
          all.slice(0, 3000),
          all.slice(3000, 3200),
          "m",
          ckpt,
          new TrainingListener() {
            @Override
            public void epoch(EpochResult r) {
              throw new Stop();
            }
          });
    } catch (Stop expected) {
      // the checkpoint of epoch 1 is written before the listener hears of it
    }
    CliRun r =
        CliRun.of(
            "train",
            "--data",
            data.toString(),
            "--validation",
            "200",
            "--resume",
            ckpt.toString(),
            "-o",
            dir.resolve("m.sgm").toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("resumed from " + ckpt + " after epoch 1\n"), r::toString);
    assertFalse(r.out().contains("epoch   1/2"), r::toString);
    assertTrue(r.out().contains("epoch   2/2"), r::toString);
    assertArrayEquals(
        Files.readAllBytes(baseDir.resolve("m.sgm")), Files.readAllBytes(dir.resolve("m.sgm")));
    assertTrue(Files.isRegularFile(dir.resolve("m.sgm.ckpt")), r::toString);
  }

  // ---- progress ---------------------------------------------------------------------------------

  @Test
  void progressGoesToStandardErrorWhenAskedFor() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("progress"));
    CliRun r = train(dir, "--progress");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        Pattern.compile("(?m)^epoch 1/2 \\[[#.]{24}\\] \\d+/30  loss ").matcher(r.err()).find(),
        r::toString);
    assertFalse(r.out().contains("left in epoch"), r::toString);
    assertFalse(r.out().contains("["), r::toString);
  }

  // ---- bad options and files --------------------------------------------------------------------

  /**
   * A run refused before it starts: the exit code, the message as the first line of standard error
   * (picocli's usage follows a usage error), nothing on standard output, no stack trace, and no
   * model, checkpoint or JSON written.
   */
  private void assertRefused(int exit, String message, CliRun r) throws IOException {
    assertEquals(exit, r.exit(), r::toString);
    assertEquals(message, r.err().split("\n", 2)[0], r::toString);
    assertEquals("", r.out(), r::toString);
    assertFalse(
        r.err().contains("\tat ")
            || r.err().contains("Exception")
            || r.err().contains("internal error"),
        r::toString);
    if (exit == Main.EXIT_USAGE) {
      assertTrue(r.err().contains("Usage: signum train"), r::toString);
    }
    try (var files = Files.list(tmp)) {
      List<String> left = files.map(f -> f.getFileName().toString()).toList();
      assertTrue(
          left.stream().noneMatch(n -> n.startsWith("m.") || n.startsWith(".m.")),
          () -> left + " after " + r);
    }
  }

  @Test
  void badOptionValuesAreUsageErrorsNamingTheOption() throws IOException {
    String[][] cases = {
      {"--arch", "64-x-10"},
      {
        "--arch: architecture '64-x-10': width 2 is 'x', expected a whole number (widths joined by"
            + " '-', such as 784-256-10)"
      },
      {"--arch", "64"},
      {"--arch 64: needs the input width and the class count at least, such as 784-256-10"},
      {"--arch", "64-0-10"},
      {"--arch 64-0-10: every width must be at least 1"},
      {"--dataset", "cifar"},
      {"--dataset: unknown data set 'cifar', expected mnist"},
      {"--loss", "hinge"},
      {"--loss: unknown loss 'hinge', expected square-hinge or cross-entropy"},
      {"--optimizer", "sgd"},
      {"--optimizer: unknown optimizer 'sgd', expected adam or shift-adamax"},
      {"--epochs", "0"},
      {"--epochs must be a positive number, got 0"},
      {"--batch-size", "1"},
      {"--batch-size must be at least 2, got 1"},
      {"--lr", "0"},
      {"--lr must be a positive number, got 0.0"},
      {"--lr-end", "-1e-4"},
      {"--lr-end must be a positive number, got -1.0E-4"},
      {"--dropout-input", "-0.1"},
      {"--dropout-input must be in [0, 1), got -0.1"},
      {"--dropout-hidden", "1.5"},
      {"--dropout-hidden must be in [0, 1), got 1.5"},
      {"--validation", "-1"},
      {"--validation must not be negative, got -1"},
      {"--limit", "0"},
      {"--limit must be a positive number, got 0"},
      {"--threads", "0"},
      {"--threads must be a positive number, got 0"},
    };
    for (int i = 0; i < cases.length; i += 2) {
      assertRefused(Main.EXIT_USAGE, cases[i + 1][0], train(tmp, cases[i]));
    }
    Path txt = tmp.resolve("m.txt");
    assertRefused(
        Main.EXIT_USAGE,
        "--output " + txt + ": expected a .sgm file name",
        train(tmp, "-o", txt.toString()));
  }

  @Test
  void aMissingOrIncompleteDataDirectoryIsNamed() throws IOException {
    Path none = tmp.resolve("none");
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --data " + none + ": no such directory",
        train(tmp, "--data", none.toString()));
    Path file = Files.writeString(tmp.resolve("file"), "not a directory");
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --data " + file + ": not a directory",
        train(tmp, "--data", file.toString()));
    Path copy = copyOfData();
    Files.delete(copy.resolve("t10k-labels-idx1-ubyte.gz"));
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: "
            + copy
            + ": no t10k-labels-idx1-ubyte.gz or t10k-labels-idx1-ubyte (MNIST as distributed)",
        train(tmp, "--data", copy.toString()));
  }

  @Test
  void aDamagedImagesFileIsNamed() throws IOException {
    Path copy = copyOfData();
    Path images = copy.resolve("train-images-idx3-ubyte.gz");
    byte[] whole = Files.readAllBytes(images);
    Files.write(images, Arrays.copyOf(whole, whole.length / 2));
    CliRun cut = train(tmp, "--data", copy.toString());
    assertTrue(
        cut.err().startsWith("signum: error: " + images + ": broken gzip data: "), cut::toString);
    assertRefused(Main.EXIT_FAILURE, cut.err().split("\n", 2)[0], cut);

    Path test = copy.resolve("t10k-images-idx3-ubyte.gz");
    Files.copy(data.resolve(images.getFileName()), images, StandardCopyOption.REPLACE_EXISTING);
    writeIdx(test, 0x12345678, new byte[TEST_IMAGES * PIXELS], TEST_IMAGES, SIDE, SIDE);
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: "
            + test
            + ": not an IDX file: the magic starts with 0x1234, expected 0x0000",
        train(tmp, "--data", copy.toString()));
  }

  @Test
  void theArchitectureMustFitTheData() throws IOException {
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --arch 100-32-10 takes 100 inputs, but the images in "
            + data
            + " have 64 pixels",
        train(tmp, "--arch", "100-32-10"));
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --arch 64-32-5 ends in 5 classes, but the labels in "
            + data
            + " are digits 0 to 9",
        train(tmp, "--arch", "64-32-5"));
    Path copy = copyOfData();
    Path test = copy.resolve("t10k-images-idx3-ubyte.gz");
    writeIdx(test, 0x803, new byte[TEST_IMAGES * 49], TEST_IMAGES, 7, 7);
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: the test images in " + copy + " have 49 pixels, the training images 64",
        train(tmp, "--data", copy.toString()));
  }

  @Test
  void theHeldOutAndTheTrainedImagesMustFitTheTrainingSet() throws IOException {
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --validation 5000: the training set in " + data + " has 3,200 images",
        train(tmp, "--validation", "5000"));
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --validation 3150 leaves 50 training images, fewer than a batch of 100"
            + " (--batch-size)",
        train(tmp, "--validation", "3150"));
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --limit 99 leaves 99 training images, fewer than a batch of 100"
            + " (--batch-size)",
        train(tmp, "--limit", "99"));
  }

  @Test
  void outputsGoToExistingDirectories() throws IOException {
    Path none = tmp.resolve("none");
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --output " + none.resolve("m.sgm") + ": no directory " + none,
        train(tmp, "-o", none.resolve("m.sgm").toString()));
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --checkpoint " + none.resolve("m.ckpt") + ": no directory " + none,
        train(tmp, "--checkpoint", none.resolve("m.ckpt").toString()));
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: --json " + none.resolve("m.json") + ": no directory " + none,
        train(tmp, "--json", none.resolve("m.json").toString()));
  }

  @Test
  void aMissingOrDamagedCheckpointIsNamed() throws IOException {
    Path none = tmp.resolve("none.ckpt");
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: " + none + ": no such file",
        train(tmp, "--resume", none.toString()));
    byte[] ckpt = Files.readAllBytes(baseDir.resolve("m.sgm.ckpt"));
    ckpt[ckpt.length / 2] ^= 1;
    Path damaged = Files.write(tmp.resolve("damaged.ckpt"), ckpt);
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: " + damaged + ": checksum mismatch; the file is damaged or cut short",
        train(tmp, "--resume", damaged.toString()));
  }

  @Test
  void resumingOnOtherDataIsRefused() throws IOException {
    Path ckpt = baseDir.resolve("m.sgm.ckpt");
    assertRefused(
        Main.EXIT_FAILURE,
        "signum: error: the checkpoint's run trained on 3,000 training and 200 validation samples"
            + " of 64 features, this one has 2,900 training and 300 validation samples of 64"
            + " features; give the same data, --validation and --limit to go on",
        train(tmp, "--resume", ckpt.toString(), "--validation", "300"));
  }
}
