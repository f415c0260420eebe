package org.signum.sim;

import static org.signum.sim.DecodedProgram.D;
import static org.signum.sim.DecodedProgram.STRIDE;

/**
 * The timed loop: runs the same {@link Core} one instruction at a time and tells the {@link
 * CycleModel} about each completed one. Chosen once per run, so the untimed loop pays nothing for
 * the cycle model.
 */
final class Timer {
  private final Core core;
  private final TimingTable table;
  final CycleModel model;

  Timer(Core core) {
    this.core = core;
    this.table = new TimingTable(core.machine, core.program);
    this.model = new CycleModel(core.machine, table, core.program.length);
  }

  /** Like {@link Core#execute}, timing every completed instruction. */
  int execute(long limit) {
    for (long n = 0; n < limit; n++) {
      int pc = core.pc;
      long length = dmaLength(pc);
      int stop = core.execute(1);
      if (stop == Core.STOP_TRAP) {
        return stop;
      }
      retire(pc, length);
      if (stop == Core.STOP_HALT) {
        return stop;
      }
    }
    return Core.STOP_LIMIT;
  }

  /**
   * The bytes the DMA instruction at {@code pc} is about to move, read before it runs; 0 for any
   * other instruction.
   */
  long dmaLength(int pc) {
    if (pc < 0 || pc >= core.program.length || table.unit[pc] != TimingTable.UNIT_DMA) {
      return 0;
    }
    return core.r[core.program.fields[pc * STRIDE + D]];
  }

  /** Times the instruction at {@code pc}, which has just completed. */
  void retire(int pc, long dmaLength) {
    model.retire(pc, core.pc, dmaLength);
  }

  /** A snapshot of the timing so far. */
  Timing snapshot() {
    return new Timing(core.machine, table, model);
  }
}
