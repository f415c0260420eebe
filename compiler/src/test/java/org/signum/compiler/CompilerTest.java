package org.signum.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompileOptions.WeightPlacement;
import org.signum.compiler.golden.Evaluation;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;

class CompilerTest {
  private static final MachineDescription DEFAULT = MachineDescription.defaults();

  private static BitMatrix random(Random r, int rows, int cols) {
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        b.set(i, j, r.nextBoolean());
      }
    }
    return b.build();
  }

  private static int[] plusOnes(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** 784-64-64-64-10 on 8-bit pixels binarized at 128, like the TFC networks. */
  private static Network tfcShaped(Random r) {
    return Network.builder("tfc")
        .input("pixels", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255))
        .affine("scale", new float[] {2}, new float[] {-1})
        .sign("binarize")
        .dense("fc1", random(r, 64, 784))
        .batchNorm("bn1", filled(64, 0.5f), filled(64, 0.1f), filled(64, 3), filled(64, 40), 1e-4f)
        .sign("act1")
        .dense("fc2", random(r, 64, 64))
        .batchNorm("bn2", filled(64, -1.5f), filled(64, 0), filled(64, 2), filled(64, 9), 1e-4f)
        .sign("act2")
        .dense("fc3", random(r, 64, 64))
        .sign("act3")
        .dense("fc4", random(r, 10, 64))
        .batchNorm(
            "tensornorm", filled(10, 0.7f), filled(10, 0.2f), filled(10, 1), filled(10, 5), 1e-4f)
        .scores("scores")
        .argmax("class")
        .build();
  }

  private static void assertMatchesGolden(
      Network net, MachineDescription m, CompileOptions o, Random r, int inputs) throws Exception {
    CompiledProgram p = Compiler.compile(net, m, o);
    Machine machine = new Machine(p, m);
    GoldenReference g = new GoldenReference(net);
    RandomNetworks gen = new RandomNetworks(r.nextLong(), 1);
    for (int t = 0; t < inputs; t++) {
      int[] x = gen.input(net);
      Evaluation e = g.evaluate(x);
      Machine.Outputs out = machine.run(x);
      for (int i = 0; i < p.host().activations().size(); i++) {
        String layer = p.host().activations().get(i).layer();
        long[] want = e.layer(layer).ints();
        int[] got = out.activations().get(i);
        for (int j = 0; j < want.length; j++) {
          assertEquals(want[j], got[j], layer + " element " + j);
        }
      }
      if (e.hasClass()) {
        assertEquals(e.classIndex(), (int) out.classIndex().orElseThrow());
      }
    }
  }

  @Test
  void tfcShapedNetworkRunsResident() throws Exception {
    Random r = new Random(1);
    Network net = tfcShaped(r);
    CompiledProgram p = Compiler.compile(net, DEFAULT, CompileOptions.defaults());
    assertFalse(p.assembly().contains("dma.ld"));
    assertMatchesGolden(net, DEFAULT, CompileOptions.defaults(), r, 5);
  }

  @Test
  void smallWeightMemoryStreamsTilesFromDram() throws Exception {
    Random r = new Random(2);
    Network net = tfcShaped(r);
    // fc1 alone needs 64 rows of 128 bytes, 8 KB. What the binarization rows leave, 3840 bytes,
    // makes two buffers of 15 rows: five tiles, the last one of 4 rows.
    MachineDescription small =
        DEFAULT.with(MachineParameter.WMEM_BYTES, 4096 + 1024).named("small");
    CompiledProgram p = Compiler.compile(net, small, CompileOptions.defaults());
    assertTrue(p.assembly().contains("dma.ld  wmem[r12 + 0], r10, r13"), p.assembly());
    assertTrue(
        p.assembly().contains("li      r13, 1920               ; bytes per tile: 15 rows"),
        p.assembly());
    assertMatchesGolden(net, small, CompileOptions.defaults(), r, 3);
  }

  @Test
  void aScoreTableThatDoesNotFitTmemGoesToAmem() throws Exception {
    Random r = new Random(4);
    Network net = tfcShaped(r);
    // The thresholds of act1..act3 take 768 bytes; the table of 10 classes x 65 entries 2,600.
    MachineDescription small = DEFAULT.with(MachineParameter.TMEM_BYTES, 1024).named("small-tmem");
    CompiledProgram p = Compiler.compile(net, small, CompileOptions.defaults());
    assertTrue(p.assembly().contains("lw      r9, amem[r9 + 0]"), p.assembly());
    assertFalse(p.assembly().contains("lw      r9, tmem[r9 + 0]"), p.assembly());
    assertMatchesGolden(net, small, CompileOptions.defaults(), r, 5);
    CompiledProgram resident = Compiler.compile(net, DEFAULT, CompileOptions.defaults());
    assertTrue(resident.assembly().contains("lw      r9, tmem[r9 + 0]"), resident.assembly());
  }

  @Test
  void residentWeightsThatDoNotFitAreRefused() {
    Network net = tfcShaped(new Random(3));
    MachineDescription small = DEFAULT.with(MachineParameter.WMEM_BYTES, 4096).named("small");
    CompileException e =
        assertThrows(
            CompileException.class,
            () ->
                Compiler.compile(
                    net, small, CompileOptions.defaults().withWeights(WeightPlacement.RESIDENT)));
    assertEquals(
        "the program needs 13888 bytes of wmem, machine 'small' has 4096:\n"
            + "  input thresholds of 'binarize' 1280 bytes\n"
            + "  weights of 'fc1' 8192 bytes\n"
            + "  weights of 'fc2' 2048 bytes\n"
            + "  weights of 'fc3' 2048 bytes\n"
            + "  weights of 'fc4' 320 bytes",
        e.getMessage());
  }

  @Test
  void weightRowLargerThanHalfTheFreeMemoryIsRefused() {
    Network net = tfcShaped(new Random(3));
    MachineDescription tiny = DEFAULT.with(MachineParameter.WMEM_BYTES, 1280 + 128).named("tiny");
    CompileException e =
        assertThrows(
            CompileException.class, () -> Compiler.compile(net, tiny, CompileOptions.defaults()));
    assertEquals(
        "layer '"
            + "fc1' (dense): one weight row needs 128 bytes, but each of the two "
            + "tile buffers gets only 64 bytes of the machine's 1408 bytes of wmem",
        e.getMessage());
  }

  @Test
  void accumulatorTooNarrowIsRefused() {
    Network net =
        Network.builder("n")
            .input("x", Shape.of(200), Input.Encoding.UINT8, Rational.ONE)
            .dense("fc", BitMatrix.fromSigns(new int[][] {plusOnes(200)}))
            .scores("scores")
            .build();
    MachineDescription m = DEFAULT.with(MachineParameter.ACCUMULATOR_WIDTH, 16).named("aw16");
    CompileException e =
        assertThrows(
            CompileException.class, () -> Compiler.compile(net, m, CompileOptions.defaults()));
    assertEquals(
        "layer 1 'fc' (dense): its accumulator takes values in 0..51000, beyond the "
            + "16-bit accumulators of machine 'aw16' (-32768..32767); a machine with "
            + "accumulator_width >= 17 fits it",
        e.getMessage());
  }

  @Test
  void tooFewRegistersIsRefused() {
    Network net = tfcShaped(new Random(5));
    MachineDescription m = DEFAULT.with(MachineParameter.SCALAR_REGISTERS, 8).named("few");
    CompileException e =
        assertThrows(
            CompileException.class, () -> Compiler.compile(net, m, CompileOptions.defaults()));
    assertEquals(
        "machine 'few' has 8 scalar registers; the compiler's kernels need at least 16 "
            + "(scalar_registers = 16)",
        e.getMessage());
  }

  @Test
  void denseWithoutReaderIsRefused() {
    Network net =
        Network.builder("n")
            .input("x", Shape.of(3), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", random(new Random(6), 2, 3))
            .build();
    CompileException e =
        assertThrows(
            CompileException.class,
            () -> Compiler.compile(net, DEFAULT, CompileOptions.defaults()));
    assertEquals(
        "layer 1 'fc' (dense): code generation needs a threshold, sign or scores layer "
            + "to read a dense layer's sums",
        e.getMessage());
  }

  @Test
  void floatLayerNotEndingInSignIsRefused() {
    Network net =
        Network.builder("n")
            .input("x", Shape.of(3), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", random(new Random(6), 2, 3))
            .affine("a", new float[] {1, 1}, new float[] {0, 0})
            .build();
    CompileException e =
        assertThrows(
            CompileException.class,
            () -> Compiler.compile(net, DEFAULT, CompileOptions.defaults()));
    assertEquals(
        "layer 1 'fc' (dense): code generation needs a threshold, sign or scores layer "
            + "to read a dense layer's sums",
        e.getMessage());
  }

  @Test
  void invalidNetworkListsItsProblems() {
    Network net = Network.of("n", List.of(new org.signum.compiler.ir.Sign("s")));
    CompileException e =
        assertThrows(
            CompileException.class,
            () -> Compiler.compile(net, DEFAULT, CompileOptions.defaults()));
    assertEquals(
        "network 'n' is not valid:\n  layer 0 's' (sign): expected the network to start "
            + "with an input layer",
        e.getMessage());
  }

  @Test
  void dumpsAfterNamedPasses() throws Exception {
    Network net = tfcShaped(new Random(7));
    CompiledProgram p =
        Compiler.compile(
            net,
            DEFAULT,
            CompileOptions.defaults()
                .withDumpAfter("FoldFloatSignIntoThreshold", "FlipReversedNeurons"));
    assertEquals(
        List.of("FoldFloatSignIntoThreshold", "FlipReversedNeurons"),
        List.copyOf(p.dumps().keySet()));
    String dump = p.dumps().get("FoldFloatSignIntoThreshold");
    assertTrue(dump.startsWith("network tfc\n"), dump);
    assertTrue(dump.contains("threshold  act2           bipolar[64]      popcount [<"), dump);
    assertFalse(dump.contains("batchnorm  bn1"), dump);
    assertTrue(dump.contains("batchnorm  tensornorm"), dump);
  }

  @Test
  void unknownDumpPassIsRefused() {
    CompileException e =
        assertThrows(
            CompileException.class,
            () ->
                Compiler.compile(
                    tfcShaped(new Random(8)),
                    DEFAULT,
                    CompileOptions.defaults().withDumpAfter("FoldAll")));
    assertEquals(
        "unknown pass 'FoldAll' in dump-after; the passes are FoldSignIntoThreshold, "
            + "FoldFloatSignIntoThreshold, FoldFloatScoresIntoTable, ConvertThresholdsToPopcount, "
            + "FlipReversedNeurons",
        e.getMessage());
  }

  @Test
  void everyInstructionMapsToItsLayer() throws Exception {
    Network net = tfcShaped(new Random(9));
    CompiledProgram p = Compiler.compile(net, DEFAULT, CompileOptions.defaults());
    ObjectFile o = new Machine(p, DEFAULT).object();
    String[] lines = p.assembly().split("\n", -1);
    for (int pc = 0; pc < o.code().length - 1; pc++) {
      int line = o.lines().get(pc).line();
      List<String> layers = p.layersAt(line);
      assertFalse(
          layers.isEmpty(), "instruction " + pc + " on line " + line + ": " + lines[line - 1]);
      if (lines[line - 1].contains("xpopacc")) {
        assertTrue(List.of("fc1", "fc2", "fc3", "fc4").contains(layers.get(0)), layers.toString());
      }
      if (lines[line - 1].contains("vxor")) {
        assertEquals(List.of("binarize"), layers);
      }
      assertFalse(lines[line - 1].contains("apopacc"), "fc1 reads binarized pixels");
    }
    assertTrue(lines[o.lines().get(o.code().length - 1).line() - 1].contains("halt"));
  }

  @Test
  void scoresWithoutAffineAreTheDotProducts() throws Exception {
    Random r = new Random(10);
    BitMatrix w = random(r, 5, 70);
    Network net =
        Network.builder("n")
            .input("x", Shape.of(70), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", w)
            .scores("scores")
            .argmax("class")
            .build();
    CompiledProgram p = Compiler.compile(net, DEFAULT, CompileOptions.defaults());
    Machine m = new Machine(p, DEFAULT);
    int[] x = new RandomNetworks(1, 1).input(net);
    int[] want = new int[5];
    for (int j = 0; j < 5; j++) {
      for (int i = 0; i < 70; i++) {
        want[j] += w.sign(j, i) * x[i];
      }
    }
    assertArrayEquals(want, m.run(x).scores());
  }
}
