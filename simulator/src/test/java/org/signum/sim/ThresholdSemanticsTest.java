package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.rri;
import static org.signum.sim.Program.rrr;
import static org.signum.sim.Program.thr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;

class ThresholdSemanticsTest {

  /** a0 = acc, threshold t at tmem[0], v1 preset to {@code start}; runs op v1, rbit, a0. */
  private static long[] threshold(Opcode op, int acc, int t, int rbit, long[] start) {
    Program p =
        new Program()
            .data(TMEM, 0, Rows.bytes(t & 0xFFFF_FFFFL))
            .data(WMEM, 0, Rows.bytes(start))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
            .add(li(1, acc))
            .add(rrr(Opcode.ASET, 0, 1, 0))
            .add(li(2, rbit))
            .add(thr(op, 1, 2, 0, TMEM, 0, 0, false));
    return Runs.halted(p).vector(1);
  }

  @ParameterizedTest(name = "acc {0} vs threshold {1}: thr sets {2}")
  @CsvSource({
    "5, 5, true",
    "6, 5, true",
    "4, 5, false",
    "-3, -3, true",
    "-4, -3, false",
    "0, -2147483648, true",
    "-2147483648, 2147483647, false",
  })
  void thrComparesAgainstASignedThreshold(int acc, int t, boolean fires) {
    long[] out = threshold(Opcode.THR, acc, t, 3, new long[4]);
    assertArrayEquals(new long[] {fires ? 8 : 0, 0, 0, 0}, out);
    long[] rev = threshold(Opcode.THR_R, acc, t, 3, new long[4]);
    assertArrayEquals(new long[] {fires ? 0 : 8, 0, 0, 0}, rev);
  }

  @Test
  void thrWritesOneBitAndLeavesTheOthers() {
    long[] ones = {-1L, -1L, -1L, -1L};
    assertArrayEquals(
        new long[] {-1L, -1L & ~(1L << 6), -1L, -1L}, threshold(Opcode.THR, 0, 1, 70, ones));
    assertArrayEquals(new long[] {-1L, -1L, -1L, -1L}, threshold(Opcode.THR, 1, 1, 70, ones));
  }

  @ParameterizedTest(name = "rbit {0} is bit {1}")
  @CsvSource({"0, 0", "255, 255", "256, 0", "259, 3", "-1, 255", "-256, 0", "-2147483648, 0"})
  void theBitIndexIsTakenModuloTheWidth(int rbit, int bit) {
    long[] expected = new long[4];
    expected[bit / 64] = 1L << (bit % 64);
    assertArrayEquals(expected, threshold(Opcode.THR, 1, 0, rbit, new long[4]));
  }

  @Test
  void thrPostIncrementsAcrossPerChannelThresholds() {
    // Thresholds 10, 20, 30 for neurons 0..2; accumulator 20 fires neurons 0 and 1.
    Program p =
        new Program()
            .data(TMEM, 8, Rows.bytes(10L | 20L << 32, 30L))
            .add(li(3, 8))
            .add(rri(Opcode.AADDI, 0, 0, 20));
    for (int n = 0; n < 3; n++) {
      p.add(thr(Opcode.THR, 2, 4, 0, TMEM, 3, 0, true)).add(rri(Opcode.ADDI, 4, 4, 1));
    }
    Simulator s = Runs.halted(p);
    assertArrayEquals(new long[] {0b011, 0, 0, 0}, s.vector(2));
    assertEquals(20, s.scalar(3));
  }

  @Test
  void staStoresTheAccumulatorSignExtended() throws Exception {
    Program p =
        new Program()
            .add(rri(Opcode.AADDI, 1, 0, -2))
            .add(li(5, 16))
            .add(mem(Opcode.STA, 1, AMEM, 5, 0, true))
            .add(mem(Opcode.STA, 1, AMEM, 5, 0, false));
    Simulator s =
        Runs.halted(p, Program.smallMachine().with(MachineParameter.ACCUMULATOR_WIDTH, 8));
    assertArrayEquals(new byte[] {-2, -1, -1, -1, -2, -1, -1, -1}, s.readMemory(AMEM, 16, 8));
    assertEquals(20, s.scalar(5));
  }
}
