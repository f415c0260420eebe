package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.Compiler;
import org.signum.compiler.HostInterface;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.model.ModelFile;
import org.signum.compiler.onnx.Idx;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;

/**
 * {@code signum demo} through picocli: the bundled model on the bundled sample, its accuracy
 * against the golden reference computed here, the JSON against the text, other machines, bad
 * options, and the hand-written kernel demo. The model is read from the classpath, as the demo
 * reads it.
 */
class DemoCommandTest {
  private static final Path SAMPLE = Path.of("..", "data", "mnist-sample");

  @TempDir Path tmp;

  /** The bundled model, as the demo's classpath holds it. */
  private static Network model;

  /** The golden reference's class of each sample image, and the labels. */
  private static int[] golden;

  private static int[] labels;

  @BeforeAll
  static void goldenReference() throws Exception {
    String name = "models/mnist-demo.sgm";
    try (InputStream in = DemoCommandTest.class.getResourceAsStream(name)) {
      assertNotNull(in, name + " is not on the classpath: the demo's model is missing");
      model = ModelFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    }
    Idx.Images images = Idx.readImages(SAMPLE.resolve("t10k-images-100-idx3-ubyte.gz"));
    labels = Idx.readLabels(SAMPLE.resolve("t10k-labels-100-idx1-ubyte.gz"));
    GoldenReference reference = new GoldenReference(model);
    golden = new int[images.count()];
    for (int i = 0; i < images.count(); i++) {
      golden[i] = reference.evaluate(images.image(i)).classIndex();
    }
  }

  /** {@code 96 of 100 = 96.00 %}: the golden reference's accuracy on the first n images. */
  private static String goldenAccuracy(int n) {
    int correct = 0;
    for (int i = 0; i < n; i++) {
      correct += golden[i] == labels[i] ? 1 : 0;
    }
    return String.format(Locale.ROOT, "%d of %d = %.2f %%", correct, n, 100.0 * correct / n);
  }

  private static void assertNoStackTrace(CliRun r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
  }

  /** Asserts that some line of {@code text} holds exactly these cells, whatever the spacing. */
  private static void assertRow(String text, String... cells) {
    String pattern =
        "\\s*" + String.join("\\s+", Arrays.stream(cells).map(Pattern::quote).toList()) + "\\s*";
    assertTrue(
        text.lines().anyMatch(l -> l.matches(pattern)),
        () -> "no row " + List.of(cells) + " in\n" + text);
  }

  private static Matcher find(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    assertTrue(m.find(), () -> "no match for " + regex + " in\n" + text);
    return m;
  }

  private static double number(String s) {
    return Double.parseDouble(s.replace(",", ""));
  }

  /** An energy as the text shows it, {@code 259 nJ}, in picojoules. */
  private static double picojoules(String value, String unit) {
    double scale =
        switch (unit) {
          case "pJ" -> 1;
          case "nJ" -> 1e3;
          case "uJ" -> 1e6;
          case "mJ" -> 1e9;
          default -> throw new AssertionError("unit " + unit);
        };
    return number(value) * scale;
  }

  /** Asserts that a figure shown to three significant digits is {@code exact}. */
  private static void assertShown(double exact, double shown, String what) {
    assertEquals(exact, shown, Math.abs(exact) * 0.005, what);
  }

  @Test
  void theDemoRunsTheBundledModelOnTheSampleWithTheGoldenReferencesAccuracy() {
    CliRun r = CliRun.of("demo");
    assertEquals(0, r.exit(), r::toString);
    String out = r.out();
    assertTrue(out.startsWith("Signum demo: a trained binarized network"), r::toString);
    assertTrue(out.contains("model models/mnist-demo.sgm (bundled): network " + model.name()), out);
    assertTrue(out.contains("accuracy: " + goldenAccuracy(100) + " on the sample;"), out);
    assertTrue(out.contains("signum run models/mnist-demo.sgm --images "), out);
    long bits = 0;
    for (Layer l : model.layers()) {
      if (l instanceof BinaryDense d) {
        int n = d.outputs() * d.inputs();
        bits += n;
        assertRow(
            out,
            d.name(),
            "dense",
            "integer[" + d.outputs() + "]",
            String.format(Locale.ROOT, "%d x %d = %,d bits", d.outputs(), d.inputs(), n));
      }
    }
    assertTrue(
        out.contains(
            String.format(Locale.ROOT, "  weights: %,d of 1 bit, %,d bytes", bits, bits / 8)),
        out);
    assertTrue(out.contains("machine default: 256-bit vectors"), out);
    assertTrue(out.contains("images: the first 100 of the MNIST test set"), out);
    assertTrue(out.contains("averages over 100 images"), out);
    find(out, "^Time: [\\d,.]+ cycles, [\\d.]+ us at 500 MHz");
    for (String part : List.of("compute", "memory", "registers", "fetch")) {
      find(out, "^  " + part + " +[\\d.,]+ [pnum]J +[\\d.]+ %");
    }
    for (String arithmetic : List.of("fp32: 32-bit float", "int32: 32-bit integer", "int8")) {
      find(out, "^  " + Pattern.quote(arithmetic) + ".* [\\d.,]+ [pnum]J +[\\d.,]+x$");
    }
    assertTrue(
        out.contains(
            "check: the machine agrees with the golden reference on all 100 images, in every"
                + " output it stores:\n  "),
        out);
    assertEquals("", r.err(), r::toString);
  }

  @Test
  void theFirstFiveImages() {
    CliRun r = CliRun.of("demo", "--images", "5");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("images: the first 5 of the MNIST test set"), r::toString);
    assertTrue(r.out().contains("accuracy: " + goldenAccuracy(5) + " on the sample;"), r::toString);
    assertTrue(r.out().contains("averages over 5 images"), r::toString);
    assertTrue(r.out().contains("golden reference on all 5 images, in every output"), r::toString);
  }

  @Test
  void theJsonHoldsWhatTheTextSays() throws IOException {
    Path json = tmp.resolve("demo.json");
    CliRun r = CliRun.of("demo", "--images", "10", "--json", json.toString());
    assertEquals(0, r.exit(), r::toString);
    String out = r.out();
    JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    assertEquals("models/mnist-demo.sgm", j.get("model").getAsString());
    assertEquals(model.name(), j.get("network_name").getAsString());
    assertEquals(10, j.get("images").getAsInt());
    int correct = j.get("correct").getAsInt();
    assertTrue(out.contains("accuracy: " + goldenAccuracy(10)), out);
    assertTrue(out.contains("accuracy: " + correct + " of 10 = "), out);
    assertTrue(j.get("passed").getAsBoolean());
    assertEquals(0, j.getAsJsonArray("mismatches").size());
    assertEquals(0, j.getAsJsonArray("golden_disagreements").size());
    assertTrue(out.contains(":\n  " + j.get("checked_per_image").getAsString() + "\n"), out);

    List<String> dense = new ArrayList<>();
    for (JsonElement e : j.getAsJsonArray("layers")) {
      JsonObject l = e.getAsJsonObject();
      List<String> cells = new ArrayList<>();
      cells.add(l.get("name").getAsString());
      cells.add(l.get("kind").getAsString());
      cells.add(l.get("output").getAsString());
      if (!l.get("weights").isJsonNull()) {
        int rows = l.getAsJsonArray("weights").get(0).getAsInt();
        int columns = l.getAsJsonArray("weights").get(1).getAsInt();
        cells.add(String.format(Locale.ROOT, "%d x %d = %,d bits", rows, columns, rows * columns));
        dense.add(l.get("name").getAsString());
      }
      assertRow(out, cells.toArray(new String[0]));
    }
    assertEquals(
        model.layers().stream().filter(l -> l instanceof BinaryDense).map(Layer::name).toList(),
        dense);

    JsonObject report = j.getAsJsonObject("report");
    assertEquals("signum-report/1", report.get("schema").getAsString());
    assertEquals(10, report.get("inferences").getAsInt());
    JsonObject cycles = report.getAsJsonObject("cycles");
    Matcher time = find(out, "^Time: ([\\d,.]+) cycles, ([\\d.]+) us at (\\d+) MHz");
    assertEquals(cycles.get("total").getAsDouble(), number(time.group(1)), 0.05);
    assertShown(cycles.get("microseconds").getAsDouble(), number(time.group(2)), "time");
    assertEquals(cycles.get("clock_mhz").getAsInt(), Integer.parseInt(time.group(3)));
    JsonObject energy = report.getAsJsonObject("energy_pj");
    Matcher e = find(out, "^Energy: ([\\d.,]+) ([pnum]J)$");
    assertShown(energy.get("total").getAsDouble(), picojoules(e.group(1), e.group(2)), "energy");
    JsonObject byClass = energy.getAsJsonObject("by_class");
    Matcher fetch = find(out, "^  fetch +([\\d.,]+) ([pnum]J)");
    assertShown(
        byClass.get("fetch").getAsDouble(), picojoules(fetch.group(1), fetch.group(2)), "fetch");
    Matcher memory = find(out, "^  memory +([\\d.,]+) ([pnum]J)");
    assertShown(
        byClass.get("memory").getAsDouble() + byClass.get("dma").getAsDouble(),
        picojoules(memory.group(1), memory.group(2)),
        "memory");
    JsonArray baselines = report.getAsJsonArray("baselines");
    assertEquals(3, baselines.size());
    for (JsonElement b : baselines) {
      String name = b.getAsJsonObject().get("name").getAsString();
      Matcher row = find(out, "^  " + name + ": .* ([\\d.,]+) ([pnum]J) +([\\d.,]+)x$");
      assertShown(
          b.getAsJsonObject().get("total_pj").getAsDouble(),
          picojoules(row.group(1), row.group(2)),
          name);
      assertShown(
          b.getAsJsonObject().get("ratio_to_binary").getAsDouble(), number(row.group(3)), name);
    }
  }

  @Test
  void aJsonFileThatCannotBeWrittenIsAClearErrorAndLeavesNothingBehind() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    CliRun r = CliRun.of("demo", "--images", "1", "--json", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("signum: error: " + dir + ": cannot write"), r::toString);
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(dir), left.toList(), "no temporary file is left behind");
    }
    assertNoStackTrace(r);
  }

  @Test
  void anotherVectorWidth() throws IOException {
    Path wide = Files.writeString(tmp.resolve("wide.machine"), "name = wide\nvector_width = 512\n");
    Path json = tmp.resolve("wide.json");
    CliRun r =
        CliRun.of(
            "demo", "--machine", wide.toString(), "--images", "20", "--json", json.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("machine wide: 512-bit vectors"), r::toString);
    assertTrue(
        r.out().contains("accuracy: " + goldenAccuracy(20) + " on the sample;"), r::toString);
    assertTrue(r.out().contains("golden reference on all 20 images, in every output"), r::toString);
    JsonObject report =
        JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("report");
    assertEquals("wide", report.getAsJsonObject("machine").get("name").getAsString());
    assertEquals(
        512,
        report
            .getAsJsonObject("machine")
            .getAsJsonObject("parameters")
            .get("vector_width")
            .getAsInt());
  }

  @Test
  void aBadMachineFileIsAClearError() throws IOException {
    Path bad = Files.writeString(tmp.resolve("bad.machine"), "vector_width = 100\n");
    CliRun r = CliRun.of("demo", "--machine", bad.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(
        r.err().startsWith(bad + ":1: error: vector_width: expected an integer in [64, 4096]"),
        r::toString);
    assertEquals("", r.out());
    assertNoStackTrace(r);
    Path narrow = Files.writeString(tmp.resolve("narrow.machine"), "accumulator_width = 8\n");
    CliRun n = CliRun.of("demo", "--machine", narrow.toString());
    assertEquals(1, n.exit(), n::toString);
    assertTrue(n.err().startsWith("signum: error: models/mnist-demo.sgm: layer "), n::toString);
    assertTrue(n.err().contains("accumulator_width >= "), n::toString);
    assertNoStackTrace(n);
  }

  @Test
  void badOptionsAreUsageErrors() {
    for (String[] args :
        List.of(
            new String[] {"--images", "0"},
            new String[] {"--images", "101"},
            new String[] {"--kernel", "--images", "5"},
            new String[] {"--kernel", "--json", "x.json"})) {
      CliRun r = CliRun.of(concat("demo", args));
      assertEquals(2, r.exit(), r::toString);
      assertTrue(r.err().contains("Usage: signum demo"), r::toString);
      assertEquals("", r.out(), r::toString);
    }
    assertTrue(
        CliRun.of("demo", "--images", "101")
            .err()
            .startsWith("--images: the sample has 100 images, got 101"));
  }

  private static String[] concat(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  @Test
  void theKernelDemoStillRunsTheHandWrittenNetwork() {
    CliRun r = CliRun.of("demo", "--kernel");
    assertEquals(0, r.exit(), r::toString);
    assertTrue(
        r.out()
            .startsWith(
                """
                Signum demo: a two-layer binary network (examples/mlp2.s)
                machine default: 256-bit vectors, 16 vector / 32 scalar registers, 8 accumulators \
                of 32 bits
                network: 96 inputs -> 48 hidden (binary, thresholds) -> 10 class scores
                assembled: 44 instructions, 2,084 bytes of weights, thresholds and activations
                simulated: halted after 658 instructions (pc 43)
                """),
        r::toString);
    assertTrue(
        r.out()
            .contains(
                "scores: [-2, 0, 2, 16, 4, -2, -2, -8, 12, -4]\nclass:  3\n"
                    + "check against plain Java arithmetic: all agree (48 hidden bits, 10 scores,"
                    + " the class)\n"),
        r::toString);
    assertTrue(r.out().contains("instructions by class"), r::toString);
  }

  /** A 784-32-10 network on pixels binarized at 128, untrained. */
  private static Network tiny() {
    Random rnd = new Random(3);
    BitMatrix.Builder w1 = new BitMatrix.Builder(32, 784);
    BitMatrix.Builder w2 = new BitMatrix.Builder(10, 32);
    for (int i = 0; i < 32; i++) {
      for (int j = 0; j < 784; j++) {
        w1.set(i, j, rnd.nextBoolean());
      }
      for (int k = 0; k < 10; k++) {
        w2.set(k, i, rnd.nextBoolean());
      }
    }
    float[] half = new float[32];
    float[] zero = new float[32];
    float[] mean = new float[32];
    float[] var = new float[32];
    Arrays.fill(half, 0.5f);
    Arrays.fill(mean, -20);
    Arrays.fill(var, 30);
    return Network.builder("tiny")
        .input("pixels", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255))
        .affine("scale", new float[] {2}, new float[] {-1})
        .sign("binarize")
        .dense("fc1", w1.build())
        .batchNorm("bn1", half, zero, mean, var, 0)
        .sign("act1")
        .dense("fc2", w2.build())
        .scores("scores")
        .argmax("class")
        .build();
  }

  private static int address(ObjectFile object, String symbol) {
    return (int)
        object.symbols().stream()
            .filter(s -> s.name().equals(symbol))
            .findFirst()
            .orElseThrow()
            .value();
  }

  @Test
  void theCheckNamesTheImageAndTheLayerOfEveryDisagreement() throws Exception {
    Network net = tiny();
    MachineDescription m = MachineDescription.defaults();
    CompiledProgram p = Compiler.compile(net, m, CompileOptions.defaults());
    ObjectFile object = RunCommand.assemble(p, m, "tiny.s");
    OutputCheck check = new OutputCheck(p, net, object);
    assertEquals("2 layer outputs of 816 values in all, 10 scores and the class", check.scope());
    Simulator sim = new Simulator(m, object);
    int[] x = new Random(4).ints(784, 0, 256).toArray();
    sim.writeMemory(
        MemorySpace.AMEM, address(object, p.host().input().symbol()), p.host().packInput(x));
    assertEquals(RunResult.Stop.HALTED, sim.run(1_000_000).stop());
    assertEquals(List.of(), check.compare(sim, 7, x));

    HostInterface.Buffer act1 =
        p.host().activations().stream().filter(b -> b.layer().equals("act1")).findFirst().get();
    int at = address(object, act1.symbol());
    byte[] row = sim.readMemory(MemorySpace.AMEM, at, 1);
    int was = (row[0] & 1) == 1 ? 1 : -1;
    sim.writeMemory(MemorySpace.AMEM, at, new byte[] {(byte) (row[0] ^ 1)});
    HostInterface.Buffer cls = p.host().classIndex().get();
    int predicted =
        HostInterface.unpackWords(
            sim.readMemory(MemorySpace.AMEM, address(object, cls.symbol()), 4), 1)[0];
    int other = (predicted + 1) % 10;
    sim.writeMemory(
        MemorySpace.AMEM, address(object, cls.symbol()), new byte[] {(byte) other, 0, 0, 0});
    assertEquals(
        List.of(
            "image 7, layer 'act1': 1 of 32 values differ, the first at element 0: "
                + -was
                + " on the machine, "
                + was
                + " in the folded network's golden reference",
            "image 7, layer 'act1': 1 of 32 values differ, the first at element 0: "
                + -was
                + " on the machine, "
                + was
                + " in the model's golden reference",
            "image 7, class: "
                + other
                + " on the machine, "
                + predicted
                + " in the folded network's golden reference",
            "image 7, class: "
                + other
                + " on the machine, "
                + predicted
                + " in the model's golden reference"),
        check.compare(sim, 7, x));
  }
}
