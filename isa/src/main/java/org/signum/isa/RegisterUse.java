package org.signum.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * The registers one instruction reads and writes, and the bits it moves through each: the data
 * dependences a cycle model follows and the register-file traffic an energy model prices. It
 * restates the semantics column of {@link Opcode} as data; {@code RegisterUseTest} checks that
 * every register operand of every instruction appears.
 */
public final class RegisterUse {
  /**
   * One register read or written.
   *
   * @param file the register file: scalar, vector or accumulator
   * @param index the register number
   * @param bits bits moved through the register file: the register's width, or fewer for a partial
   *     access ({@code thr} writes one bit of {@code vd}, and its read of {@code vd} moves no bits:
   *     it only orders the write after earlier writes of the same register)
   */
  public record Access(OperandKind file, int index, int bits) {}

  private final List<Access> reads;
  private final List<Access> writes;

  private RegisterUse(List<Access> reads, List<Access> writes) {
    this.reads = List.copyOf(reads);
    this.writes = List.copyOf(writes);
  }

  /** Registers read, in operand order. Reads of {@code r0} are listed: the port still reads. */
  public List<Access> reads() {
    return reads;
  }

  /**
   * Registers written: the destination first, then a post-incremented base. Writes to {@code r0}
   * are discarded by the machine and not listed.
   */
  public List<Access> writes() {
    return writes;
  }

  /** The registers {@code ins} reads and writes on machine {@code m}. */
  public static RegisterUse of(Instruction ins, MachineDescription m) {
    Builder u = new Builder(m);
    switch (ins.opcode()) {
      case NOP, HALT, DWAIT, J -> {}
      case LI, JAL -> u.writeScalar(ins.a());
      case ADD, SUB, AND, OR, XOR, SLL, SRL, SRA, MUL, SLT, SLTU -> {
        u.readScalar(ins.b()).readScalar(ins.c());
        u.writeScalar(ins.a());
      }
      case ADDI, ANDI, ORI, XORI, SLLI, SRLI, SRAI, SLTI -> {
        u.readScalar(ins.b());
        u.writeScalar(ins.a());
      }
      case BEQ, BNE, BLT, BGE, BLTU, BGEU -> u.readScalar(ins.b()).readScalar(ins.c());
      case JR -> u.readScalar(ins.b());
      case LOOP -> u.readScalar(ins.a()).writeScalar(ins.a());
      case LW -> {
        u.readScalar(ins.b());
        u.writeScalar(ins.a());
        u.postIncrement(ins);
      }
      case SW -> {
        u.readScalar(ins.a()).readScalar(ins.b());
        u.postIncrement(ins);
      }
      case VLD -> {
        u.readScalar(ins.b());
        u.writeVector(ins.a(), m.vectorWidth());
        u.postIncrement(ins);
      }
      case VST -> {
        u.readVector(ins.a(), m.vectorWidth()).readScalar(ins.b());
        u.postIncrement(ins);
      }
      case VXNOR, VAND, VOR, VXOR -> {
        u.readVector(ins.b(), m.vectorWidth()).readVector(ins.c(), m.vectorWidth());
        u.writeVector(ins.a(), m.vectorWidth());
      }
      case VNOT, VMOV -> {
        u.readVector(ins.b(), m.vectorWidth());
        u.writeVector(ins.a(), m.vectorWidth());
      }
      case VCLR -> u.writeVector(ins.a(), m.vectorWidth());
      case VMASK -> {
        u.readScalar(ins.b());
        u.writeVector(ins.a(), m.vectorWidth());
      }
      case POPACC -> {
        u.readVector(ins.b(), m.vectorWidth()).readAccumulator(ins.a());
        u.writeAccumulator(ins.a());
      }
      case XPOPACC, APOPACC -> {
        u.readVector(ins.b(), m.vectorWidth()).readVector(ins.c(), m.vectorWidth());
        u.readAccumulator(ins.a());
        u.writeAccumulator(ins.a());
      }
      case ACLR -> u.writeAccumulator(ins.a());
      case AADDI -> u.readAccumulator(ins.a()).writeAccumulator(ins.a());
      case ASHACC, ASHSUB -> {
        u.readAccumulator(ins.a()).readAccumulator(ins.b());
        u.writeAccumulator(ins.a());
      }
      case ASET -> {
        u.readScalar(ins.b());
        u.writeAccumulator(ins.a());
      }
      case AGET -> {
        u.readAccumulator(ins.b());
        u.writeScalar(ins.a());
      }
      case THR, THR_R -> {
        u.readScalar(ins.c()).readAccumulator(ins.d()).readScalar(ins.b());
        u.readVector(ins.a(), 0);
        u.writeVector(ins.a(), 1);
        u.postIncrement(ins);
      }
      case STA -> {
        u.readAccumulator(ins.a()).readScalar(ins.b());
        u.postIncrement(ins);
      }
      case DMA_LD, DMA_ST -> u.readScalar(ins.b()).readScalar(ins.c()).readScalar(ins.d());
    }
    return new RegisterUse(u.reads, u.writes);
  }

  private static final class Builder {
    private final MachineDescription machine;
    private final List<Access> reads = new ArrayList<>();
    private final List<Access> writes = new ArrayList<>();

    Builder(MachineDescription machine) {
      this.machine = machine;
    }

    Builder readScalar(int i) {
      reads.add(new Access(OperandKind.SCALAR_REGISTER, i, 32));
      return this;
    }

    Builder readVector(int i, int bits) {
      reads.add(new Access(OperandKind.VECTOR_REGISTER, i, bits));
      return this;
    }

    Builder readAccumulator(int i) {
      reads.add(new Access(OperandKind.ACCUMULATOR, i, machine.accumulatorWidth()));
      return this;
    }

    void writeScalar(int i) {
      if (i != 0) {
        writes.add(new Access(OperandKind.SCALAR_REGISTER, i, 32));
      }
    }

    void writeVector(int i, int bits) {
      writes.add(new Access(OperandKind.VECTOR_REGISTER, i, bits));
    }

    void writeAccumulator(int i) {
      writes.add(new Access(OperandKind.ACCUMULATOR, i, machine.accumulatorWidth()));
    }

    void postIncrement(Instruction ins) {
      if (ins.postIncrement()) {
        writeScalar(ins.b());
      }
    }
  }
}
