package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.signum.isa.MachineDescription;
import org.signum.isa.Opcode;

/** Running test programs to a halt. */
final class Runs {
  private Runs() {}

  /** Appends a halt, runs, and checks that the program halted. */
  static Simulator halted(Program p, MachineDescription m) {
    p.add(Program.op(Opcode.HALT));
    Simulator s = p.load(m);
    RunResult r = s.run(100_000);
    assertEquals(RunResult.Stop.HALTED, r.stop(), () -> r.trap() == null ? "" : r.trap().message());
    return s;
  }

  static Simulator halted(Program p) {
    return halted(p, Program.smallMachine());
  }

  /** Runs a program that must trap, and returns the trap. */
  static Trap trapped(Program p, MachineDescription m) {
    Simulator s = p.load(m);
    RunResult r = s.run(100_000);
    assertEquals(RunResult.Stop.TRAPPED, r.stop(), "expected a trap");
    return r.trap();
  }

  static Trap trapped(Program p) {
    return trapped(p, Program.smallMachine());
  }
}
