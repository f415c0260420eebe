package org.signum.sim;

import static org.signum.sim.TimingTable.UNIT_DMA;
import static org.signum.sim.TimingTable.UNIT_DWAIT;
import static org.signum.sim.TimingTable.UNIT_HALT;
import static org.signum.sim.TimingTable.UNIT_POPCOUNT;
import static org.signum.sim.TimingTable.UNIT_PORT;
import static org.signum.sim.TimingTable.UNIT_VECTOR_ALU;

import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/**
 * The cycle model: an in-order, single-issue pipeline fed by the instructions the functional core
 * completes, in order. It never touches architectural state; it only learns, after each
 * instruction, where control went and how many bytes a DMA moved, and works out the cycle the
 * instruction issued in.
 *
 * <p>An instruction issues in the cycle after its predecessor unless a register it reads is not
 * ready (read after write), a register it writes would be written out of order (write after write),
 * its unit or memory port is busy (structural), or it must wait for DMA. Each idle cycle is charged
 * to the instruction that waited and to the constraint that held it longest. Units latch their
 * operands at issue, so a later write of a register an earlier multi-beat instruction reads is no
 * hazard. {@code docs/cycle-model.md} describes the model and every parameter.
 */
final class CycleModel {
  private final TimingTable table;
  private final int branchPenalty;
  private final int dmaBytesPerCycle;
  private final int dmaLatency;
  private final boolean dmaOverlap;

  /** The cycle the next instruction may issue in, at the earliest. */
  private long cycle;

  /** The first cycle each register's newest value may be read in. */
  private final long[] ready = new long[TimingTable.REGISTERS];

  private long vectorAluFree;
  private final long[] popcountFree;

  /** Per on-chip memory ordinal, the cycle each of its ports is free; null for DRAM. */
  private final long[][] portFree;

  private final StallCause[] portCause;

  private long dmaFree;
  private long dmaDone;

  /** The cycle by which every result and transfer issued so far is complete. */
  private long drain;

  final long[] cycles;
  final long[] executions;
  final long[] dmaBytes;

  /** Idle issue cycles by cause ordinal, then pc. */
  final long[][] stalls;

  long popcountBusy;

  private long issue;
  private StallCause binding;

  CycleModel(MachineDescription m, TimingTable table, int length) {
    this.table = table;
    this.branchPenalty = m.branchPenalty();
    this.dmaBytesPerCycle = m.dmaBytesPerCycle();
    this.dmaLatency = m.dmaLatencyCycles();
    this.dmaOverlap = m.dmaOverlapsCompute();
    this.popcountFree = new long[m.popcountUnits()];
    this.portFree = new long[MemorySpace.values().length][];
    this.portCause = new StallCause[MemorySpace.values().length];
    for (MemorySpace s : MemorySpace.values()) {
      if (s.onChip()) {
        portFree[s.ordinal()] = new long[m.ports(s)];
        portCause[s.ordinal()] = portCause(s);
      }
    }
    this.cycles = new long[length];
    this.executions = new long[length];
    this.dmaBytes = new long[length];
    this.stalls = new long[StallCause.values().length][length];
  }

  /** The cycle count so far: every instruction issued, with the idle cycles charged to them. */
  long cycle() {
    return cycle;
  }

  /**
   * Accounts for the completed instruction at {@code pc}: control went on to {@code nextPc}; a DMA
   * moved {@code dmaLength} bytes (ignored for other instructions).
   */
  void retire(int pc, int nextPc, long dmaLength) {
    final long start = cycle;
    issue = start;
    binding = null;
    for (int r : table.reads[pc]) {
      bind(ready[r], TimingTable.readCause(r));
    }
    int[] w = table.writes[pc];
    int[] wr = table.writeReady[pc];
    for (int k = 0; k < w.length; k++) {
      // The new value must land after the one in flight: issue + wr[k] > ready.
      bind(ready[w[k]] - wr[k] + 1, StallCause.WAW);
    }
    int occupancy = table.occupancy[pc];
    int unit = table.unit[pc];
    int slot = 0;
    long[] ports = null;
    switch (unit) {
      case UNIT_VECTOR_ALU -> bind(vectorAluFree, StallCause.VECTOR_ALU);
      case UNIT_POPCOUNT -> {
        slot = earliest(popcountFree);
        bind(popcountFree[slot], StallCause.POPCOUNT_UNITS);
      }
      case UNIT_PORT -> {
        int m = table.memory[pc];
        ports = portFree[m];
        slot = earliest(ports);
        bind(ports[slot], portCause[m]);
      }
      case UNIT_DMA -> bind(dmaFree, StallCause.DMA_ENGINE);
      case UNIT_DWAIT -> bind(dmaDone, StallCause.DMA_WAIT);
      case UNIT_HALT -> bind(drain, StallCause.DRAIN);
      default -> {}
    }
    final long t = issue;
    if (t > start) {
      stalls[binding.ordinal()][pc] += t - start;
    }
    long busyUntil = t + occupancy;
    switch (unit) {
      case UNIT_VECTOR_ALU -> vectorAluFree = busyUntil;
      case UNIT_POPCOUNT -> {
        popcountFree[slot] = busyUntil;
        popcountBusy += occupancy;
      }
      case UNIT_PORT -> ports[slot] = busyUntil;
      default -> {}
    }
    drain = Math.max(drain, busyUntil);
    for (int k = 0; k < w.length; k++) {
      ready[w[k]] = Math.max(ready[w[k]], t + wr[k]);
      drain = Math.max(drain, ready[w[k]]);
    }
    long next = t + 1;
    if (unit == UNIT_DMA && dmaLength > 0) {
      long done = t + dmaLatency + (dmaLength + dmaBytesPerCycle - 1) / dmaBytesPerCycle;
      dmaFree = done;
      dmaDone = Math.max(dmaDone, done);
      drain = Math.max(drain, done);
      dmaBytes[pc] += dmaLength;
      if (!dmaOverlap && done > next) {
        stalls[StallCause.DMA_SERIAL.ordinal()][pc] += done - next;
        next = done;
      }
    }
    if (table.branch[pc] && nextPc != pc + 1 && branchPenalty > 0) {
      stalls[StallCause.TAKEN_BRANCH.ordinal()][pc] += branchPenalty;
      next += branchPenalty;
    }
    cycles[pc] += next - start;
    executions[pc]++;
    cycle = next;
  }

  /**
   * Delays issue to {@code at} if that is later, charging {@code cause}; on a tie, the cause listed
   * first in {@link StallCause} is charged.
   */
  private void bind(long at, StallCause cause) {
    if (at > issue || (at == issue && binding != null && cause.ordinal() < binding.ordinal())) {
      issue = at;
      binding = cause;
    }
  }

  private static int earliest(long[] free) {
    int best = 0;
    for (int k = 1; k < free.length; k++) {
      if (free[k] < free[best]) {
        best = k;
      }
    }
    return best;
  }

  private static StallCause portCause(MemorySpace m) {
    return switch (m) {
      case WMEM -> StallCause.WMEM_PORT;
      case AMEM -> StallCause.AMEM_PORT;
      case TMEM -> StallCause.TMEM_PORT;
      case DRAM -> throw new IllegalStateException("no instruction reaches DRAM");
    };
  }
}
