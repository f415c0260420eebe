package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.mem;

import org.junit.jupiter.api.Test;
import org.signum.isa.Opcode;

class MemorySemanticsTest {

  @Test
  void lwReadsLittleEndian() {
    Program p =
        new Program()
            .data(AMEM, 8, (byte) 0x78, (byte) 0x56, (byte) 0x34, (byte) 0x12, 1, 0, 0, (byte) 0x80)
            .add(mem(Opcode.LW, 1, AMEM, 0, 8, false))
            .add(mem(Opcode.LW, 2, AMEM, 0, 12, false));
    Simulator s = Runs.halted(p);
    assertEquals(0x12345678, s.scalar(1));
    assertEquals(0x80000001, s.scalar(2));
  }

  @Test
  void swWritesLittleEndianAndLeavesNeighbours() throws Exception {
    Program p =
        new Program()
            .data(WMEM, 0, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9})
            .add(li(1, 0xA1B2C3D4))
            .add(mem(Opcode.SW, 1, WMEM, 0, 4, false));
    Simulator s = Runs.halted(p);
    assertArrayEquals(
        new byte[] {9, 9, 9, 9, (byte) 0xD4, (byte) 0xC3, (byte) 0xB2, (byte) 0xA1, 9, 9, 9, 9},
        s.readMemory(WMEM, 0, 12));
  }

  @Test
  void baseRegisterPlusOffsetAndPostIncrement() {
    Program p =
        new Program()
            .data(TMEM, 16, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0)
            .add(li(5, 20))
            .add(mem(Opcode.LW, 1, TMEM, 5, -4, true))
            .add(mem(Opcode.LW, 2, TMEM, 5, -4, true))
            .add(mem(Opcode.LW, 3, TMEM, 5, -4, false));
    Simulator s = Runs.halted(p);
    assertEquals(1, s.scalar(1));
    assertEquals(2, s.scalar(2));
    assertEquals(3, s.scalar(3));
    assertEquals(28, s.scalar(5));
  }

  @Test
  void loadIntoTheBaseRegisterKeepsTheLoadedValue() {
    Program p =
        new Program()
            .data(AMEM, 4, 42, 0, 0, 0)
            .add(li(1, 4))
            .add(mem(Opcode.LW, 1, AMEM, 1, 0, true));
    assertEquals(42, Runs.halted(p).scalar(1));
  }

  @Test
  void storeOfTheBaseRegisterStoresItsOldValue() throws Exception {
    Program p = new Program().add(li(1, 8)).add(mem(Opcode.SW, 1, AMEM, 1, 0, true));
    Simulator s = Runs.halted(p);
    assertArrayEquals(new byte[] {8, 0, 0, 0}, s.readMemory(AMEM, 8, 4));
    assertEquals(12, s.scalar(1));
  }

  @Test
  void postIncrementOfR0IsDiscarded() {
    Program p =
        new Program()
            .data(AMEM, 0, 7, 0, 0, 0)
            .add(mem(Opcode.LW, 1, AMEM, 0, 0, true))
            .add(mem(Opcode.LW, 2, AMEM, 0, 0, true));
    Simulator s = Runs.halted(p);
    assertEquals(0, s.scalar(0));
    assertEquals(7, s.scalar(2));
  }

  @Test
  void vldPlacesElementIAtBitIModEightOfByteIOverEight() {
    byte[] row = new byte[32];
    row[0] = 0b0000_0101; // elements 0 and 2
    row[8] = (byte) 0x80; // element 71
    row[31] = (byte) 0x80; // element 255
    Program p =
        new Program().data(WMEM, 64, row).add(li(6, 64)).add(mem(Opcode.VLD, 1, WMEM, 6, 0, true));
    Simulator s = Runs.halted(p);
    assertArrayEquals(new long[] {0b101, 1L << 7, 0, 1L << 63}, s.vector(1));
    assertEquals(96, s.scalar(6));
  }

  @Test
  void vstIsTheInverseOfVld() throws Exception {
    byte[] row = new byte[32];
    for (int k = 0; k < row.length; k++) {
      row[k] = (byte) (k * 37 + 11);
    }
    Program p =
        new Program()
            .data(WMEM, 0, row)
            .add(mem(Opcode.VLD, 3, WMEM, 0, 0, false))
            .add(li(2, 128))
            .add(mem(Opcode.VST, 3, AMEM, 2, 32, true));
    Simulator s = Runs.halted(p);
    assertArrayEquals(row, s.readMemory(AMEM, 160, 32));
    assertEquals(160, s.scalar(2));
  }

  @Test
  void rowsLoadAtTheLastAddressThatFits() throws Exception {
    Program p =
        new Program()
            .data(AMEM, 512 - 32, new byte[] {1, 2, 3})
            .add(mem(Opcode.VLD, 0, AMEM, 0, 512 - 32, false));
    Simulator s = Runs.halted(p);
    assertEquals(0x030201L, s.vector(0)[0]);
  }

  @Test
  void hostReadsAndWritesAnyByte() throws Exception {
    Simulator s = new Program().add(Program.op(Opcode.HALT)).load(Program.smallMachine());
    s.writeMemory(Program.DRAM, 3, new byte[] {1, 2, 3, 4, 5, 6, 7});
    assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 0}, s.readMemory(Program.DRAM, 2, 9));
    assertEquals(2048, s.memorySize(Program.DRAM));
  }
}
