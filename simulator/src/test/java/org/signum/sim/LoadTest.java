package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.DRAM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.op;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;

class LoadTest {
  private static final MachineDescription M = Program.smallMachine();

  private static String refusal(MachineDescription m, ObjectFile f) {
    return assertThrows(SimulatorException.class, () -> new Simulator(m, f)).getMessage();
  }

  @Test
  void refusesAProgramBuiltForAnotherMachine() {
    MachineDescription built =
        M.with(MachineParameter.VECTOR_WIDTH, 512).with(MachineParameter.ACCUMULATOR_WIDTH, 16);
    ObjectFile f = new Program().add(op(Opcode.HALT)).build(built);
    assertEquals(
        "object file was built for another machine than 'test':\n"
            + "  vector_width: object file built for 512, machine has 256\n"
            + "  accumulator_width: object file built for 16, machine has 32",
        refusal(M, f));
  }

  @Test
  void timingParametersMayDiffer() throws Exception {
    ObjectFile f = new Program().add(op(Opcode.HALT)).build(M);
    new Simulator(M.with(MachineParameter.CLOCK_MHZ, 1000), f);
  }

  @Test
  void refusesUnknownAndMissingParameters() {
    Map<String, Long> params = new LinkedHashMap<>(M.architecturalParameters());
    params.remove("dram_bytes");
    params.put("warp_drive", 1L);
    ObjectFile f = new Program().add(op(Opcode.HALT)).build(params);
    String msg = refusal(M, f);
    assertEquals(
        "object file was built for another machine than 'test':\n"
            + "  warp_drive: object file records a parameter this version does not know\n"
            + "  dram_bytes: not recorded in the object file",
        msg);
  }

  @Test
  void refusesDataOutsideItsMemory() {
    ObjectFile past = new Program().data(TMEM, 250, new byte[8]).add(op(Opcode.HALT)).build(M);
    assertEquals(
        "data section of 8 bytes at tmem address 250 lies outside tmem, which holds 256 bytes",
        refusal(M, past));
    ObjectFile negative = new Program().data(WMEM, -8, new byte[8]).add(op(Opcode.HALT)).build(M);
    assertEquals(
        "data section of 8 bytes at wmem address -8 lies outside wmem, which holds 1024 bytes",
        refusal(M, negative));
    MachineDescription noAmem = M.with(MachineParameter.AMEM_BYTES, 0);
    ObjectFile absent = new Program().data(AMEM, 0, new byte[1]).add(op(Opcode.HALT)).build(noAmem);
    assertEquals(
        "data section of 1 bytes at amem address 0 lies outside amem: this machine has no amem"
            + " (amem_bytes = 0)",
        refusal(noAmem, absent));
  }

  @Test
  void refusesAProgramLargerThanInstructionMemory() {
    MachineDescription tiny = M.with(MachineParameter.IMEM_WORDS, 2);
    ObjectFile f =
        new Program().add(op(Opcode.NOP)).add(op(Opcode.NOP)).add(op(Opcode.HALT)).build(tiny);
    assertEquals(
        "program has 3 instructions; instruction memory holds 2 (imem_words)", refusal(tiny, f));
  }

  @Test
  void refusesAnEntryOutsideInstructionMemory() {
    ObjectFile f = new Program().add(op(Opcode.HALT)).entry(-1).build(M);
    assertEquals("entry point -1 is outside instruction memory [0, 4096)", refusal(M, f));
  }

  @Test
  void refusesAnIncompleteObjectFile() {
    ObjectFile f = new ObjectFile(M.architecturalParameters(), 0, null, null, null, null, null);
    assertEquals(
        "object file is incomplete: it lacks its machine parameters, code, data, line table or"
            + " file names",
        refusal(M, f));
  }

  @Test
  void startsAtTheEntryWithDataLoadedAndEverythingElseZero() throws Exception {
    ObjectFile f =
        new Program()
            .data(DRAM, 2040, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
            .data(AMEM, 3, new byte[] {9})
            .add(op(Opcode.NOP))
            .add(op(Opcode.HALT))
            .entry(1)
            .build(M);
    Simulator s = new Simulator(M, f);
    assertEquals(1, s.pc());
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, s.readMemory(DRAM, 2040, 8));
    assertArrayEquals(new byte[] {0, 0, 0, 9, 0}, s.readMemory(AMEM, 0, 5));
    assertArrayEquals(new long[4], s.vector(15));
    assertEquals(0, s.scalar(31));
    assertEquals(0, s.accumulator(7));
    assertEquals(new RunResult(RunResult.Stop.HALTED, 1, null), s.run(10));
    assertEquals(M, s.machine());
    assertEquals(f, s.program());
  }

  @Test
  void hostAccessOutsideAMemoryIsRefusedClearly() {
    Simulator s = new Program().add(op(Opcode.HALT)).load(M);
    assertEquals(
        "cannot write 16 bytes at tmem address 248: tmem holds bytes 0 to 255",
        assertThrows(SimulatorException.class, () -> s.writeMemory(TMEM, 248, new byte[16]))
            .getMessage());
    assertEquals(
        "cannot read 4 bytes at dram address -4: dram holds bytes 0 to 2047",
        assertThrows(SimulatorException.class, () -> s.readMemory(DRAM, -4, 4)).getMessage());
    assertEquals(
        "cannot read -1 bytes at wmem address 0: the length is negative",
        assertThrows(SimulatorException.class, () -> s.readMemory(WMEM, 0, -1)).getMessage());
    Simulator none =
        new Program().add(op(Opcode.HALT)).load(M.with(MachineParameter.DRAM_BYTES, 0));
    assertEquals(
        "cannot write 1 bytes at dram address 0: this machine has no dram (dram_bytes = 0)",
        assertThrows(SimulatorException.class, () -> none.writeMemory(DRAM, 0, new byte[1]))
            .getMessage());
  }

  @Test
  void registerAccessorsCheckTheirIndex() {
    Simulator s = new Program().add(op(Opcode.HALT)).load(M);
    assertThrows(IndexOutOfBoundsException.class, () -> s.scalar(32));
    assertThrows(IndexOutOfBoundsException.class, () -> s.vector(16));
    assertThrows(IndexOutOfBoundsException.class, () -> s.accumulator(-1));
  }
}
