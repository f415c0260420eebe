package org.signum.sim;

import static org.signum.sim.DecodedProgram.A;
import static org.signum.sim.DecodedProgram.B;
import static org.signum.sim.DecodedProgram.C;
import static org.signum.sim.DecodedProgram.D;
import static org.signum.sim.DecodedProgram.IMM;
import static org.signum.sim.DecodedProgram.MEM;
import static org.signum.sim.DecodedProgram.SLOT;
import static org.signum.sim.DecodedProgram.STRIDE;
import static org.signum.sim.DecodedProgram.W;

import java.util.function.IntFunction;
import org.signum.isa.DecodeException;
import org.signum.isa.Field;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/** Decodes instruction words into a {@link DecodedProgram} for one machine. */
final class Decoder {
  private static final String DECODE_PREFIX = "illegal instruction ";

  private Decoder() {}

  /**
   * Decodes every word. A word that cannot execute on this machine (unassigned opcode, a nonzero
   * unused field, a register beyond the machine's count) decodes to {@link Op#ILLEGAL} with its
   * reason, and traps only if executed.
   */
  static DecodedProgram decode(MachineDescription m, long[] code, IntFunction<String> labels) {
    int[] f = new int[code.length * STRIDE];
    Instruction[] instructions = new Instruction[code.length];
    String[] illegal = new String[code.length];
    int sink = m.scalarRegisters();
    for (int pc = 0; pc < code.length; pc++) {
      int base = pc * STRIDE;
      f[base + W] = sink;
      Instruction ins;
      try {
        ins = Instruction.decode(code[pc]);
      } catch (DecodeException e) {
        String msg = e.getMessage();
        illegal[pc] =
            msg.startsWith(DECODE_PREFIX) ? "word " + msg.substring(DECODE_PREFIX.length()) : msg;
        continue;
      }
      // Kept even when illegal here: it still disassembles, which makes the trap readable.
      instructions[pc] = ins;
      String beyond = registerBeyondMachine(ins, m);
      if (beyond != null) {
        illegal[pc] = beyond;
        continue;
      }
      fill(f, base, ins, pc, m, sink);
    }
    return new DecodedProgram(f, code.clone(), instructions, illegal, labels);
  }

  private static void fill(
      int[] f, int base, Instruction ins, int pc, MachineDescription m, int sink) {
    int memOrdinal = 0;
    for (Operand o : ins.opcode().operands()) {
      switch (o.kind()) {
        case SCALAR_REGISTER -> {
          int r = ins.register(o.field());
          switch (o.name()) {
            case "rd" -> f[base + slot(o.field())] = r == 0 ? sink : r;
            case "rc" -> {
              f[base + slot(o.field())] = r;
              f[base + W] = r == 0 ? sink : r;
            }
            default -> f[base + slot(o.field())] = r;
          }
        }
        case VECTOR_REGISTER ->
            f[base + slot(o.field())] = ins.register(o.field()) * m.vectorWords();
        case ACCUMULATOR -> f[base + slot(o.field())] = ins.register(o.field());
        case IMMEDIATE -> f[base + IMM] = ins.imm();
        case TARGET -> {
          long t = ins.target(pc);
          f[base + IMM] = t >= 0 && t < m.imemWords() ? (int) t : -1;
        }
        case MEMORY, MEMORY_NO_INCREMENT -> {
          memOrdinal = ins.memory().ordinal();
          f[base + B] = ins.b();
          f[base + IMM] = ins.imm();
          f[base + MEM] = memOrdinal;
          if (ins.postIncrement() && ins.b() != 0) {
            f[base + W] = ins.b();
          }
        }
      }
    }
    f[base + SLOT] = ins.opcode().code() << 2 | memOrdinal;
  }

  private static int slot(Field field) {
    return switch (field) {
      case A -> A;
      case B -> B;
      case C -> C;
      case D -> D;
      default -> throw new IllegalArgumentException("not a register field: " + field);
    };
  }

  /** A message naming the first register operand this machine does not have, or null. */
  static String registerBeyondMachine(Instruction ins, MachineDescription m) {
    for (Operand o : ins.opcode().operands()) {
      OperandKind kind = o.kind();
      if (kind.isMemory()) {
        kind = OperandKind.SCALAR_REGISTER;
      } else if (!kind.isRegister()) {
        continue;
      }
      int index = ins.register(o.field());
      int count = m.registerCount(kind);
      if (index >= count) {
        return kind.registerPrefix()
            + index
            + " is beyond this machine's "
            + count
            + " "
            + kind.description()
            + (count == 1 ? "" : "s");
      }
    }
    return null;
  }
}
