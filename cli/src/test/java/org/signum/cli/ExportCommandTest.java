package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.model.ModelFile;

/**
 * {@code signum export} through picocli: model files to ONNX and back, the real Brevitas export to
 * a model file, every file predicting the same classes under {@code signum run}; and the errors.
 * The Brevitas export is read from ../shared beside the repository; that test fails without it.
 */
class ExportCommandTest {
  private static final Path SAMPLE = Path.of("..", "data", "mnist-sample");
  private static final Path IMAGES = SAMPLE.resolve("t10k-images-100-idx3-ubyte.gz");
  private static final Path LABELS = SAMPLE.resolve("t10k-labels-100-idx1-ubyte.gz");
  private static final Path TFC = Path.of("..", "..", "shared", "models", "onnx", "TFC_1W1A.onnx");

  @TempDir Path tmp;

  private static BitMatrix random(Random r, int rows, int cols) {
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        b.set(i, j, r.nextBoolean());
      }
    }
    return b.build();
  }

  private static float[] uniform(Random r, int n, float lo, float hi) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = lo + r.nextFloat() * (hi - lo);
    }
    return a;
  }

  /** An untrained 784-32-10 network on raw pixels of scale 1/255, with a per-class batch norm. */
  private Path modelFile() throws IOException {
    Random r = new Random(4);
    Network net =
        Network.builder("pixels")
            .input("image", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255))
            .dense("fc1", random(r, 32, 784))
            .batchNorm(
                "bn1",
                uniform(r, 32, -1, 1),
                uniform(r, 32, -0.5f, 0.5f),
                uniform(r, 32, -20, 20),
                uniform(r, 32, 1, 400),
                1e-5f)
            .sign("act1")
            .dense("fc2", random(r, 10, 32))
            .batchNorm(
                "norm",
                uniform(r, 10, 0.5f, 1.5f),
                uniform(r, 10, -1, 1),
                uniform(r, 10, -2, 2),
                uniform(r, 10, 1, 4),
                1e-4f)
            .scores("scores")
            .argmax("class")
            .build();
    Path p = tmp.resolve("pixels.sgm");
    ModelFile.write(net, p);
    return p;
  }

  private static void assertNoStackTrace(CliRun r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
  }

  private static void assertFails(CliRun r, int exit, String message) {
    assertEquals(exit, r.exit(), r::toString);
    assertTrue(r.err().contains(message), r::toString);
    assertNoStackTrace(r);
  }

  /** {@code signum run} on the MNIST sample; the predicted classes, one a line. */
  private List<String> predictions(Path model, String... options) throws IOException {
    Path out = Files.createTempFile(tmp, "predictions", ".txt");
    String[] args = {
      "run",
      model.toString(),
      "--images",
      IMAGES.toString(),
      "--labels",
      LABELS.toString(),
      "--predictions",
      out.toString()
    };
    String[] all = Arrays.copyOf(args, args.length + options.length);
    System.arraycopy(options, 0, all, args.length, options.length);
    CliRun r = CliRun.of(all);
    assertEquals(0, r.exit(), r::toString);
    List<String> lines = Files.readAllLines(out);
    assertEquals(100, lines.size());
    return lines;
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.sorted().toList();
    }
  }

  @Test
  void help() {
    CliRun h = CliRun.of("export", "--help");
    assertEquals(0, h.exit(), h::toString);
    assertTrue(h.out().contains("Usage: signum export"), h::toString);
    assertTrue(CliRun.of("--help").out().contains("export"));
  }

  @Test
  void aModelFileToOnnxAndBackPredictsTheSameClasses() throws IOException {
    Path sgm = modelFile();
    Path onnx = tmp.resolve("pixels.onnx");
    CliRun r = CliRun.of("export", sgm.toString(), "-o", onnx.toString());
    assertEquals(0, r.exit(), r::toString);
    assertEquals(
        sgm
            + " -> "
            + onnx
            + ": 784 -> 32 -> 10, input 1x28x28 uint8, scale 1/255 (the model file)\n",
        r.out().replace(System.lineSeparator(), "\n"));
    Path back = tmp.resolve("back.sgm");
    r = CliRun.of("export", onnx.toString(), "--output", back.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out()
            .contains(
                "784 -> 32 -> 10, input 1x28x28 uint8, scale 1 (the UINT8 annotation of graph"
                    + " input 'image')"),
        r::toString);
    assertTrue(Files.readString(back).startsWith("signum-model 1\nnetwork pixels\n"));
    Path again = tmp.resolve("again.onnx");
    assertEquals(0, CliRun.of("export", onnx.toString(), "-o", again.toString()).exit());
    List<String> want = predictions(sgm);
    assertEquals(want, predictions(onnx));
    assertEquals(want, predictions(back));
    assertEquals(want, predictions(again));
    assertTrue(want.stream().distinct().count() > 1, "the classes vary: " + want);
  }

  @Test
  void theBrevitasExportToAModelFileWithItsInputScale() throws IOException {
    assertTrue(Files.isRegularFile(TFC), TFC.toAbsolutePath().normalize() + " is missing");
    Path sgm = tmp.resolve("tfc.sgm");
    CliRun r = CliRun.of("export", TFC.toString(), "-o", sgm.toString(), "--input-scale", "1/255");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out()
            .contains(
                "784 -> 64 -> 64 -> 64 -> 10, input 1x28x28 uint8, scale 1/255 (--input-scale)"),
        r::toString);
    assertTrue(Files.readString(sgm).contains("  scale 1/255\n"));
    List<String> want = predictions(TFC, "--input-scale", "1/255");
    assertEquals(want, predictions(sgm));
  }

  @Test
  void anUnknownOutputExtensionIsAUsageError() throws IOException {
    Path sgm = modelFile();
    Path out = tmp.resolve("pixels.txt");
    assertFails(
        CliRun.of("export", sgm.toString(), "-o", out.toString()),
        2,
        "-o "
            + out
            + ": expected a name ending in .onnx (an ONNX model) or .sgm (a Signum model file)");
    assertEquals(List.of(sgm), files());
  }

  @Test
  void aNetworkWithoutScoresIsNotExportedToOnnx() throws IOException {
    Network net =
        Network.builder("open")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", random(new Random(1), 3, 5))
            .sign("act")
            .build();
    Path sgm = tmp.resolve("open.sgm");
    ModelFile.write(net, sgm);
    assertFails(
        CliRun.of("export", sgm.toString(), "-o", tmp.resolve("open.onnx").toString()),
        1,
        "signum: error: "
            + sgm
            + ": cannot export to ONNX: layer 2 'act' (sign): the network ends here, without"
            + " class scores;");
    assertEquals(List.of(sgm), files());
  }

  @Test
  void missingModelsAndUnwritableOutputsAreErrors() throws IOException {
    Path missing = tmp.resolve("missing.onnx");
    assertFails(
        CliRun.of("export", missing.toString(), "-o", tmp.resolve("m.sgm").toString()),
        1,
        "signum: error: " + missing + ": no such file");
    Path sgm = modelFile();
    Path nowhere = tmp.resolve("no").resolve("m.onnx");
    assertFails(
        CliRun.of("export", sgm.toString(), "-o", nowhere.toString()),
        1,
        "signum: error: " + nowhere + ": cannot write");
    assertEquals(List.of(sgm), files());
  }

  @Test
  void anInputScaleForABipolarModelIsAnError() throws IOException {
    Network net =
        Network.builder("bipolar")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", random(new Random(2), 3, 5))
            .scores("scores")
            .build();
    Path sgm = tmp.resolve("bipolar.sgm");
    ModelFile.write(net, sgm);
    assertFails(
        CliRun.of(
            "export", sgm.toString(), "-o", tmp.resolve("b.onnx").toString(), "--input-scale", "2"),
        1,
        "signum: error: "
            + sgm
            + ": the input 'x' is bipolar; --input-scale applies only to 8-bit"
            + " inputs");
  }
}
