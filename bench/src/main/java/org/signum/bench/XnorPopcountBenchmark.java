package org.signum.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;

/**
 * How fast the simulator executes binary multiply-accumulates, against plain Java doing the same
 * XNOR-popcount over the same data in the same run.
 *
 * <p>The workload is one binary fully connected layer: {@value #NEURONS} neurons, each the popcount
 * of XNOR between its {@value #INPUT_BITS}-bit weight row and the input, stored as a 32-bit score.
 * The simulated kernel keeps the input in vector registers, streams each weight row through {@code
 * vld} with post-increment and {@code xpopacc}, fully unrolled per neuron, and loops over neurons
 * with {@code loop}: mostly fused XNOR-popcount-accumulate, as the layers a compiler emits. The
 * native baseline is the loop a Java programmer would write: {@code Long.bitCount(~(w ^ x))} over
 * {@code long[]} rows.
 *
 * <p>Every benchmark declares one operation per binary multiply-accumulate, so JMH's throughput is
 * MACs per second and the ratio of two scores at a width is a slowdown: the simulator's against
 * plain Java, the cycle model's against the untimed simulator. The first two check their scores
 * against each other once in setup.
 *
 * <p>Run: {@code mvn -q -pl bench -am package -Dmaven.test.skip=true && java -jar
 * bench/target/benchmarks.jar XnorPopcount}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XnorPopcountBenchmark {
  static final int NEURONS = 256;
  static final int INPUT_BITS = 2048;
  static final int MACS = NEURONS * INPUT_BITS;

  @Param({"256", "512", "1024"})
  int width;

  private Simulator sim;
  private Simulator timed;
  private long[] weights;
  private long[] input;
  private final int[] scores = new int[NEURONS];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Random rnd = new Random(42);
    int words = INPUT_BITS / 64;
    weights = new long[NEURONS * words];
    input = new long[words];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = rnd.nextLong();
    }
    for (int i = 0; i < words; i++) {
      input[i] = rnd.nextLong();
    }
    MachineDescription m =
        MachineDescription.defaults()
            .with(MachineParameter.VECTOR_WIDTH, width)
            .with(MachineParameter.VECTOR_REGISTERS, 32)
            .with(MachineParameter.DRAM_BYTES, 0);
    AssemblyResult r = new Assembler(m, List.of()).assembleSource(kernel(m), "bench.s");
    if (!r.ok()) {
      throw new IllegalStateException(r.diagnostics().toString());
    }
    sim = new Simulator(m, r.object());
    sim.writeMemory(MemorySpace.WMEM, 0, bytes(weights));
    sim.writeMemory(MemorySpace.AMEM, 0, bytes(input));
    timed = new Simulator(m, r.object());
    timed.enableTiming();
    timed.writeMemory(MemorySpace.WMEM, 0, bytes(weights));
    timed.writeMemory(MemorySpace.AMEM, 0, bytes(input));
    int[] expected = nativeJava().clone();
    int[] simulated = simulatedScores();
    if (!java.util.Arrays.equals(expected, simulated)) {
      throw new IllegalStateException("the simulator and the baseline disagree");
    }
  }

  /** The layer kernel: input rows in v1..vC, weights streamed through v0. */
  static String kernel(MachineDescription m) {
    int chunks = INPUT_BITS / m.vectorWidth();
    StringBuilder s = new StringBuilder();
    s.append("        li r3, 0\n");
    for (int c = 1; c <= chunks; c++) {
      s.append("        vld v").append(c).append(", amem[r3]+\n");
    }
    s.append("        li r5, 0\n");
    s.append("        li r8, ").append(INPUT_BITS / 8).append('\n');
    s.append("        li r1, ").append(NEURONS).append('\n');
    s.append("neuron: aclr a0\n");
    for (int c = 1; c <= chunks; c++) {
      s.append("        vld v0, wmem[r5]+\n");
      s.append("        xpopacc a0, v0, v").append(c).append('\n');
    }
    s.append("        sta a0, amem[r8]+\n");
    s.append("        loop r1, neuron\n");
    s.append("        halt\n");
    return s.toString();
  }

  private static byte[] bytes(long[] words) {
    ByteBuffer b = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long w : words) {
      b.putLong(w);
    }
    return b.array();
  }

  private int[] simulatedScores() throws Exception {
    runSimulator();
    byte[] out = sim.readMemory(MemorySpace.AMEM, INPUT_BITS / 8, 4 * NEURONS);
    int[] s = new int[NEURONS];
    ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(s);
    return s;
  }

  private long runSimulator() {
    return run(sim);
  }

  private static long run(Simulator sim) {
    sim.restart();
    RunResult r = sim.run(Long.MAX_VALUE);
    if (r.stop() != RunResult.Stop.HALTED) {
      throw new IllegalStateException(String.valueOf(r.trap()));
    }
    return r.steps();
  }

  /** Plain Java XNOR-popcount of the same layer. */
  @Benchmark
  @OperationsPerInvocation(MACS)
  public int[] nativeJava() {
    int words = INPUT_BITS / 64;
    for (int n = 0; n < NEURONS; n++) {
      int acc = 0;
      int base = n * words;
      for (int k = 0; k < words; k++) {
        acc += Long.bitCount(~(weights[base + k] ^ input[k]));
      }
      scores[n] = acc;
    }
    return scores;
  }

  /** The same layer run instruction by instruction on the simulator. */
  @Benchmark
  @OperationsPerInvocation(MACS)
  public long simulated() {
    return runSimulator();
  }

  /**
   * The same layer with the cycle model on ({@code Simulator.enableTiming()}): what timing every
   * instruction costs on top of {@link #simulated}.
   */
  @Benchmark
  @OperationsPerInvocation(MACS)
  public long simulatedWithCycleModel() {
    return run(timed);
  }
}
