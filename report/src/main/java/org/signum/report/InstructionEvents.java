package org.signum.report;

import java.util.ArrayList;
import java.util.List;
import org.signum.energy.Action;
import org.signum.energy.Event;
import org.signum.isa.InsnClass;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.OperandKind;
import org.signum.isa.RegisterUse;

/**
 * The events one execution of an instruction causes, for pricing: the fetch of its word, its
 * register reads and writes ({@link RegisterUse}), its arithmetic and logic, and its memory
 * accesses. {@code docs/energy-model.md} tabulates them. Each instruction moves a fixed number of
 * bits, except a DMA, whose bytes come from the run; {@link #dma} gives those per byte.
 */
final class InstructionEvents {
  private InstructionEvents() {}

  /** The events of one execution of {@code ins} on {@code m}, DMA bytes apart. */
  static List<Charge> of(Instruction ins, MachineDescription m) {
    List<Charge> out = new ArrayList<>();
    out.add(sram(EventClass.FETCH, Level.IMEM, m, false, Role.OTHER, 64));
    RegisterUse use = RegisterUse.of(ins, m);
    for (RegisterUse.Access a : use.reads()) {
      register(out, m, a, false);
    }
    for (RegisterUse.Access a : use.writes()) {
      register(out, m, a, true);
    }
    Opcode op = ins.opcode();
    int vw = m.vectorWidth();
    InsnClass c = op.insnClass();
    switch (c) {
      case SCALAR_ALU ->
          out.add(
              arithmetic(
                  EventClass.SCALAR, op == Opcode.MUL ? Action.INT_MUL : Action.INT_ADD, 32, 1));
      case BRANCH -> out.add(arithmetic(EventClass.SCALAR, Action.INT_ADD, 32, 1));
      case SCALAR_MEMORY, VECTOR_MEMORY, THRESHOLD -> memoryAccess(out, ins, m);
      case VECTOR_ALU -> out.add(new Charge(EventClass.BIT_OPS, null, bitOp(), Role.OTHER, vw));
      case POPCOUNT -> {
        if (op != Opcode.POPACC) {
          out.add(new Charge(EventClass.BIT_OPS, null, bitOp(), Role.BINARY_ARITHMETIC, vw));
        }
        out.add(
            new Charge(
                EventClass.POPCOUNT,
                null,
                Event.of(Action.POPCOUNT_BIT),
                Role.BINARY_ARITHMETIC,
                vw));
        out.add(
            new Charge(
                EventClass.ACCUMULATE,
                null,
                new Event(Action.INT_ADD, m.accumulatorWidth()),
                Role.BINARY_ARITHMETIC,
                1));
      }
      case ACCUMULATOR_ALU -> {
        if (op == Opcode.AADDI || op == Opcode.ASHACC || op == Opcode.ASHSUB) {
          out.add(arithmetic(EventClass.ACCUMULATE, Action.INT_ADD, m.accumulatorWidth(), 1));
        }
      }
      case DMA -> out.add(arithmetic(EventClass.SCALAR, Action.INT_ADD, 32, 1));
      case CONTROL -> {}
    }
    return out;
  }

  /**
   * The events of a DMA moving one byte: a DRAM read and an on-chip write for {@code dma.ld}, the
   * reverse for {@code dma.st}; empty for any other instruction.
   */
  static List<Charge> dma(Instruction ins, MachineDescription m) {
    Opcode op = ins.opcode();
    if (op != Opcode.DMA_LD && op != Opcode.DMA_ST) {
      return List.of();
    }
    boolean load = op == Opcode.DMA_LD;
    MemorySpace space = ins.memory();
    Role role = space == MemorySpace.TMEM ? Role.OTHER : Role.BINARY_DATA;
    Event dram = Event.of(load ? Action.DRAM_READ : Action.DRAM_WRITE);
    return List.of(
        new Charge(EventClass.DMA, Level.DRAM, dram, role, 8),
        sram(EventClass.DMA, Level.of(space), m, load, role, 8));
  }

  private static void memoryAccess(List<Charge> out, Instruction ins, MachineDescription m) {
    Opcode op = ins.opcode();
    // The effective address is an add; a post-increment is another.
    out.add(arithmetic(EventClass.SCALAR, Action.INT_ADD, 32, ins.postIncrement() ? 2 : 1));
    boolean write = op == Opcode.SW || op == Opcode.VST || op == Opcode.STA;
    boolean row = op == Opcode.VLD || op == Opcode.VST;
    out.add(
        sram(
            EventClass.MEMORY,
            Level.of(ins.memory()),
            m,
            write,
            row ? Role.BINARY_DATA : Role.OTHER,
            row ? m.vectorWidth() : 32));
    if (op == Opcode.THR || op == Opcode.THR_R) {
      out.add(arithmetic(EventClass.COMPARE, Action.INT_ADD, 32, 1));
    }
  }

  private static void register(
      List<Charge> out, MachineDescription m, RegisterUse.Access a, boolean write) {
    if (a.bits() == 0) {
      return;
    }
    Level level =
        a.file() == OperandKind.VECTOR_REGISTER
            ? Level.VECTOR_REGISTERS
            : a.file() == OperandKind.ACCUMULATOR ? Level.ACCUMULATORS : Level.SCALAR_REGISTERS;
    Role role = level == Level.VECTOR_REGISTERS ? Role.BINARY_DATA : Role.OTHER;
    out.add(sram(EventClass.REGISTERS, level, m, write, role, a.bits()));
  }

  private static Charge sram(
      EventClass c, Level level, MachineDescription m, boolean write, Role role, long bits) {
    Action a = write ? Action.SRAM_WRITE : Action.SRAM_READ;
    return new Charge(c, level, new Event(a, level.bytes(m)), role, bits);
  }

  private static Charge arithmetic(EventClass c, Action a, int width, long count) {
    return new Charge(c, null, new Event(a, width), Role.OTHER, count);
  }

  private static Event bitOp() {
    return Event.of(Action.BIT_OP);
  }
}
