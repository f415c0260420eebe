package org.signum.cli;

import java.io.PrintWriter;
import org.signum.isa.InsnClass;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.sim.Counters;

/** The human-readable summary of a run's counters. */
final class CounterReport {
  private CounterReport() {}

  static void print(PrintWriter out, Counters c) {
    out.println("instructions by class");
    for (InsnClass k : InsnClass.values()) {
      long n = c.executed(k);
      if (n > 0) {
        out.printf("  %-18s %,14d%n", k.name().toLowerCase(), n);
      }
    }
    out.printf("  %-18s %,14d%n", "total", c.steps());
    out.println("memory traffic         bits read   bits written");
    for (MemorySpace m : MemorySpace.values()) {
      if (m.onChip()) {
        out.printf("  %-14s %,15d %,14d%n", m.assemblyName(), c.bitsRead(m), c.bitsWritten(m));
      }
    }
    out.printf("  %-14s %,15d %,14d%n", "imem (fetch)", c.wordsFetched() * 64, 0L);
    long dramRead = c.dramBytesRead();
    long dramWritten = c.dramBytesWritten();
    if (dramRead + dramWritten > 0) {
      out.printf("  %-14s %,15d %,14d   (by DMA)%n", "dram", dramRead * 8, dramWritten * 8);
    }
    out.printf(
        "bit operations: %,d in popcounts, %,d in vector logic%n",
        c.popcountBitOps(), c.vectorBitOps());
  }

  static String machineLine(MachineDescription m) {
    return String.format(
        "machine %s: %d-bit vectors, %d vector / %d scalar registers, %d accumulators of %d bits",
        m.name(),
        m.vectorWidth(),
        m.vectorRegisters(),
        m.scalarRegisters(),
        m.accumulators(),
        m.accumulatorWidth());
  }
}
