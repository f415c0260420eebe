package org.signum.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.signum.isa.MachineDescription;

/**
 * An immutable snapshot of the cycle model: total cycles, the cycles and executions of every
 * instruction (so per source line and per layer), idle issue cycles by cause, and the use of the
 * XNOR-popcount units. Covers every instruction run since {@link Simulator#enableTiming()}, over
 * any number of runs and restarts. {@code docs/cycle-model.md} defines each figure.
 */
public final class Timing {
  private final int clockMhz;
  private final int popcountUnits;
  private final int peakBinaryMacsPerCycle;
  private final int vectorWidth;
  private final long cycles;
  private final long[] cyclesAt;
  private final long[] executionsAt;
  private final long[] dmaBytesAt;
  private final long[][] stallsAt;
  private final boolean[] popcountAt;
  private final long popcountBusy;

  Timing(MachineDescription m, TimingTable table, CycleModel model) {
    this.clockMhz = m.clockMhz();
    this.popcountUnits = m.popcountUnits();
    this.vectorWidth = m.vectorWidth();
    this.peakBinaryMacsPerCycle = m.popcountUnits() * Math.min(m.datapathWidth(), m.vectorWidth());
    this.cycles = model.cycle();
    this.cyclesAt = model.cycles.clone();
    this.executionsAt = model.executions.clone();
    this.dmaBytesAt = model.dmaBytes.clone();
    this.stallsAt = new long[model.stalls.length][];
    for (int c = 0; c < stallsAt.length; c++) {
      stallsAt[c] = model.stalls[c].clone();
    }
    this.popcountAt = new boolean[table.unit.length];
    for (int pc = 0; pc < popcountAt.length; pc++) {
      popcountAt[pc] = table.unit[pc] == TimingTable.UNIT_POPCOUNT;
    }
    this.popcountBusy = model.popcountBusy;
  }

  /** Cycles from the first timed instruction's issue to the end of the last one. */
  public long cycles() {
    return cycles;
  }

  public int clockMhz() {
    return clockMhz;
  }

  /** {@link #cycles()} at the machine's clock, in seconds. */
  public double seconds() {
    return cycles / (clockMhz * 1e6);
  }

  /** Idle issue cycles charged to {@code cause}. */
  public long stallCycles(StallCause cause) {
    long sum = 0;
    for (long n : stallsAt[cause.ordinal()]) {
      sum += n;
    }
    return sum;
  }

  /** Idle issue cycles by cause, every cause present, in {@link StallCause} order. */
  public Map<StallCause, Long> stalls() {
    Map<StallCause, Long> m = new EnumMap<>(StallCause.class);
    for (StallCause c : StallCause.values()) {
      m.put(c, stallCycles(c));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The number of instructions in the program: the range of every per-pc accessor. */
  public int length() {
    return cyclesAt.length;
  }

  /**
   * Cycles charged to instruction {@code pc}: one issue cycle per execution, the idle cycles it
   * waited before issuing, and those it cost after issuing (a taken branch's penalty, a DMA that
   * holds issue). The sum over every pc is {@link #cycles()}.
   */
  public long cyclesAt(int pc) {
    return cyclesAt[pc];
  }

  /** Timed executions of instruction {@code pc}. */
  public long executionsAt(int pc) {
    return executionsAt[pc];
  }

  /** Idle cycles charged to instruction {@code pc} for {@code cause}. */
  public long stallCyclesAt(int pc, StallCause cause) {
    return stallsAt[cause.ordinal()][pc];
  }

  /** Bytes the DMA instruction at {@code pc} moved over all its executions; 0 for others. */
  public long dmaBytesAt(int pc) {
    return dmaBytesAt[pc];
  }

  /**
   * Binary multiply-accumulates executed by instruction {@code pc}: the vector width per popcount.
   */
  public long binaryMacsAt(int pc) {
    return popcountAt[pc] ? executionsAt[pc] * vectorWidth : 0;
  }

  /** Binary multiply-accumulates executed: the vector width per popcount instruction. */
  public long binaryMacs() {
    long sum = 0;
    for (int pc = 0; pc < popcountAt.length; pc++) {
      sum += binaryMacsAt(pc);
    }
    return sum;
  }

  public int popcountUnits() {
    return popcountUnits;
  }

  /** Unit-cycles the XNOR-popcount units were busy: beats per popcount instruction. */
  public long popcountBusyCycles() {
    return popcountBusy;
  }

  /** Busy unit-cycles over available unit-cycles ({@code popcount_units} x cycles); 0 for none. */
  public double popcountUtilization() {
    return cycles == 0 ? 0 : (double) popcountBusy / ((double) popcountUnits * cycles);
  }

  /**
   * The most binary multiply-accumulates the machine can do per cycle: every popcount unit on a
   * full datapath, no wider than a vector register, since one instruction covers one register.
   */
  public int peakBinaryMacsPerCycle() {
    return peakBinaryMacsPerCycle;
  }

  /** The static lower bound: {@code ceil(macs / peakBinaryMacsPerCycle())}. */
  public long lowerBoundCycles(long macs) {
    return (macs + peakBinaryMacsPerCycle - 1) / peakBinaryMacsPerCycle;
  }
}
