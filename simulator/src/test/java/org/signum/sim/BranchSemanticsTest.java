package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.branch;
import static org.signum.sim.Program.fields;
import static org.signum.sim.Program.jal;
import static org.signum.sim.Program.jump;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rri;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.isa.Opcode;

class BranchSemanticsTest {

  /** Runs {@code li r1,x; li r2,y; BR r1,r2 -> 5; li r3,1; halt; halt} and says if it branched. */
  private static boolean taken(Opcode op, int x, int y) {
    Program p =
        new Program()
            .add(li(1, x))
            .add(li(2, y))
            .add(branch(op, 1, 2, 2, 5))
            .add(li(3, 1))
            .add(op(Opcode.HALT));
    Simulator s = Runs.halted(p);
    return s.scalar(3) == 0;
  }

  @ParameterizedTest(name = "{0} {1}, {2} taken: {3}")
  @CsvSource({
    "BEQ, 4, 4, true",
    "BEQ, 4, 5, false",
    "BNE, 4, 5, true",
    "BNE, -1, -1, false",
    "BLT, -1, 0, true",
    "BLT, 0, -1, false",
    "BLT, 3, 3, false",
    "BGE, 3, 3, true",
    "BGE, -2147483648, 2147483647, false",
    "BGE, 0, -1, true",
    "BLTU, 0, -1, true",
    "BLTU, -1, 0, false",
    "BLTU, 7, 7, false",
    "BGEU, -1, 0, true",
    "BGEU, 0, -1, false",
    "BGEU, 7, 7, true",
  })
  void conditionalBranches(Opcode op, int x, int y, boolean expected) {
    assertEquals(expected, taken(op, x, y));
  }

  @Test
  void backwardBranchesUseTheSignedDistance() {
    // 0: li r1,3  1: addi r2,r2,1  2: addi r1,r1,-1  3: bne r1,r0 -> 1
    Program p =
        new Program()
            .add(li(1, 3))
            .add(rri(Opcode.ADDI, 2, 2, 1))
            .add(rri(Opcode.ADDI, 1, 1, -1))
            .add(branch(Opcode.BNE, 1, 0, 3, 1));
    assertEquals(3, Runs.halted(p).scalar(2));
  }

  @Test
  void jumpSkipsCode() {
    Program p = new Program().add(jump(0, 2)).add(li(1, 9)).add(li(2, 4));
    Simulator s = Runs.halted(p);
    assertEquals(0, s.scalar(1));
    assertEquals(4, s.scalar(2));
  }

  @Test
  void jalLinksTheNextInstructionAndJrReturns() {
    // 0: jal r31 -> 3  1: li r2,7  2: halt  3: li r1,5  4: jr r31
    Program p =
        new Program()
            .add(jal(31, 0, 3))
            .add(li(2, 7))
            .add(op(Opcode.HALT))
            .add(li(1, 5))
            .add(fields(Opcode.JR, 0, 31, 0, 0, 0));
    Simulator s = p.load(Program.smallMachine());
    assertEquals(RunResult.Stop.HALTED, s.run(100).stop());
    assertEquals(1, s.scalar(31));
    assertEquals(5, s.scalar(1));
    assertEquals(7, s.scalar(2));
    assertEquals(2, s.pc());
  }

  @Test
  void jalWithR0LinksNothing() {
    Program p = new Program().add(jal(0, 0, 1));
    assertEquals(0, Runs.halted(p).scalar(0));
  }

  @Test
  void loopRunsItsBodyNTimes() {
    // 0: li r2,5  1: addi r3,r3,2  2: loop r2 -> 1
    Program p = new Program().add(li(2, 5)).add(rri(Opcode.ADDI, 3, 3, 2)).add(loop(2, 2, 1));
    Simulator s = Runs.halted(p);
    assertEquals(10, s.scalar(3));
    assertEquals(0, s.scalar(2));
  }

  @Test
  void loopEnteredWithOneRunsOnce() {
    Program p = new Program().add(li(2, 1)).add(rri(Opcode.ADDI, 3, 3, 1)).add(loop(2, 2, 1));
    Simulator s = Runs.halted(p);
    assertEquals(1, s.scalar(3));
    assertEquals(0, s.scalar(2));
  }

  @Test
  void loopEnteredWithZeroWrapsAndKeepsGoing() {
    Program p = new Program().add(li(2, 0)).add(rri(Opcode.ADDI, 3, 3, 1)).add(loop(2, 2, 1));
    p.add(op(Opcode.HALT));
    Simulator s = p.load(Program.smallMachine());
    RunResult r = s.run(1 + 2 * 10);
    assertEquals(RunResult.Stop.STEP_LIMIT, r.stop());
    assertEquals(10, s.scalar(3));
    assertEquals(-10, s.scalar(2));
  }

  @Test
  void loopOnR0NeverBranches() {
    Program p = new Program().add(rri(Opcode.ADDI, 3, 3, 1)).add(loop(0, 1, 0));
    Simulator s = Runs.halted(p);
    assertEquals(1, s.scalar(3));
    assertEquals(0, s.scalar(0));
  }

  @Test
  void branchToTheEndOfTheProgramTrapsOnFetch() {
    Program p = new Program().add(jump(0, 2)).add(op(Opcode.HALT));
    Trap t = Runs.trapped(p);
    assertEquals(TrapKind.PC_OUT_OF_RANGE, t.kind());
    assertEquals(2, t.pc());
    assertEquals(1, t.step());
  }
}
