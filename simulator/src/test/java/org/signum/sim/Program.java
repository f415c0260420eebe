package org.signum.sim;

import java.util.ArrayList;
import java.util.List;
import org.signum.asm.ObjectFile;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;

/**
 * Builds test programs from {@link Instruction} records, standing in for the assembler. Branch
 * helpers take absolute instruction indices and encode the pc-relative distance.
 */
final class Program {
  static final MemorySpace WMEM = MemorySpace.WMEM;
  static final MemorySpace AMEM = MemorySpace.AMEM;
  static final MemorySpace TMEM = MemorySpace.TMEM;
  static final MemorySpace DRAM = MemorySpace.DRAM;

  private final List<Instruction> code = new ArrayList<>();
  private final List<Long> raw = new ArrayList<>();
  private final List<ObjectFile.DataSection> data = new ArrayList<>();
  private final List<ObjectFile.Symbol> symbols = new ArrayList<>();
  private int entry;

  /** A small machine: 256-bit vectors, 32-bit accumulators, small memories. */
  static MachineDescription smallMachine() {
    return MachineDescription.defaults()
        .named("test")
        .with(MachineParameter.WMEM_BYTES, 1024)
        .with(MachineParameter.AMEM_BYTES, 512)
        .with(MachineParameter.TMEM_BYTES, 256)
        .with(MachineParameter.DRAM_BYTES, 2048)
        .with(MachineParameter.IMEM_WORDS, 4096);
  }

  /** The index the next instruction gets. */
  int here() {
    return code.size();
  }

  Program add(Instruction ins) {
    code.add(ins);
    raw.add(ins.encode());
    return this;
  }

  /** Appends a raw word, valid or not. */
  Program word(long w) {
    code.add(null);
    raw.add(w);
    return this;
  }

  Program data(MemorySpace m, int address, byte[] bytes) {
    data.add(new ObjectFile.DataSection(m, address, bytes.clone()));
    return this;
  }

  /** Initial bytes given as ints, each taken modulo 256. */
  Program data(MemorySpace m, int address, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) bytes[k];
    }
    return data(m, address, b);
  }

  Program label(String name, int index) {
    symbols.add(new ObjectFile.Symbol(name, ObjectFile.SymbolKind.CODE, index));
    return this;
  }

  Program entry(int index) {
    entry = index;
    return this;
  }

  ObjectFile build(MachineDescription m) {
    return build(m.architecturalParameters());
  }

  ObjectFile build(java.util.Map<String, Long> params) {
    long[] words = new long[raw.size()];
    List<ObjectFile.LineEntry> lines = new ArrayList<>();
    for (int k = 0; k < words.length; k++) {
      words[k] = raw.get(k);
      lines.add(new ObjectFile.LineEntry(0, 10 + k, 9));
    }
    return new ObjectFile(
        params, entry, words, List.copyOf(data), List.copyOf(symbols), lines, List.of("t.s"));
  }

  Simulator load(MachineDescription m) {
    try {
      return new Simulator(m, build(m));
    } catch (SimulatorException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  // Instruction constructors, by operand shape.

  static Instruction op(Opcode op) {
    return Instruction.of(op);
  }

  static Instruction fields(Opcode op, int a, int b, int c, int d, int imm) {
    return new Instruction(op, a, b, c, d, 0, false, imm);
  }

  static Instruction li(int rd, int imm) {
    return fields(Opcode.LI, rd, 0, 0, 0, imm);
  }

  /** Three registers in fields a, b, c: scalar ALU ops, vector ALU ops, fused popcounts. */
  static Instruction rrr(Opcode op, int a, int b, int c) {
    return fields(op, a, b, c, 0, 0);
  }

  /** Two registers in fields a, b and an immediate. */
  static Instruction rri(Opcode op, int a, int b, int imm) {
    return fields(op, a, b, 0, 0, imm);
  }

  /**
   * A memory instruction: register field a, memory operand {@code m[rb + off]}, maybe {@code +}.
   */
  static Instruction mem(Opcode op, int a, MemorySpace m, int rb, int off, boolean postIncrement) {
    return new Instruction(op, a, rb, 0, 0, m.code(), postIncrement, off);
  }

  /** {@code thr}/{@code thr.r vd, rbit, as, m[rb + off]{+}}. */
  static Instruction thr(
      Opcode op, int vd, int rbit, int as, MemorySpace m, int rb, int off, boolean pi) {
    return new Instruction(op, vd, rb, rbit, as, m.code(), pi, off);
  }

  /** {@code dma.ld}/{@code dma.st m[rb + off], rdram, rlen}. */
  static Instruction dma(Opcode op, MemorySpace m, int rb, int off, int rdram, int rlen) {
    return new Instruction(op, 0, rb, rdram, rlen, m.code(), false, off);
  }

  /** A two-register branch at {@code pc} to absolute {@code target}. */
  static Instruction branch(Opcode op, int rs1, int rs2, int pc, int target) {
    return fields(op, 0, rs1, rs2, 0, target - pc);
  }

  static Instruction jump(int pc, int target) {
    return fields(Opcode.J, 0, 0, 0, 0, target - pc);
  }

  static Instruction jal(int rd, int pc, int target) {
    return fields(Opcode.JAL, rd, 0, 0, 0, target - pc);
  }

  static Instruction loop(int rc, int pc, int target) {
    return fields(Opcode.LOOP, rc, 0, 0, 0, target - pc);
  }
}
