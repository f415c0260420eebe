package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rri;

import org.junit.jupiter.api.Test;
import org.signum.isa.Instruction;
import org.signum.isa.Opcode;

class RestartTest {

  /** 0: li r2,100 1: addi r3,r3,1 2: loop r2 -> 1 3: sw r3, amem[0] 4: halt. */
  private static Simulator counting() {
    return new Program()
        .add(li(2, 100))
        .add(rri(Opcode.ADDI, 3, 3, 1))
        .add(loop(2, 2, 1))
        .add(new Instruction(Opcode.SW, 3, 0, 0, 0, Program.AMEM.code(), false, 0))
        .add(op(Opcode.HALT))
        .load(Program.smallMachine());
  }

  @Test
  void restartRunsAgainFromTheEntryWithClearedRegistersAndKeptMemoryAndCounters()
      throws SimulatorException {
    Simulator s = counting();
    assertEquals(RunResult.Stop.HALTED, s.run(1000).stop());
    assertEquals(100, s.scalar(3));
    long steps = s.counters().steps();
    s.writeMemory(Program.AMEM, 8, new byte[] {42});

    s.restart();
    assertEquals(0, s.pc());
    assertEquals(0, s.scalar(3));
    RunResult again = s.run(1000);
    assertEquals(RunResult.Stop.HALTED, again.stop());
    assertEquals(steps, again.steps());
    // Not 200: the count restarted from zero in r3.
    assertEquals(100, s.readMemory(Program.AMEM, 0, 1)[0]);
    assertEquals(42, s.readMemory(Program.AMEM, 8, 1)[0]);
    assertEquals(2 * steps, s.counters().steps());
  }

  @Test
  void restartClearsATrapAndAStepLimit() {
    Simulator s = counting();
    assertEquals(RunResult.Stop.STEP_LIMIT, s.run(10).stop());
    s.restart();
    assertEquals(RunResult.Stop.HALTED, s.run(1000).stop());
    assertEquals(100, s.scalar(3));
  }
}
