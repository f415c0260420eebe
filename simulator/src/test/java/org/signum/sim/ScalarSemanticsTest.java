package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.rri;
import static org.signum.sim.Program.rrr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.isa.Opcode;

class ScalarSemanticsTest {

  private static int binary(Opcode op, int x, int y) {
    Simulator s = Runs.halted(new Program().add(li(1, x)).add(li(2, y)).add(rrr(op, 3, 1, 2)));
    return s.scalar(3);
  }

  private static int immediate(Opcode op, int x, int imm) {
    Simulator s = Runs.halted(new Program().add(li(1, x)).add(rri(op, 3, 1, imm)));
    return s.scalar(3);
  }

  @ParameterizedTest(name = "{0} {1}, {2} = {3}")
  @CsvSource({
    "ADD, 2147483647, 1, -2147483648",
    "ADD, -5, 3, -2",
    "SUB, -2147483648, 1, 2147483647",
    "SUB, 3, 5, -2",
    "AND, 12, 10, 8",
    "OR, 12, 10, 14",
    "XOR, 12, 10, 6",
    "SLL, 1, 31, -2147483648",
    "SLL, 1, 32, 1",
    "SLL, 3, 33, 6",
    "SLL, 1, -1, -2147483648",
    "SRL, -2147483648, 31, 1",
    "SRL, -1, 36, 268435455",
    "SRA, -2147483648, 31, -1",
    "SRA, -16, 34, -4",
    "SRA, 16, 2, 4",
    "MUL, 65536, 65536, 0",
    "MUL, -3, 7, -21",
    "MUL, 2147483647, 2, -2",
    "SLT, -1, 1, 1",
    "SLT, 1, -1, 0",
    "SLT, 4, 4, 0",
    "SLTU, -1, 1, 0",
    "SLTU, 1, -1, 1",
    "SLTU, 4, 4, 0",
  })
  void registerOperations(Opcode op, int x, int y, int expected) {
    assertEquals(expected, binary(op, x, y));
  }

  @ParameterizedTest(name = "{0} {1}, {2} = {3}")
  @CsvSource({
    "ADDI, 2147483647, 1, -2147483648",
    "ADDI, 10, -20, -10",
    "ANDI, -1, 255, 255",
    "ANDI, 240, -16, 240",
    "ORI, 1, -2, -1",
    "XORI, 5, -1, -6",
    "SLLI, 1, 31, -2147483648",
    "SLLI, 5, 0, 5",
    "SRLI, -1, 28, 15",
    "SRAI, -256, 4, -16",
    "SLTI, -3, -2, 1",
    "SLTI, -2, -2, 0",
    "SLTI, 0, -2147483648, 0",
  })
  void immediateOperations(Opcode op, int x, int imm, int expected) {
    assertEquals(expected, immediate(op, x, imm));
  }

  @Test
  void liLoadsAnyThirtyTwoBitValue() {
    Simulator s = Runs.halted(new Program().add(li(1, Integer.MIN_VALUE)).add(li(2, 0xFFFF_FFFF)));
    assertEquals(Integer.MIN_VALUE, s.scalar(1));
    assertEquals(-1, s.scalar(2));
  }

  @Test
  void r0ReadsZeroAndDiscardsWrites() {
    Simulator s =
        Runs.halted(
            new Program()
                .add(li(0, 99))
                .add(rri(Opcode.ADDI, 0, 0, 7))
                .add(rri(Opcode.ADDI, 1, 0, 5))
                .add(rrr(Opcode.ADD, 2, 0, 1)));
    assertEquals(0, s.scalar(0));
    assertEquals(5, s.scalar(1));
    assertEquals(5, s.scalar(2));
  }

  @Test
  void sourceAndDestinationMayBeTheSameRegister() {
    Simulator s =
        Runs.halted(
            new Program()
                .add(li(1, 3))
                .add(rrr(Opcode.MUL, 1, 1, 1))
                .add(rrr(Opcode.ADD, 1, 1, 1)));
    assertEquals(18, s.scalar(1));
  }
}
