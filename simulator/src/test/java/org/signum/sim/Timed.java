package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;

/** Assembling small kernels and running them with the cycle model on. */
final class Timed {
  private Timed() {}

  static ObjectFile assemble(MachineDescription m, String source) {
    AssemblyResult r = new Assembler(m, List.of()).assembleSource(source, "t.s");
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    return r.object();
  }

  /** A timed simulator for {@code source}, not yet run. */
  static Simulator simulator(MachineDescription m, String source) {
    try {
      Simulator s = new Simulator(m, assemble(m, source));
      s.enableTiming();
      return s;
    } catch (SimulatorException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Runs {@code source} to its halt with timing on and returns the timing. */
  static Timing run(MachineDescription m, String source) {
    Simulator s = simulator(m, source);
    RunResult r = s.run(10_000_000);
    assertEquals(RunResult.Stop.HALTED, r.stop(), () -> r.trap().message());
    return s.timing();
  }

  /** The per-pc cycles add up to the total, and the per-pc stalls to each cause's total. */
  static void assertConsistent(Timing t) {
    long sum = 0;
    for (int pc = 0; pc < t.length(); pc++) {
      sum += t.cyclesAt(pc);
    }
    assertEquals(t.cycles(), sum, "cycles by pc add up to the total");
    for (StallCause c : StallCause.values()) {
      long stalls = 0;
      for (int pc = 0; pc < t.length(); pc++) {
        stalls += t.stallCyclesAt(pc, c);
      }
      assertEquals(t.stallCycles(c), stalls, c.key());
    }
  }
}
