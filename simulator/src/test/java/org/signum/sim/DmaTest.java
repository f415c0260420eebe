package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.DRAM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.dma;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.thr;

import org.junit.jupiter.api.Test;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;

class DmaTest {

  /** r1 = DRAM address, r2 = length, r3 = on-chip base. */
  private static Program setup(int dram, int len, int onChip) {
    return new Program().add(li(1, dram)).add(li(2, len)).add(li(3, onChip));
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int k = 0; k < n; k++) {
      b[k] = (byte) (k * 13 + 1);
    }
    return b;
  }

  @Test
  void loadCopiesAtIssueAndIsReadableAfterDwait() throws Exception {
    Program p =
        setup(64, 64, 32)
            .data(DRAM, 64, pattern(64))
            .add(dma(Opcode.DMA_LD, WMEM, 3, 8, 1, 2))
            .add(op(Opcode.DWAIT))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 40, false));
    Simulator s = Runs.halted(p);
    assertArrayEquals(pattern(64), s.readMemory(WMEM, 40, 64));
    assertArrayEquals(Rows.words(java.util.Arrays.copyOf(pattern(64), 32)), s.vector(1));
  }

  @Test
  void storeCopiesOnChipBytesToDram() throws Exception {
    Program p =
        setup(1024, 16, 0)
            .data(AMEM, 0, pattern(16))
            .add(dma(Opcode.DMA_ST, AMEM, 3, 0, 1, 2))
            .add(op(Opcode.DWAIT));
    Simulator s = Runs.halted(p);
    assertArrayEquals(pattern(16), s.readMemory(DRAM, 1024, 16));
  }

  @Test
  void readingALoadDestinationBeforeDwaitTraps() {
    Program p =
        setup(0, 64, 0)
            .add(dma(Opcode.DMA_LD, AMEM, 3, 64, 1, 2))
            .add(op(Opcode.NOP))
            .add(mem(Opcode.LW, 5, AMEM, 0, 124, false));
    Trap t = Runs.trapped(p);
    assertEquals(TrapKind.DMA_HAZARD, t.kind());
    assertEquals(
        "trap: DMA hazard: lw reads amem bytes [124, 128) while dma.ld at pc 3 may still be"
            + " writing them; dwait first\n"
            + "  at pc 5: lw r5, amem[r0 + 124]\n"
            + "  source t.s:15, after 5 instructions",
        t.message());
  }

  @Test
  void bytesBesideTheTransferAreFree() {
    Program p =
        setup(0, 64, 0)
            .add(dma(Opcode.DMA_LD, AMEM, 3, 64, 1, 2))
            .add(mem(Opcode.LW, 5, AMEM, 0, 60, false))
            .add(mem(Opcode.SW, 5, AMEM, 0, 128, false))
            .add(mem(Opcode.VLD, 5, WMEM, 0, 64, false));
    Runs.halted(p);
  }

  @Test
  void writingALoadDestinationBeforeDwaitTraps() {
    Program p =
        setup(0, 8, 0)
            .add(dma(Opcode.DMA_LD, TMEM, 3, 0, 1, 2))
            .add(mem(Opcode.STA, 0, TMEM, 0, 4, false));
    Trap t = Runs.trapped(p);
    assertEquals(TrapKind.DMA_HAZARD, t.kind());
    assertEquals(
        "sta writes tmem bytes [4, 8) while dma.ld at pc 3 may still be writing them; dwait first",
        t.detail());
  }

  @Test
  void aStoreSourceMayBeReadButNotWrittenBeforeDwait() {
    Program reads =
        setup(0, 32, 0)
            .add(dma(Opcode.DMA_ST, WMEM, 3, 0, 1, 2))
            .add(mem(Opcode.VLD, 1, WMEM, 0, 0, false))
            .add(thr(Opcode.THR, 1, 0, 0, WMEM, 0, 4, false));
    Runs.halted(reads);

    Program writes =
        setup(0, 32, 0)
            .add(dma(Opcode.DMA_ST, WMEM, 3, 0, 1, 2))
            .add(mem(Opcode.VST, 1, WMEM, 0, 0, false));
    Trap t = Runs.trapped(writes);
    assertEquals(
        "vst writes wmem bytes [0, 32) while dma.st at pc 3 may still be reading them; dwait first",
        t.detail());
  }

  @Test
  void dwaitEndsEveryHazard() {
    Program p =
        setup(0, 64, 0)
            .add(li(4, 512))
            .add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))
            .add(dma(Opcode.DMA_ST, WMEM, 3, 0, 4, 2))
            .add(op(Opcode.DWAIT))
            .add(mem(Opcode.VLD, 1, AMEM, 0, 0, false))
            .add(mem(Opcode.VST, 1, WMEM, 0, 0, false));
    Runs.halted(p);
  }

  @Test
  void transfersThatRaceOnEitherSideTrap() {
    // A load into amem, then a store out of the same amem bytes: the store reads what the load
    // writes.
    Program onChip =
        setup(0, 64, 0)
            .add(li(4, 512))
            .add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))
            .add(dma(Opcode.DMA_ST, AMEM, 3, 32, 4, 2));
    assertEquals(
        "dma.st reads amem bytes [32, 96) while dma.ld at pc 4 may still be writing them; dwait"
            + " first",
        Runs.trapped(onChip).detail());

    // A store to DRAM, then a load of the same DRAM bytes into another memory.
    Program dram =
        setup(256, 64, 0)
            .add(dma(Opcode.DMA_ST, AMEM, 3, 0, 1, 2))
            .add(dma(Opcode.DMA_LD, WMEM, 3, 0, 1, 2));
    Trap t = Runs.trapped(dram);
    assertEquals(TrapKind.DMA_HAZARD, t.kind());
    assertEquals(
        "dma.ld reads dram bytes [256, 320) while dma.st at pc 3 may still be writing them; dwait"
            + " first",
        t.detail());

    // Two loads of the same DRAM bytes into different memories only read DRAM: no race.
    Program shared =
        setup(256, 64, 0)
            .add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))
            .add(dma(Opcode.DMA_LD, WMEM, 3, 0, 1, 2));
    Runs.halted(shared);
  }

  @Test
  void zeroLengthTransfersTouchNothing() {
    Program p =
        setup(0, 0, 0)
            .add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))
            .add(mem(Opcode.VLD, 1, AMEM, 0, 0, false));
    Simulator s = Runs.halted(p);
    assertEquals(1, s.counters().executed(Opcode.DMA_LD));
    assertEquals(0, s.counters().dmaBytesIn(AMEM));
  }

  @Test
  void missingMemories() {
    var noTmem = Program.smallMachine().with(MachineParameter.TMEM_BYTES, 0);
    Trap t = Runs.trapped(setup(0, 0, 0).add(dma(Opcode.DMA_LD, TMEM, 3, 0, 1, 2)), noTmem);
    assertEquals(TrapKind.DMA_MISSING_MEMORY, t.kind());
    assertEquals("dma.ld: this machine has no tmem (tmem_bytes = 0)", t.detail());

    var noDram = Program.smallMachine().with(MachineParameter.DRAM_BYTES, 0);
    Trap d = Runs.trapped(setup(0, 8, 0).add(dma(Opcode.DMA_ST, AMEM, 3, 0, 1, 2)), noDram);
    assertEquals(TrapKind.DMA_MISSING_MEMORY, d.kind());
    assertEquals("dma.st: this machine has no dram (dram_bytes = 0)", d.detail());
  }

  @Test
  void alignmentOfAddressesAndLength() {
    assertEquals(
        "dma.ld amem address 4 is not a multiple of 8",
        Runs.trapped(setup(0, 8, 4).add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))).detail());
    assertEquals(
        "dma.ld dram address r1 = 12 is not a multiple of 8",
        Runs.trapped(setup(12, 8, 0).add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))).detail());
    Trap len = Runs.trapped(setup(0, 12, 0).add(dma(Opcode.DMA_ST, AMEM, 3, 0, 1, 2)));
    assertEquals(TrapKind.MISALIGNED_ACCESS, len.kind());
    assertEquals("dma.st length r2 = 12 is not a multiple of 8", len.detail());
  }

  @Test
  void rangesOfBothSides() {
    Trap onChip = Runs.trapped(setup(0, 64, 480).add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2)));
    assertEquals(TrapKind.ADDRESS_OUT_OF_RANGE, onChip.kind());
    assertEquals(
        "dma.ld amem address 480 + 64 bytes runs past the end of amem (512 bytes)",
        onChip.detail());
    assertEquals(
        "dma.st dram address r1 = 2040 + 16 bytes runs past the end of dram (2048 bytes)",
        Runs.trapped(setup(2040, 16, 0).add(dma(Opcode.DMA_ST, AMEM, 3, 0, 1, 2))).detail());
    assertEquals(
        "dma.ld length r2 = -8 is negative",
        Runs.trapped(setup(0, -8, 0).add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))).detail());
    assertEquals(
        "dma.ld dram address r1 = -64 is below the start of dram",
        Runs.trapped(setup(-64, 8, 0).add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))).detail());
  }

  @Test
  void aTrappingTransferCopiesNothing() throws Exception {
    Program p =
        setup(0, 64, 0)
            .data(DRAM, 0, pattern(64))
            .add(li(4, 2040))
            .add(dma(Opcode.DMA_LD, AMEM, 3, 0, 1, 2))
            .add(dma(Opcode.DMA_ST, AMEM, 3, 0, 4, 2));
    Simulator s = p.load(Program.smallMachine());
    assertEquals(RunResult.Stop.TRAPPED, s.run(100).stop());
    assertArrayEquals(new byte[8], s.readMemory(DRAM, 2040, 8));
    assertEquals(0, s.counters().dmaBytesOut(AMEM));
    assertEquals(64, s.counters().dmaBytesIn(AMEM));
  }
}
