package org.signum.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.Compiler;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.report.LayerMap;
import org.signum.report.Report;
import org.signum.report.ReportBuilder;
import org.signum.report.ReportJson;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;

/**
 * A compiled MNIST-sized network (784-64-64-64-10, TFC-shaped) run on several inputs with the cycle
 * model on and reported per layer, the way {@code signum run --report} does: the compiler's layer
 * spans name the layers, and each dense layer's own MACs replace the padded popcount bits.
 */
class CompiledNetworkReportTest {
  private static final int INPUTS = 3;

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
    java.util.Arrays.fill(a, v);
    return a;
  }

  static Network tfcShaped(Random r) {
    return Network.builder("tfc")
        .input("pixels", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255))
        .affine("scale", new float[] {2}, new float[] {-1})
        .sign("binarize")
        .dense("fc1", random(r, 64, 784))
        .batchNorm("bn1", filled(64, 0.5f), filled(64, 0.1f), filled(64, 3), filled(64, 40), 1e-4f)
        .sign("act1")
        .dense("fc2", random(r, 64, 64))
        .sign("act2")
        .dense("fc3", random(r, 64, 64))
        .sign("act3")
        .dense("fc4", random(r, 10, 64))
        .scores("scores")
        .argmax("class")
        .build();
  }

  /** 0: weights resident in wmem; 1: a small wmem, so weights stream from DRAM by DMA. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void aCompiledNetworkIsReportedByLayer(int streamed) throws Exception {
    Network net = tfcShaped(new Random(11));
    MachineDescription m = MachineDescription.defaults();
    if (streamed == 1) {
      m = m.with(MachineParameter.WMEM_BYTES, 4096 + 1024).named("small-wmem");
    }
    CompiledProgram p = Compiler.compile(net, m, CompileOptions.defaults());
    AssemblyResult a = new Assembler(m, List.of()).assembleSource(p.assembly(), "tfc.s");
    assertTrue(a.ok(), () -> a.diagnostics().toString());
    ObjectFile object = a.object();
    Simulator sim = new Simulator(m, object);
    sim.enableTiming();
    int input = address(object, p.host().input().symbol());
    Random r = new Random(5);
    for (int t = 0; t < INPUTS; t++) {
      int[] x = new int[784];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextInt(256);
      }
      sim.writeMemory(MemorySpace.AMEM, input, p.host().packInput(x));
      sim.restart();
      RunResult run = sim.run(50_000_000L);
      assertEquals(RunResult.Stop.HALTED, run.stop(), () -> run.trap().message());
    }

    IntFunction<String> layers = LayerMap.byLines(object, p::layersAt);
    Report report =
        ReportBuilder.of(sim)
            .program("tfc")
            .layers(layers)
            .inferences(INPUTS)
            .networkMacs(denseMacs(net, object, layers))
            .build();

    List<String> names = report.layers().stream().map(Report.Layer::name).toList();
    for (String dense : List.of("fc1", "fc2", "fc3", "fc4")) {
      assertTrue(
          names.stream().anyMatch(n -> List.of(n.split("\\+")).contains(dense)),
          () -> dense + " in " + names);
    }
    // 784 x 64 + 64 x 64 + 64 x 64 + 64 x 10 multiply-accumulates per inference.
    assertEquals(50176 + 4096 + 4096 + 640, report.cycles().networkMacs(), 1e-9);
    assertTrue(report.cycles().binaryMacs() > report.cycles().networkMacs());
    double cycles = report.layers().stream().mapToDouble(Report.Layer::cycles).sum();
    assertEquals(report.cycles().total(), cycles, 1e-6);
    double energy = report.layers().stream().mapToDouble(Report.Layer::energy).sum();
    assertEquals(report.energy().total(), energy, 1e-9 * energy);
    assertEquals(sim.timing().cycles() / (double) INPUTS, report.cycles().total(), 1e-9);
    double dma = report.energy().byClass().get("dma");
    assertEquals(streamed == 1, dma > 0, "DMA energy " + dma);
    assertEquals(streamed == 1, report.cycles().stalls().get("dma_wait") > 0);
    assertEquals(
        ReportJson.write(report), ReportJson.write(ReportJson.read(ReportJson.write(report), "r")));
  }

  /** Each report layer's own MACs: the inputs x outputs of the dense layers it computes. */
  private static Map<String, Long> denseMacs(
      Network net, ObjectFile object, IntFunction<String> layers) {
    Map<String, Long> perDense = new HashMap<>();
    for (Layer l : net.layers()) {
      if (l instanceof BinaryDense d) {
        perDense.put(d.name(), (long) d.inputs() * d.outputs());
      }
    }
    return LayerMap.networkMacs(object, layers, perDense);
  }

  private static int address(ObjectFile object, String symbol) {
    return (int)
        object.symbols().stream()
            .filter(s -> s.name().equals(symbol))
            .findFirst()
            .orElseThrow()
            .value();
  }
}
