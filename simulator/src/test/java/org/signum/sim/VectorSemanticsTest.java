package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.rrr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.isa.Opcode;

class VectorSemanticsTest {
  private final long[] rowA = {0xF0F0_0000_FFFF_1234L, -1L, 0, 0x8000_0000_0000_0001L};
  private final long[] rowB = {0xFF00_FF00_FF00_FF00L, 0x0123_4567_89AB_CDEFL, -1L, 1};

  /** Loads rowA into v1 and rowB into v2, then runs {@code op v3, v1, v2}. */
  private long[] apply(Opcode op) {
    Program p =
        new Program()
            .data(WMEM, 0, Rows.bytes(rowA))
            .data(WMEM, 32, Rows.bytes(rowB))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
            .add(mem(Opcode.VLD, 2, WMEM, 0, 32, false))
            .add(rrr(op, 3, 1, 2));
    return Runs.halted(p).vector(3);
  }

  private long[] each(java.util.function.LongBinaryOperator f) {
    long[] out = new long[rowA.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = f.applyAsLong(rowA[k], rowB[k]);
    }
    return out;
  }

  @Test
  void bitwiseOperations() {
    assertArrayEquals(each((x, y) -> ~(x ^ y)), apply(Opcode.VXNOR));
    assertArrayEquals(each((x, y) -> x & y), apply(Opcode.VAND));
    assertArrayEquals(each((x, y) -> x | y), apply(Opcode.VOR));
    assertArrayEquals(each((x, y) -> x ^ y), apply(Opcode.VXOR));
  }

  @Test
  void unaryOperationsIgnoreTheSecondSource() {
    Program p =
        new Program()
            .data(WMEM, 0, Rows.bytes(rowA))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
            .add(rrr(Opcode.VNOT, 2, 1, 0))
            .add(rrr(Opcode.VMOV, 3, 1, 0))
            .add(rrr(Opcode.VMOV, 4, 1, 0))
            .add(rrr(Opcode.VCLR, 4, 0, 0));
    Simulator s = Runs.halted(p);
    assertArrayEquals(each((x, y) -> ~x), s.vector(2));
    assertArrayEquals(rowA, s.vector(3));
    assertArrayEquals(new long[4], s.vector(4));
    assertArrayEquals(rowA, s.vector(1));
  }

  @Test
  void destinationMayAlsoBeASource() {
    Program p =
        new Program()
            .data(WMEM, 0, Rows.bytes(rowA))
            .data(WMEM, 32, Rows.bytes(rowB))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
            .add(mem(Opcode.VLD, 2, WMEM, 0, 32, false))
            .add(rrr(Opcode.VXOR, 1, 1, 2));
    assertArrayEquals(each((x, y) -> x ^ y), Runs.halted(p).vector(1));
  }

  @ParameterizedTest(name = "vmask with {0}")
  @CsvSource({
    "-2147483648, 0, 0, 0, 0",
    "-5, 0, 0, 0, 0",
    "0, 0, 0, 0, 0",
    "1, 1, 0, 0, 0",
    "63, 9223372036854775807, 0, 0, 0",
    "64, -1, 0, 0, 0",
    "65, -1, 1, 0, 0",
    "200, -1, -1, -1, 255",
    "256, -1, -1, -1, -1",
    "257, -1, -1, -1, -1",
    "2147483647, -1, -1, -1, -1",
  })
  void vmaskSetsAPrefix(int count, long w0, long w1, long w2, long w3) {
    Program p =
        new Program()
            .data(WMEM, 0, Rows.bytes(rowA))
            .add(mem(Opcode.VLD, 5, WMEM, 0, 0, false))
            .add(li(1, count))
            .add(new org.signum.isa.Instruction(Opcode.VMASK, 5, 1, 0, 0, 0, false, 0));
    assertArrayEquals(new long[] {w0, w1, w2, w3}, Runs.halted(p).vector(5));
  }
}
