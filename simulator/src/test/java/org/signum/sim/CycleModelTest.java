package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/**
 * Cycle counts of small kernels against figures worked out by hand. Unless a test says otherwise
 * the machine is the default: 256-bit vectors and datapath (one beat), one popcount unit, one
 * 256-bit port per memory (64-bit for tmem), latencies 1 except memory loads, popcount and
 * threshold (2), one bubble after a taken branch. In the comments "t" is the issue cycle and
 * "ready" the first cycle a reader may issue: the last beat plus the class latency.
 */
class CycleModelTest {
  private static final MachineDescription M = MachineDescription.defaults();

  @Test
  void independentInstructionsIssueOnePerCycle() {
    // li t0, li t1, li t2 (r3 ready 3), halt t3: 4 cycles, no stalls.
    Timing t = Timed.run(M, "li r1, 1\nli r2, 2\nli r3, 3\nhalt\n");
    assertEquals(4, t.cycles());
    assertEquals(0, t.stalls().values().stream().mapToLong(Long::longValue).sum());
    Timed.assertConsistent(t);
  }

  @Test
  void aLoadedValueIsReadTwoCyclesAfterTheLoad() {
    // lw t0 (r1 ready 0 + 2 = 2); addi wants 1, waits for r1: 1 raw_scalar cycle, t2 (r2 ready 3);
    // halt t3. 4 cycles.
    Timing t = Timed.run(M, "lw r1, amem[0]\naddi r2, r1, 1\nhalt\n");
    assertEquals(4, t.cycles());
    assertEquals(1, t.stallCycles(StallCause.RAW_SCALAR));
    assertEquals(1, t.stallCyclesAt(1, StallCause.RAW_SCALAR));
    assertEquals(2, t.cyclesAt(1));
    Timed.assertConsistent(t);
  }

  private static final String TWO_POPCOUNTS =
      "vld v1, wmem[0]\nvld v2, amem[0]\nxpopacc a0, v1, v2\nxpopacc a1, v1, v2\nhalt\n";

  @Test
  void aVectorWiderThanTheDatapathTakesSeveralBeatsOnOneUnit() {
    // datapath 64 on 256-bit vectors: 4 beats. vld v1 t0 (ready 2), vld v2 t1 (ready 3).
    // xpopacc a0 wants 2, waits for v2: 1 raw_vector, t3; unit busy t3..t6, a0 ready 3+3+2 = 8.
    // xpopacc a1 wants 4, the only unit is free at 7: 3 popcount_units, t7; a1 ready 12.
    // halt wants 8, drains until 12: 4 drain, t12. 13 cycles.
    MachineDescription m = M.with(MachineParameter.DATAPATH_WIDTH, 64);
    Timing t = Timed.run(m, TWO_POPCOUNTS);
    assertEquals(13, t.cycles());
    assertEquals(
        Map.of(StallCause.RAW_VECTOR, 1L, StallCause.POPCOUNT_UNITS, 3L, StallCause.DRAIN, 4L),
        nonzero(t));
    assertEquals(8, t.popcountBusyCycles());
    assertEquals(8.0 / 13, t.popcountUtilization(), 1e-12);
    // 2 x 256 binary MACs at 1 unit x 64 bits per cycle: at least 8 cycles.
    assertEquals(512, t.binaryMacs());
    assertEquals(64, t.peakBinaryMacsPerCycle());
    assertEquals(8, t.lowerBoundCycles(t.binaryMacs()));
    Timed.assertConsistent(t);
  }

  @Test
  void aSecondPopcountUnitTakesTheSecondInstruction() {
    // As above until xpopacc a1, which wants 4 and finds unit 1 free: t4, a1 ready 4+3+2 = 9.
    // halt wants 5, drains until 9: 4 drain, t9. 10 cycles; 8 busy unit-cycles of 2 x 10.
    MachineDescription m =
        M.with(MachineParameter.DATAPATH_WIDTH, 64).with(MachineParameter.POPCOUNT_UNITS, 2);
    Timing t = Timed.run(m, TWO_POPCOUNTS);
    assertEquals(10, t.cycles());
    assertEquals(Map.of(StallCause.RAW_VECTOR, 1L, StallCause.DRAIN, 4L), nonzero(t));
    assertEquals(0.4, t.popcountUtilization(), 1e-12);
    assertEquals(128, t.peakBinaryMacsPerCycle());
    Timed.assertConsistent(t);
  }

  @Test
  void aTakenBranchCostsTheBranchPenalty() {
    // li t0 (r1 ready 1). loop t1, taken: +1 bubble; loop t3, taken: +1; loop t5, falls through;
    // halt t6. 7 cycles: the loop is charged 3 issues and 2 bubbles.
    String src = "li r1, 3\n1: loop r1, 1b\nhalt\n";
    Timing t = Timed.run(M, src);
    assertEquals(7, t.cycles());
    assertEquals(3, t.executionsAt(1));
    assertEquals(5, t.cyclesAt(1));
    assertEquals(2, t.stallCyclesAt(1, StallCause.TAKEN_BRANCH));
    // Without the penalty: li t0, loop t1, t2, t3, halt t4: 5 cycles.
    assertEquals(5, Timed.run(M.with(MachineParameter.BRANCH_PENALTY, 0), src).cycles());
    Timed.assertConsistent(t);
  }

  @Test
  void aWriteMayNotOvertakeAnEarlierWriteOfTheSameRegister() {
    // vld v1 t0 (ready 2). vmov v1 wants 1, would be ready at 2, not after the load's 2: it waits
    // 1 (waw), t2, ready 3. halt t3. 4 cycles.
    Timing t = Timed.run(M, "vld v1, wmem[0]\nvmov v1, v2\nhalt\n");
    assertEquals(4, t.cycles());
    assertEquals(Map.of(StallCause.WAW, 1L), nonzero(t));
  }

  private static final String THREE_ROWS =
      "vld v1, wmem[0]\nvld v2, wmem[32]\nvld v3, amem[0]\nhalt\n";

  @Test
  void aNarrowPortHoldsARowForSeveralCycles() {
    // wmem port of 64 bits: a 256-bit row holds it 4 cycles. vld v1 t0 (port free 4, ready
    // 0+3+2 = 5). vld v2 wants 1: 3 wmem_port, t4 (ready 9). vld v3 from amem t5 (ready 7).
    // halt wants 6, drains until 9: 3 drain, t9. 10 cycles.
    MachineDescription m = M.with(MachineParameter.WMEM_PORT_WIDTH, 64);
    Timing t = Timed.run(m, THREE_ROWS);
    assertEquals(10, t.cycles());
    assertEquals(Map.of(StallCause.WMEM_PORT, 3L, StallCause.DRAIN, 3L), nonzero(t));
    // Two ports: vld v2 t1 (ready 6), vld v3 t2 (ready 4), halt wants 3, drains until 6: 7.
    Timing two = Timed.run(m.with(MachineParameter.WMEM_PORTS, 2), THREE_ROWS);
    assertEquals(7, two.cycles());
    assertEquals(Map.of(StallCause.DRAIN, 3L), nonzero(two));
  }

  private static final String ONE_TRANSFER =
      "li r1, 0\nli r2, 64\ndma.ld amem[0], r1, r2\nli r3, 5\ndwait\nhalt\n";

  @Test
  void dwaitWaitsForTheTransfer() {
    // DMA: 10 cycles of latency, 16 bytes per cycle. li t0, li t1 (r2 ready 2), dma.ld t2: done at
    // 2 + 10 + 64/16 = 16. li t3. dwait wants 4: 12 dma_wait, t16. halt t17. 18 cycles.
    MachineDescription m = M.with(MachineParameter.DMA_LATENCY_CYCLES, 10);
    Timing t = Timed.run(m, ONE_TRANSFER);
    assertEquals(18, t.cycles());
    assertEquals(Map.of(StallCause.DMA_WAIT, 12L), nonzero(t));
    assertEquals(64, t.dmaBytesAt(2));
  }

  @Test
  void withoutOverlapATransferHoldsIssue() {
    // As above, but the dma.ld at t2 holds issue until 16: 13 dma_serial cycles charged to it.
    // li t16, dwait t17 (nothing left), halt t18. 19 cycles.
    MachineDescription m =
        M.with(MachineParameter.DMA_LATENCY_CYCLES, 10).with(MachineParameter.DMA_OVERLAP, 0);
    Timing t = Timed.run(m, ONE_TRANSFER);
    assertEquals(19, t.cycles());
    assertEquals(Map.of(StallCause.DMA_SERIAL, 13L), nonzero(t));
    assertEquals(14, t.cyclesAt(2));
  }

  @Test
  void aSecondTransferWaitsForTheEngine() {
    // li t0, li t1 (r2 ready 2), dma.ld t2 (done 2 + 0 + 4 = 6), dma.ld wants 3: 3 dma_engine, t6
    // (done 10). dwait wants 7: 3 dma_wait, t10. halt t11. 12 cycles.
    MachineDescription m = M.with(MachineParameter.DMA_LATENCY_CYCLES, 0);
    String src =
        "li r1, 0\nli r2, 64\ndma.ld amem[0], r1, r2\ndma.ld amem[64], r1, r2\ndwait\nhalt\n";
    Timing t = Timed.run(m, src);
    assertEquals(12, t.cycles());
    assertEquals(Map.of(StallCause.DMA_ENGINE, 3L, StallCause.DMA_WAIT, 3L), nonzero(t));
  }

  @Test
  void whenTwoConstraintsReleaseTogetherTheCauseListedFirstIsCharged() {
    // 4 beats. xpopacc a0 t0 (unit free 4, a0 ready 5); nop t1; vld v3 t2 (ready 4). xpopacc a1
    // wants 3; v3 and the unit both become free in cycle 4: 1 cycle, charged to raw_vector,
    // listed before popcount_units. t4 (a1 ready 4+3+2 = 9); halt wants 5: 4 drain. 10 cycles.
    MachineDescription m = M.with(MachineParameter.DATAPATH_WIDTH, 64);
    String src = "xpopacc a0, v1, v2\nnop\nvld v3, wmem[0]\nxpopacc a1, v3, v2\nhalt\n";
    Timing t = Timed.run(m, src);
    assertEquals(10, t.cycles());
    assertEquals(Map.of(StallCause.RAW_VECTOR, 1L, StallCause.DRAIN, 4L), nonzero(t));
  }

  @Test
  void timingDoesNotChangeWhatTheProgramComputes() throws SimulatorException {
    MachineDescription m = M.with(MachineParameter.DATAPATH_WIDTH, 64);
    String src = TWO_POPCOUNTS.replace("halt", "sta a0, amem[64]\nsta a1, amem[68]\nhalt");
    Simulator timed = Timed.simulator(m, src);
    timed.writeMemory(MemorySpace.WMEM, 0, new byte[] {(byte) 0xF0, 3});
    timed.run(100);
    Simulator plain = new Simulator(m, Timed.assemble(m, src));
    plain.writeMemory(MemorySpace.WMEM, 0, new byte[] {(byte) 0xF0, 3});
    plain.run(100);
    assertArrayEquals(
        plain.readMemory(MemorySpace.AMEM, 64, 8), timed.readMemory(MemorySpace.AMEM, 64, 8));
    assertEquals(plain.counters().asMap(), timed.counters().asMap());
  }

  @Test
  void runsAfterARestartAddUp() {
    Simulator s = Timed.simulator(M.with(MachineParameter.DATAPATH_WIDTH, 64), TWO_POPCOUNTS);
    s.run(100);
    long once = s.timing().cycles();
    s.restart();
    s.run(100);
    // The halt drained the pipeline, so the second run starts clean and takes as long.
    assertEquals(2 * once, s.timing().cycles());
    assertEquals(2, s.timing().executionsAt(0));
    Timed.assertConsistent(s.timing());
  }

  @Test
  void tracedAndSteppedRunsTimeExactlyAsOneRun() {
    MachineDescription m = M.with(MachineParameter.DATAPATH_WIDTH, 64);
    Timing whole = Timed.run(m, TWO_POPCOUNTS);
    Simulator traced = Timed.simulator(m, TWO_POPCOUNTS);
    traced.run(2);
    traced.run(100, new TraceWriter(new java.io.StringWriter()));
    Timing parts = traced.timing();
    assertEquals(whole.cycles(), parts.cycles());
    for (int pc = 0; pc < whole.length(); pc++) {
      assertEquals(whole.cyclesAt(pc), parts.cyclesAt(pc), "pc " + pc);
    }
    assertEquals(whole.stalls(), parts.stalls());
  }

  @Test
  void aTrappingInstructionIsNotTimed() {
    // li t0, li t1; the lw traps (misaligned) and adds nothing: 2 cycles, 2 executions.
    Simulator s = Timed.simulator(M, "li r1, 1\nli r2, 2\nlw r3, amem[2]\nhalt\n");
    assertEquals(RunResult.Stop.TRAPPED, s.run(100).stop());
    assertEquals(2, s.timing().cycles());
    assertEquals(0, s.timing().executionsAt(2));
  }

  @Test
  void timingMustBeEnabledBeforeTheFirstInstruction() throws SimulatorException {
    Simulator s = new Simulator(M, Timed.assemble(M, "halt\n"));
    assertThrows(IllegalStateException.class, s::timing);
    s.run(10);
    IllegalStateException e = assertThrows(IllegalStateException.class, s::enableTiming);
    assertEquals("enable timing before the first run: 1 instructions ran untimed", e.getMessage());
  }

  private static Map<StallCause, Long> nonzero(Timing t) {
    Map<StallCause, Long> m = new java.util.EnumMap<>(StallCause.class);
    t.stalls()
        .forEach(
            (c, n) -> {
              if (n != 0) {
                m.put(c, n);
              }
            });
    return m;
  }
}
