package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.branch;
import static org.signum.sim.Program.fields;
import static org.signum.sim.Program.jump;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rri;
import static org.signum.sim.Program.rrr;
import static org.signum.sim.Program.thr;

import org.junit.jupiter.api.Test;
import org.signum.isa.Field;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;

class TrapTest {

  @Test
  void misalignedRowLoadReportsEverything() {
    Program p =
        new Program().add(li(2, 8)).add(mem(Opcode.VLD, 1, WMEM, 2, 4, false)).add(op(Opcode.HALT));
    Trap t = Runs.trapped(p);
    assertEquals(TrapKind.MISALIGNED_ACCESS, t.kind());
    assertEquals(1, t.pc());
    assertEquals(1, t.step());
    assertEquals(
        "trap: misaligned access: vld address 12 is not a multiple of 8\n"
            + "  at pc 1: vld v1, wmem[r2 + 4]\n"
            + "  source t.s:11, after 1 instruction",
        t.message());
  }

  @Test
  void misalignedWordAccesses() {
    assertEquals(
        "lw address 6 is not a multiple of 4",
        Runs.trapped(new Program().add(mem(Opcode.LW, 1, AMEM, 0, 6, false))).detail());
    assertEquals(
        "sw address 2 is not a multiple of 4",
        Runs.trapped(new Program().add(mem(Opcode.SW, 1, AMEM, 0, 2, false))).detail());
    assertEquals(
        "thr address 1 is not a multiple of 4",
        Runs.trapped(new Program().add(thr(Opcode.THR, 1, 0, 0, TMEM, 0, 1, false))).detail());
    assertEquals(
        "sta address 2 is not a multiple of 4",
        Runs.trapped(new Program().add(mem(Opcode.STA, 0, AMEM, 0, 2, false))).detail());
    assertEquals(
        "vst address 4 is not a multiple of 8",
        Runs.trapped(new Program().add(mem(Opcode.VST, 1, AMEM, 0, 4, false))).detail());
  }

  @Test
  void outOfRangeAccesses() {
    Trap past = Runs.trapped(new Program().add(mem(Opcode.VLD, 1, AMEM, 0, 512 - 24, false)));
    assertEquals(TrapKind.ADDRESS_OUT_OF_RANGE, past.kind());
    assertEquals("vld address 488 + 32 bytes runs past the end of amem (512 bytes)", past.detail());

    Trap negative =
        Runs.trapped(new Program().add(li(3, -8)).add(mem(Opcode.LW, 1, TMEM, 3, 0, false)));
    assertEquals(TrapKind.ADDRESS_OUT_OF_RANGE, negative.kind());
    assertEquals("lw address -8 is below the start of tmem", negative.detail());

    Trap store = Runs.trapped(new Program().add(mem(Opcode.STA, 0, TMEM, 0, 256, false)));
    assertEquals("sta address 256 + 4 bytes runs past the end of tmem (256 bytes)", store.detail());
  }

  @Test
  void effectiveAddressWrapsInThirtyTwoBits() {
    // 0x7FFFFFFC + 8 wraps to a negative address, which is out of range rather than huge.
    Trap t =
        Runs.trapped(
            new Program().add(li(3, 0x7FFF_FFF8)).add(mem(Opcode.LW, 1, WMEM, 3, 16, false)));
    assertEquals("lw address -2147483640 is below the start of wmem", t.detail());
  }

  @Test
  void accessToAMissingMemoryIsOutOfRange() {
    Trap t =
        Runs.trapped(
            new Program().add(mem(Opcode.LW, 1, TMEM, 0, 0, false)),
            Program.smallMachine().with(MachineParameter.TMEM_BYTES, 0));
    assertEquals(TrapKind.ADDRESS_OUT_OF_RANGE, t.kind());
    assertEquals("lw address 0: this machine has no tmem (tmem_bytes = 0)", t.detail());
  }

  @Test
  void unassignedOpcodeTrapsOnlyWhenExecuted() {
    Program p = new Program().add(jump(0, 2)).word(0xFFL).add(op(Opcode.HALT));
    Simulator s = p.load(Program.smallMachine());
    assertEquals(RunResult.Stop.HALTED, s.run(10).stop());

    Trap t = Runs.trapped(new Program().add(op(Opcode.NOP)).word(0xFFL));
    assertEquals(TrapKind.ILLEGAL_INSTRUCTION, t.kind());
    assertEquals(
        "trap: illegal instruction: word 0x00000000000000ff: unassigned opcode 0xff\n"
            + "  at pc 1: illegal word 0x00000000000000ff\n"
            + "  source t.s:11, after 1 instruction",
        t.message());
  }

  @Test
  void nonzeroUnusedFieldIsIllegal() {
    long word = Field.D.insert(op(Opcode.HALT).encode(), 1);
    Trap t = Runs.trapped(new Program().word(word));
    assertEquals(TrapKind.ILLEGAL_INSTRUCTION, t.kind());
    assertEquals("word 0x0000000000800002: field d must be 0 for halt", t.detail());
  }

  @Test
  void shiftAmountBeyondThirtyOneIsIllegal() {
    long word = rri(Opcode.SLLI, 1, 1, 0).encode() | (32L << 32);
    Trap t = Runs.trapped(new Program().word(word));
    assertEquals(TrapKind.ILLEGAL_INSTRUCTION, t.kind());
    assertEquals(
        String.format("word 0x%016x: shamt 32 is not an integer in the range [0, 31]", word),
        t.detail());
  }

  @Test
  void registerBeyondTheMachineIsIllegal() {
    var m =
        Program.smallMachine()
            .with(MachineParameter.SCALAR_REGISTERS, 8)
            .with(MachineParameter.VECTOR_REGISTERS, 4)
            .with(MachineParameter.ACCUMULATORS, 2);
    assertEquals(
        "r8 is beyond this machine's 8 scalar registers",
        Runs.trapped(new Program().add(rrr(Opcode.ADD, 1, 8, 2)), m).detail());
    assertEquals(
        "v4 is beyond this machine's 4 vector registers",
        Runs.trapped(new Program().add(rrr(Opcode.VAND, 0, 1, 4)), m).detail());
    assertEquals(
        "a2 is beyond this machine's 2 accumulators",
        Runs.trapped(new Program().add(rrr(Opcode.ACLR, 2, 0, 0)), m).detail());
    assertEquals(
        "r9 is beyond this machine's 8 scalar registers",
        Runs.trapped(new Program().add(mem(Opcode.VLD, 1, AMEM, 9, 0, false)), m).detail());
    Trap t = Runs.trapped(new Program().add(rrr(Opcode.ADD, 1, 8, 2)), m);
    assertEquals("add r1, r8, r2", t.instruction());
  }

  @Test
  void branchTargetsOutsideInstructionMemory() {
    var m = Program.smallMachine();
    Trap beq = Runs.trapped(new Program().add(branch(Opcode.BEQ, 0, 0, 0, 4096)), m);
    assertEquals(TrapKind.BRANCH_OUT_OF_RANGE, beq.kind());
    assertEquals("beq target 4096 is outside instruction memory [0, 4096)", beq.detail());

    Trap back = Runs.trapped(new Program().add(op(Opcode.NOP)).add(jump(1, -1)), m);
    assertEquals("j target -1 is outside instruction memory [0, 4096)", back.detail());
    assertEquals(1, back.pc());

    Trap jr = Runs.trapped(new Program().add(li(7, -3)).add(fields(Opcode.JR, 0, 7, 0, 0, 0)), m);
    assertEquals("jr target r7 = -3 is outside instruction memory [0, 4096)", jr.detail());

    Trap lp = Runs.trapped(new Program().add(li(2, 2)).add(loop(2, 1, 5000)), m);
    assertEquals("loop target 5000 is outside instruction memory [0, 4096)", lp.detail());
    assertEquals(TrapKind.BRANCH_OUT_OF_RANGE, lp.kind());
  }

  @Test
  void untakenBranchToNowhereDoesNotTrap() {
    Program p =
        new Program()
            .add(li(1, 1))
            .add(branch(Opcode.BEQ, 1, 0, 1, 100_000))
            .add(li(2, 1))
            .add(loop(1, 3, -50));
    Simulator s = Runs.halted(p);
    assertEquals(1, s.scalar(2));
  }

  @Test
  void runningOffTheEnd() {
    Trap t = Runs.trapped(new Program().add(li(1, 1)).add(li(2, 2)));
    assertEquals(TrapKind.PC_OUT_OF_RANGE, t.kind());
    assertEquals(
        "trap: pc out of range: no instruction at pc 2: the program's instructions are 0 to 1\n"
            + "  at pc 2\n"
            + "  after 2 instructions",
        t.message());
    assertNull(t.instruction());
    assertNull(t.source());
  }

  @Test
  void emptyProgram() {
    Trap t = Runs.trapped(new Program());
    assertEquals("the program has no instructions", t.detail());
    assertEquals(0, t.step());
  }

  @Test
  void trapsArePrecise() throws Exception {
    // The trapping vld with post-increment must not touch its base, the register or counters.
    Program p =
        new Program()
            .data(WMEM, 0, Rows.bytes(7, 7, 7, 7))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
            .add(li(4, 1024 - 16))
            .add(mem(Opcode.VLD, 1, WMEM, 4, 0, true));
    Simulator s = p.load(Program.smallMachine());
    RunResult r = s.run(100);
    assertEquals(RunResult.Stop.TRAPPED, r.stop());
    assertEquals(2, r.steps());
    assertEquals(1024 - 16, s.scalar(4));
    assertArrayEquals(new long[] {7, 7, 7, 7}, s.vector(1));
    assertEquals(1, s.counters().executed(Opcode.VLD));
    assertEquals(256, s.counters().bitsRead(WMEM));
    assertEquals(3, s.counters().wordsFetched());
    assertEquals(2, s.pc());
  }

  @Test
  void aTrappedMachineStaysTrapped() {
    Simulator s = new Program().add(rri(Opcode.ADDI, 1, 1, 1)).word(0).load(Program.smallMachine());
    RunResult first = s.run(100);
    RunResult again = s.run(100);
    assertEquals(RunResult.Stop.TRAPPED, again.stop());
    assertEquals(0, again.steps());
    assertEquals(first.trap(), again.trap());
    assertEquals(1, s.scalar(1));
    assertEquals(1, s.counters().steps());
  }

  @Test
  void aHaltedMachineStaysHalted() {
    Simulator s =
        new Program()
            .add(rri(Opcode.ADDI, 1, 1, 1))
            .add(op(Opcode.HALT))
            .load(Program.smallMachine());
    assertEquals(new RunResult(RunResult.Stop.HALTED, 2, null), s.run(100));
    assertEquals(new RunResult(RunResult.Stop.HALTED, 0, null), s.run(100));
    assertEquals(1, s.pc());
    assertEquals(2, s.counters().steps());
  }
}
