package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.fields;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.rri;
import static org.signum.sim.Program.rrr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;

class AccumulatorSemanticsTest {
  private final long[] rowA = {0xF0F0_0000_FFFF_1234L, -1L, 0, 0x8000_0000_0000_0001L};
  private final long[] rowB = {0xFF00_FF00_FF00_FF00L, 0x0123_4567_89AB_CDEFL, -1L, 1};

  private static MachineDescription width(int aw) {
    return Program.smallMachine().with(MachineParameter.ACCUMULATOR_WIDTH, aw);
  }

  private Program rows() {
    return new Program()
        .data(WMEM, 0, Rows.bytes(rowA))
        .data(WMEM, 32, Rows.bytes(rowB))
        .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
        .add(mem(Opcode.VLD, 2, WMEM, 0, 32, false));
  }

  private long popcount(java.util.function.LongBinaryOperator f) {
    long n = 0;
    for (int k = 0; k < rowA.length; k++) {
      n += Long.bitCount(f.applyAsLong(rowA[k], rowB[k]));
    }
    return n;
  }

  @Test
  void popcountsAccumulate() {
    Program p =
        rows()
            .add(rri(Opcode.AADDI, 0, 0, 1000))
            .add(rrr(Opcode.POPACC, 0, 1, 0))
            .add(rrr(Opcode.XPOPACC, 1, 1, 2))
            .add(rrr(Opcode.XPOPACC, 1, 1, 2))
            .add(rrr(Opcode.APOPACC, 2, 1, 2));
    Simulator s = Runs.halted(p);
    assertEquals(1000 + popcount((x, y) -> x), s.accumulator(0));
    assertEquals(2 * popcount((x, y) -> ~(x ^ y)), s.accumulator(1));
    assertEquals(popcount((x, y) -> x & y), s.accumulator(2));
  }

  @Test
  void xpopaccOfARowWithItselfIsTheWidth() {
    Program p = rows().add(rrr(Opcode.XPOPACC, 3, 2, 2));
    assertEquals(256, Runs.halted(p).accumulator(3));
  }

  @ParameterizedTest(name = "AW={0}: {1} + {2} = {3}")
  @CsvSource({
    "8, 127, 1, -128",
    "8, -128, -1, 127",
    "8, 0, 300, 44",
    "16, 32767, 1, -32768",
    "16, -32768, -32768, 0",
    "32, 2147483647, 1, -2147483648",
    "32, -2147483648, -1, 2147483647",
    "12, 2047, 1, -2048",
  })
  void aaddiWrapsAtTheAccumulatorWidth(int aw, int start, int add, long expected) {
    Program p =
        new Program()
            .add(li(1, start))
            .add(rrr(Opcode.ASET, 0, 1, 0))
            .add(rri(Opcode.AADDI, 0, 0, add));
    assertEquals(expected, Runs.halted(p, width(aw)).accumulator(0));
  }

  @Test
  void popcountWrapsAtEightBits() {
    // 256 agreeing positions, accumulated once: 256 mod 2^8 = 0; then +127 more ones of v1.
    Program p =
        rows()
            .add(rrr(Opcode.XPOPACC, 0, 1, 1))
            .add(rri(Opcode.AADDI, 0, 0, 127))
            .add(rrr(Opcode.XPOPACC, 1, 2, 2))
            .add(rrr(Opcode.XPOPACC, 1, 2, 2));
    Simulator s = Runs.halted(p, width(8));
    assertEquals(127, s.accumulator(0));
    assertEquals(0, s.accumulator(1));
  }

  @ParameterizedTest(name = "AW={0}: aset {1} reads {2}")
  @CsvSource({
    "8, 200, -56",
    "8, -129, 127",
    "16, 65535, -1",
    "16, 40000, -25536",
    "32, -7, -7",
  })
  void asetWrapsAndAgetSignExtends(int aw, int value, long expected) {
    Program p =
        new Program()
            .add(li(1, value))
            .add(rrr(Opcode.ASET, 2, 1, 0))
            .add(rrr(Opcode.AGET, 3, 2, 0));
    Simulator s = Runs.halted(p, width(aw));
    assertEquals(expected, s.accumulator(2));
    assertEquals(expected, s.scalar(3));
  }

  @Test
  void shiftAccumulateAndSubtract() {
    Program p =
        new Program()
            .add(rri(Opcode.AADDI, 0, 0, 5))
            .add(rri(Opcode.AADDI, 1, 0, 3))
            .add(fields(Opcode.ASHACC, 0, 1, 0, 0, 4))
            .add(rri(Opcode.AADDI, 2, 0, 100))
            .add(fields(Opcode.ASHSUB, 2, 1, 0, 0, 2))
            .add(fields(Opcode.ASHACC, 1, 1, 0, 0, 1))
            .add(rri(Opcode.AADDI, 3, 0, -1))
            .add(fields(Opcode.ASHSUB, 3, 3, 0, 0, 0));
    Simulator s = Runs.halted(p);
    assertEquals(5 + (3 << 4), s.accumulator(0));
    assertEquals(100 - (3 << 2), s.accumulator(2));
    assertEquals(3 + (3 << 1), s.accumulator(1));
    assertEquals(0, s.accumulator(3));
  }

  @Test
  void shiftAccumulateWrapsAtTheWidth() {
    Program p =
        new Program()
            .add(rri(Opcode.AADDI, 1, 0, 3))
            .add(fields(Opcode.ASHACC, 0, 1, 0, 0, 31))
            .add(rri(Opcode.AADDI, 2, 0, 1))
            .add(fields(Opcode.ASHACC, 2, 2, 0, 0, 15));
    Simulator s = Runs.halted(p, width(16));
    assertEquals(0, s.accumulator(0));
    assertEquals(1 - 32768, s.accumulator(2));
  }

  @Test
  void aclrClears() {
    Program p = new Program().add(rri(Opcode.AADDI, 4, 0, -9)).add(rrr(Opcode.ACLR, 4, 0, 0));
    assertEquals(0, Runs.halted(p).accumulator(4));
  }
}
