package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signum.sim.Program.jump;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rri;

import org.junit.jupiter.api.Test;
import org.signum.isa.Opcode;

class StepLimitTest {

  /** 0: li r2,100 1: addi r3,r3,1 2: loop r2 -> 1 3: halt, with a label on 1. */
  private static Simulator counting() {
    return new Program()
        .add(li(2, 100))
        .add(rri(Opcode.ADDI, 3, 3, 1))
        .add(loop(2, 2, 1))
        .add(op(Opcode.HALT))
        .label("body", 1)
        .load(Program.smallMachine());
  }

  @Test
  void stopsAtTheLimitAndSaysWhere() {
    Simulator s = counting();
    RunResult r = s.run(10);
    assertEquals(RunResult.Stop.STEP_LIMIT, r.stop());
    assertEquals(10, r.steps());
    Trap t = r.trap();
    assertEquals(TrapKind.STEP_LIMIT, t.kind());
    assertEquals(
        "trap: step limit: this run's limit of 10 steps ran out before a halt\n"
            + "  at pc 2: loop r2, body\n"
            + "  source t.s:12, after 10 instructions",
        t.message());
    assertEquals(5, s.scalar(3));
  }

  @Test
  void runningAgainContinuesWhereItStopped() {
    Simulator s = counting();
    long total = 0;
    RunResult r;
    do {
      r = s.run(7);
      total += r.steps();
    } while (r.stop() == RunResult.Stop.STEP_LIMIT);
    assertEquals(RunResult.Stop.HALTED, r.stop());
    assertEquals(1 + 200 + 1, total);
    assertEquals(total, s.counters().steps());
    assertEquals(100, s.scalar(3));
  }

  @Test
  void aLimitOfExactlyTheProgramLengthHalts() {
    Simulator s = counting();
    assertEquals(new RunResult(RunResult.Stop.HALTED, 202, null), s.run(202));
  }

  @Test
  void oneStepShortStopsOnTheHalt() {
    Simulator s = counting();
    RunResult r = s.run(201);
    assertEquals(RunResult.Stop.STEP_LIMIT, r.stop());
    assertEquals(3, r.trap().pc());
    assertEquals("halt", r.trap().instruction());
  }

  @Test
  void zeroStepsRunsNothing() {
    Simulator s = counting();
    RunResult r = s.run(0);
    assertEquals(RunResult.Stop.STEP_LIMIT, r.stop());
    assertEquals(0, r.steps());
    assertEquals(0, r.trap().pc());
    assertEquals(0, s.counters().steps());
  }

  @Test
  void branchTargetsPrintAsLabels() {
    Simulator s = counting();
    RunResult r = s.run(2);
    assertEquals("loop r2, body", r.trap().instruction());
  }

  @Test
  void anEndlessLoopEndsAtTheLimit() {
    Simulator s = new Program().add(jump(0, 0)).load(Program.smallMachine());
    RunResult r = s.run(1_000_000);
    assertEquals(RunResult.Stop.STEP_LIMIT, r.stop());
    assertEquals(1_000_000, s.counters().steps());
  }

  @Test
  void aNegativeLimitIsAProgrammingError() {
    Simulator s = counting();
    assertThrows(IllegalArgumentException.class, () -> s.run(-1));
  }
}
