package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.model.ModelFile;

/**
 * {@code signum compile} and {@code signum run} through picocli: outputs, exit codes, and every
 * kind of bad input. Runs use the repository's MNIST sample (data/mnist-sample); the tests of the
 * real ONNX exports read them from ../shared beside the repository and fail without it.
 */
class CompileAndRunTest {
  private static final Path SAMPLE = Path.of("..", "data", "mnist-sample");
  private static final Path IMAGES = SAMPLE.resolve("t10k-images-100-idx3-ubyte.gz");
  private static final Path LABELS = SAMPLE.resolve("t10k-labels-100-idx1-ubyte.gz");
  private static final Path ONNX = Path.of("..", "..", "shared", "models", "onnx");

  @TempDir Path tmp;

  private static Path export(String name) {
    Path p = ONNX.resolve(name + ".onnx");
    if (!Files.isRegularFile(p)) {
      throw new AssertionError(
          p.toAbsolutePath().normalize()
              + " is missing: these tests read the real ONNX exports from ../shared beside the"
              + " repository");
    }
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

  private static BitMatrix random(Random r, int rows, int cols) {
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        b.set(i, j, r.nextBoolean());
      }
    }
    return b.build();
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    Arrays.fill(a, v);
    return a;
  }

  /** A Signum model file of an untrained 784-32-10 network on pixels binarized at 128. */
  private Path modelFile() throws IOException {
    Random r = new Random(1);
    Network net =
        Network.builder("tiny")
            .input("pixels", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255))
            .affine("scale", new float[] {2}, new float[] {-1})
            .sign("binarize")
            .dense("fc1", random(r, 32, 784))
            .batchNorm("bn1", filled(32, 0.5f), filled(32, 0), filled(32, -20), filled(32, 30), 0)
            .sign("act1")
            .dense("fc2", random(r, 10, 32))
            .scores("scores")
            .argmax("class")
            .build();
    Path p = tmp.resolve("tiny.sgm");
    ModelFile.write(net, p);
    return p;
  }

  private Path file(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private static byte[] gunzip(Path p) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
  }

  @Test
  void helpForBothCommands() {
    for (String cmd : List.of("compile", "run")) {
      CliRun h = CliRun.of(cmd, "--help");
      assertEquals(0, h.exit(), h::toString);
      assertTrue(h.out().contains("Usage: signum " + cmd), h::toString);
    }
  }

  @Test
  void compileAModelFileToAssembly() throws IOException {
    Path out = tmp.resolve("tiny.s");
    CliRun r = CliRun.of("compile", modelFile().toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out()
            .contains(
                "tiny.sgm -> "
                    + out
                    + ": 784 -> 32 -> 10, input 1x28x28 uint8, scale 1/255 (the model file);"),
        r::toString);
    String asm = Files.readString(out);
    assertTrue(asm.startsWith("; Network 'tiny' compiled by the Signum compiler"), asm);
    assertTrue(asm.contains("; ---- layer 2 'fc1': dense 784 -> 32"), asm);
  }

  @Test
  void compileTheBrevitasExportWithDumps() throws IOException {
    Path out = tmp.resolve("tfc.s");
    CliRun r =
        CliRun.of(
            "compile",
            export("TFC_1W1A").toString(),
            "-o",
            out.toString(),
            "--input-scale",
            "1/255",
            "--dump-after",
            "import",
            "--dump-after",
            "FoldFloatSignIntoThreshold");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("IR after import:\nnetwork TFC_1W1A\n"), r::toString);
    assertTrue(r.out().contains("  1  affine     Mul_7+Sub_9 "), r::toString);
    assertTrue(r.out().contains("IR after FoldFloatSignIntoThreshold:\n"), r::toString);
    assertTrue(r.out().contains("value [>=128]"), r::toString);
    assertTrue(
        r.out().contains("784 -> 64 -> 64 -> 64 -> 10, input 1x28x28 uint8, scale 1/255"),
        r::toString);
    assertTrue(Files.readString(out).contains("; ---- layer 8 'MatMul_40': dense 64 -> 10"));
  }

  @Test
  void compileRefusesAMultiBitNetworkAndWritesNothing() {
    Path out = tmp.resolve("w1a2.s");
    Path model = export("TFC_1W2A");
    CliRun r = CliRun.of("compile", model.toString(), "-o", out.toString());
    assertFails(
        r,
        1,
        "signum: error: "
            + model
            + ": node 'Quant_13' (Quant): a 2-bit signed narrow quantizer (integers -1 to 1) is"
            + " not supported");
    assertFalse(Files.exists(out));
  }

  @Test
  void compileReportsMissingUnreadableAndUnknownModels() throws IOException {
    Path out = tmp.resolve("x.s");
    Path missing = tmp.resolve("missing.onnx");
    assertFails(
        CliRun.of("compile", missing.toString(), "-o", out.toString()),
        1,
        "signum: error: " + missing + ": no such file");
    Path junk = file("junk.onnx", new byte[] {1, 2, 3});
    assertFails(
        CliRun.of("compile", junk.toString(), "-o", out.toString()),
        1,
        "signum: error: " + junk + ": not a readable ONNX model");
    Path text = file("model.txt", new byte[] {1});
    assertFails(
        CliRun.of("compile", text.toString(), "-o", out.toString()),
        1,
        "signum: error: "
            + text
            + ": expected an ONNX model (.onnx) or a Signum model file (.sgm, docs/model-format.md)");
    Path bad = file("bad.sgm", "signum-model 1\nnetwork n\nlayer x input\nend\n".getBytes());
    assertFails(CliRun.of("compile", bad.toString(), "-o", out.toString()), 1, bad + ":3: error:");
    assertFalse(Files.exists(out));
  }

  @Test
  void badOptionsAreUsageErrors() throws IOException {
    String model = modelFile().toString();
    String out = tmp.resolve("x.s").toString();
    assertFails(
        CliRun.of("compile", model, "-o", out, "--input-scale", "abc"),
        2,
        "Invalid value for option '--input-scale': 'abc' is not a number or a fraction;"
            + " expected, for example, 1/255, 0.5 or 2");
    assertFails(
        CliRun.of("compile", model, "-o", out, "--input-scale", "0"),
        2,
        "'0' is not positive; the input scale multiplies each raw byte");
    assertFails(
        CliRun.of("compile", model, "-o", out, "--input-scale", "0.003921568627"),
        2,
        "'0.003921568627' is 3921568627/1000000000000 in lowest terms; numerator and denominator"
            + " must be at most 2147483647 (write a fraction such as 1/255)");
    assertFails(
        CliRun.of("compile", model, "-o", out, "--dump-after", "Nothing"),
        2,
        "--dump-after: unknown pass 'Nothing'; expected one of import, FoldSignIntoThreshold,");
    assertFails(CliRun.of("compile", model), 2, "Missing required option: '--output=OUT.s'");
    assertFails(
        CliRun.of("run", model, "--images", IMAGES.toString()),
        2,
        "Missing required option: '--labels=IDX'");
    String[] run = {"run", model, "--images", IMAGES.toString(), "--labels", LABELS.toString()};
    assertFails(CliRun.of(concat(run, "--limit", "0")), 2, "--limit must be a positive number");
    assertFails(
        CliRun.of(concat(run, "--threads", "-1")), 2, "--threads must be a positive number");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void runAModelFileOnTheSampleWritesPredictionsAndJson() throws IOException {
    Path predictions = tmp.resolve("predictions.txt");
    Path json = tmp.resolve("run.json");
    CliRun r =
        CliRun.of(
            "run",
            modelFile().toString(),
            "--images",
            IMAGES.toString(),
            "--labels",
            LABELS.toString(),
            "--threads",
            "2",
            "--predictions",
            predictions.toString(),
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("ran 100 images on 2 threads in "), r::toString);
    assertTrue(r.out().contains("accuracy: "), r::toString);
    assertTrue(r.out().contains("golden reference: agrees on all 100 images"), r::toString);
    assertTrue(r.out().contains("float evaluator: none for a Signum model file"), r::toString);
    assertTrue(r.out().contains("wall time: "), r::toString);
    List<String> lines = Files.readAllLines(predictions);
    assertEquals(100, lines.size());
    lines.forEach(l -> assertTrue(l.matches("[0-9]"), l));
    String j = Files.readString(json);
    assertTrue(j.contains("\"images\": 100,"), j);
    assertTrue(j.contains("\"golden_disagreements\": [],"), j);
    assertTrue(j.contains("\"float_disagreements\": null,"), j);
    assertTrue(j.contains("\"agrees\": true"), j);
  }

  @Test
  void runWithReportTimesAndPricesEveryImageByLayer() throws IOException {
    Path report = tmp.resolve("report.json");
    CliRun r =
        CliRun.of(
            "run",
            ONNX.resolve("TFC_1W1A.onnx").toString(),
            "--images",
            IMAGES.toString(),
            "--labels",
            LABELS.toString(),
            "--input-scale",
            "1/255",
            "--limit",
            "20",
            "--report",
            report.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("20 inferences (figures per inference)"), r::toString);
    for (String layer : List.of("MatMul_16+BipolarQuant_19", "MatMul_40+scores", "class")) {
      assertTrue(r.out().contains("\n  " + layer + " "), () -> layer + "\n" + r);
    }
    assertTrue(r.out().contains("fp32"), r::toString);
    assertTrue(r.out().contains("report written to " + report), r::toString);
    String saved = CliRun.of("report", report.toString()).out();
    assertTrue(saved.contains("20 inferences (figures per inference)"), saved);
  }

  @Test
  void runBothW1a1ExportsOnTheSample() throws IOException {
    Path brevitas = tmp.resolve("brevitas.txt");
    CliRun b =
        CliRun.of(
            "run",
            export("TFC_1W1A").toString(),
            "--images",
            IMAGES.toString(),
            "--labels",
            LABELS.toString(),
            "--input-scale",
            "1/255",
            "--predictions",
            brevitas.toString(),
            "--progress");
    assertEquals(0, b.exit(), b::toString);
    // Measured, as the float evaluator predicts too: 96 of the first 100 test images.
    assertTrue(b.out().contains("accuracy: 96 of 100 = 96.00 %"), b::toString);
    assertTrue(b.out().contains("float evaluator: agrees on all 100 images"), b::toString);
    assertTrue(b.out().contains("shared top scores (the first maximum wins): none"), b::toString);
    assertTrue(b.err().contains("100 / 100 images, "), b::toString);
    Path finn = tmp.resolve("finn.txt");
    CliRun f =
        CliRun.of(
            "run",
            export("finn_tfc_w1a1_streamlined").toString(),
            "--images",
            IMAGES.toString(),
            "--labels",
            LABELS.toString(),
            "--limit",
            "60",
            "--threads",
            "3",
            "--predictions",
            finn.toString());
    assertEquals(0, f.exit(), f::toString);
    assertTrue(
        f.out().contains("input 1x28x28 uint8, scale 1 (the UINT8 annotation of graph input"),
        f::toString);
    assertTrue(f.out().contains("ran 60 images on 3 threads"), f::toString);
    assertEquals(Files.readAllLines(brevitas).subList(0, 60), Files.readAllLines(finn));
  }

  @Test
  void runReportsBadData() throws IOException {
    String model = modelFile().toString();
    Path missing = tmp.resolve("missing-images");
    assertFails(
        CliRun.of("run", model, "--images", missing.toString(), "--labels", LABELS.toString()),
        1,
        "signum: error: " + missing + ": no such file");
    byte[] images = gunzip(IMAGES);
    Path cut = file("cut-images", Arrays.copyOf(images, images.length - 10));
    assertFails(
        CliRun.of("run", model, "--images", cut.toString(), "--labels", LABELS.toString()),
        1,
        "signum: error: " + cut + ": truncated: 78390 of 78400 pixel bytes present");
    assertFails(
        CliRun.of("run", model, "--images", LABELS.toString(), "--labels", LABELS.toString()),
        1,
        "signum: error: "
            + LABELS
            + ": 1 dimensions; expected 3 for images (count, rows, columns)");
    byte[] labels = gunzip(LABELS);
    byte[] fewer = Arrays.copyOf(labels, labels.length - 1);
    fewer[7] = 99;
    Path short99 = file("labels-99", fewer);
    assertFails(
        CliRun.of("run", model, "--images", IMAGES.toString(), "--labels", short99.toString()),
        1,
        "signum: error: " + short99 + ": 99 labels for the 100 images of " + IMAGES);
    byte[] small = new byte[16 + 2 * 10 * 10];
    small[2] = 8;
    small[3] = 3;
    small[7] = 2;
    small[11] = 10;
    small[15] = 10;
    Path tiny = file("small-images", small);
    assertFails(
        CliRun.of("run", model, "--images", tiny.toString(), "--labels", LABELS.toString()),
        1,
        "signum: error: "
            + tiny
            + ": images of 10x10 = 100 pixels, but "
            + model
            + " takes 784 values");
  }

  @Test
  void runNeedsANetworkEndingInAClass() throws IOException {
    Network net =
        Network.builder("scores-only")
            .input("pixels", Shape.of(784), Input.Encoding.UINT8, Rational.of(1, 255))
            .affine("scale", filled(784, 2), filled(784, -1))
            .sign("binarize")
            .dense("fc", random(new Random(2), 10, 784))
            .scores("scores")
            .build();
    Path p = tmp.resolve("scores.sgm");
    ModelFile.write(net, p);
    assertFails(
        CliRun.of(
            "run", p.toString(), "--images", IMAGES.toString(), "--labels", LABELS.toString()),
        1,
        "signum: error: "
            + p
            + ": the network does not end in argmax; signum run needs a class"
            + " for each image");
  }

  @Test
  void runRefusesAMultiBitNetworkAndWritesNoPredictions() {
    Path predictions = tmp.resolve("p.txt");
    Path model = export("TFC_2W2A");
    CliRun r =
        CliRun.of(
            "run",
            model.toString(),
            "--images",
            IMAGES.toString(),
            "--labels",
            LABELS.toString(),
            "--predictions",
            predictions.toString());
    assertFails(r, 1, "signum: error: " + model + ": node 'Quant_13' (Quant): a 2-bit signed");
    assertFalse(Files.exists(predictions));
  }

  @Test
  void predictionsThatCannotBeWrittenAreAClearError() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    CliRun r =
        CliRun.of(
            "run",
            modelFile().toString(),
            "--images",
            IMAGES.toString(),
            "--labels",
            LABELS.toString(),
            "--predictions",
            dir.toString());
    assertFails(r, 1, "signum: error: " + dir + ": cannot write");
  }
}
