package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/**
 * The cross-check with FINN (Umuroglu et al., FPGA 2017): a fully connected layer folded onto P
 * processing elements of S SIMD lanes takes (rows / P) x (columns / S) cycles per input.
 *
 * <p>The equivalent Signum machine has P XNOR-popcount units with an S-bit datapath, and a weight
 * memory that delivers a whole row per cycle, as each FINN PE reads its own weights every cycle.
 * One xpopacc on a row of C = vector_width columns then holds a unit for C / S beats, exactly a
 * FINN PE's fold of one row. Signum issues one instruction per cycle, so it can match FINN only
 * where a unit's C / S beats cover the instructions that feed it: BNN-PYNQ's LFC folds (P = 64, S =
 * 32) would need two rows a cycle, but with LFC's 1024 columns and S = 32, four units (P = 4) leave
 * 32 cycles per group of four rows for the 21 instructions that load, count, threshold and clear
 * them.
 *
 * <p>The kernel is software-pipelined: two sets of four accumulators alternate, so the thresholds
 * of one group issue while the next group counts. Its cycle count is the FINN figure plus 25:
 *
 * <ul>
 *   <li>fill, 14 cycles: the 14 instructions before the first xpopacc can issue (4 li, the input
 *       row's vld, vclr, 4 aclr, 4 weight vld);
 *   <li>steady state, (rows / P) x 32 cycles: unit j starts row j of group g at 14 + 32 g + j and
 *       is never idle between groups, since the 21 instructions in between fit in its 32 beats;
 *   <li>drain, 11 cycles after the last group's 32 beats on unit 0: its accumulator is ready one
 *       cycle later (latency 2), then four thr each followed by an addi, the output row's vst and
 *       the halt: 1 + 8 + 1 + 1.
 * </ul>
 */
class FinnFoldingTest {
  private static final int COLUMNS = 1024;
  private static final int SIMD = 32;
  private static final int PE = 4;
  private static final int OVERHEAD = 25;

  private static final MachineDescription MACHINE =
      MachineDescription.defaults()
          .named("finn-equivalent")
          .with(MachineParameter.VECTOR_WIDTH, COLUMNS)
          .with(MachineParameter.DATAPATH_WIDTH, SIMD)
          .with(MachineParameter.POPCOUNT_UNITS, PE)
          .with(MachineParameter.WMEM_PORT_WIDTH, COLUMNS)
          .with(MachineParameter.AMEM_PORT_WIDTH, COLUMNS);

  /** FINN's cycles per input for a layer of {@code rows} x {@code columns} folded onto P x S. */
  static long finnCycles(long rows, long columns, long pe, long simd) {
    return (rows / pe) * (columns / simd);
  }

  @Test
  void theFormulaGivesBnnPynqsLfcFigures() {
    // LFC layer 0: 1024 neurons over 784 inputs padded to 832, P = 32, S = 64.
    assertEquals(416, finnCycles(1024, 832, 32, 64));
    // LFC layers 1 and 2: 1024 x 1024, P = 64, S = 32.
    assertEquals(512, finnCycles(1024, 1024, 64, 32));
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 1024})
  void aFoldedLayerTakesTheFinnCyclesPlusAFixedOverhead(int rows) throws SimulatorException {
    Simulator sim = Timed.simulator(MACHINE, kernel(rows));
    Random rnd = new Random(rows);
    byte[] weights = new byte[rows * COLUMNS / 8];
    byte[] input = new byte[COLUMNS / 8];
    rnd.nextBytes(weights);
    rnd.nextBytes(input);
    int[] thresholds = new int[rows];
    ByteBuffer t = ByteBuffer.allocate(rows * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int j = 0; j < rows; j++) {
      thresholds[j] = 480 + rnd.nextInt(64);
      t.putInt(thresholds[j]);
    }
    sim.writeMemory(MemorySpace.WMEM, 0, weights);
    sim.writeMemory(MemorySpace.AMEM, 0, input);
    sim.writeMemory(MemorySpace.TMEM, 0, t.array());
    RunResult r = sim.run(1_000_000);
    assertEquals(RunResult.Stop.HALTED, r.stop(), () -> r.trap().message());

    byte[] out = sim.readMemory(MemorySpace.AMEM, COLUMNS / 8, COLUMNS / 8);
    for (int j = 0; j < rows; j++) {
      int agree = 0;
      for (int k = 0; k < COLUMNS / 8; k++) {
        agree += Integer.bitCount(~(weights[j * COLUMNS / 8 + k] ^ input[k]) & 0xFF);
      }
      boolean expected = agree >= thresholds[j];
      assertEquals(expected, (out[j / 8] >> (j % 8) & 1) == 1, "neuron " + j);
    }

    Timing timing = sim.timing();
    long finn = finnCycles(rows, COLUMNS, PE, SIMD);
    assertEquals(finn + OVERHEAD, timing.cycles());
    // The static bound is FINN's figure: rows x columns MACs at P x S per cycle.
    assertEquals(finn, timing.lowerBoundCycles(timing.binaryMacs()));
    assertEquals((long) rows * COLUMNS / SIMD, timing.popcountBusyCycles());
    assertTrue(timing.stallCycles(StallCause.POPCOUNT_UNITS) > 0, "the units set the pace");
    Timed.assertConsistent(timing);
  }

  /** One layer of {@code rows} neurons over a 1024-bit input, four rows per group. */
  static String kernel(int rows) {
    int groups = rows / PE;
    StringBuilder s = new StringBuilder();
    s.append("        .text\n");
    s.append("        li r5, w\n        li r7, t\n        li r4, 0\n");
    s.append("        li r1, ").append((groups - 2) / 2).append('\n');
    s.append("        vld v0, amem[x]\n        vclr v5\n");
    clear(s, 0);
    count(s, 0);
    clear(s, PE);
    s.append("pair:\n");
    count(s, PE);
    threshold(s, 0);
    clear(s, 0);
    count(s, 0);
    threshold(s, PE);
    clear(s, PE);
    s.append("        loop r1, pair\n");
    count(s, PE);
    threshold(s, 0);
    threshold(s, PE);
    s.append("        vst v5, amem[out]\n        halt\n");
    s.append("        .section wmem\nw:      .space ").append(rows * COLUMNS / 8).append('\n');
    s.append("        .section amem\nx:      .space ").append(COLUMNS / 8).append('\n');
    s.append("out:    .space ").append(COLUMNS / 8).append('\n');
    s.append("        .section tmem\nt:      .space ").append(rows * 4).append('\n');
    return s.toString();
  }

  /** Loads the next group's weight rows into v1..v4 and counts them into accumulators from set. */
  private static void count(StringBuilder s, int set) {
    for (int j = 0; j < PE; j++) {
      s.append("        vld v").append(j + 1).append(", wmem[r5]+\n");
    }
    for (int j = 0; j < PE; j++) {
      s.append("        xpopacc a").append(set + j).append(", v").append(j + 1).append(", v0\n");
    }
  }

  private static void threshold(StringBuilder s, int set) {
    for (int j = 0; j < PE; j++) {
      s.append("        thr v5, r4, a").append(set + j).append(", tmem[r7]+\n");
      s.append("        addi r4, r4, 1\n");
    }
  }

  private static void clear(StringBuilder s, int set) {
    for (int j = 0; j < PE; j++) {
      s.append("        aclr a").append(set + j).append('\n');
    }
  }
}
