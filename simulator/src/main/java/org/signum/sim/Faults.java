package org.signum.sim;

import org.signum.isa.Instruction;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;

/**
 * Works out why the instruction at a pc trapped. The execution loop only stops; since traps are
 * precise, the state is still what the instruction saw, and the checks here repeat the loop's in
 * the same order (alignment, then range, then DMA hazard) to produce the kind and a message naming
 * the numbers involved.
 */
final class Faults {
  /** What went wrong. */
  record Fault(TrapKind kind, String detail) {}

  private final Core core;

  Faults(Core core) {
    this.core = core;
  }

  Fault diagnose(int pc) {
    DecodedProgram program = core.program;
    if (pc >= program.length) {
      return new Fault(
          TrapKind.PC_OUT_OF_RANGE,
          program.length == 0
              ? "the program has no instructions"
              : "no instruction at pc "
                  + pc
                  + ": the program's instructions are 0 to "
                  + (program.length - 1));
    }
    Instruction ins = program.instruction(pc);
    if (ins == null) {
      return new Fault(TrapKind.ILLEGAL_INSTRUCTION, program.illegalReason(pc));
    }
    Opcode op = ins.opcode();
    Fault f =
        switch (op) {
          case LW, THR, THR_R -> access(ins, 4, false);
          case SW, STA -> access(ins, 4, true);
          case VLD -> access(ins, core.rowBytes, false);
          case VST -> access(ins, core.rowBytes, true);
          case DMA_LD -> dma(ins, pc, true);
          case DMA_ST -> dma(ins, pc, false);
          case BEQ, BNE, BLT, BGE, BLTU, BGEU, J, JAL, LOOP -> branch(ins, pc);
          case JR ->
              new Fault(
                  TrapKind.BRANCH_OUT_OF_RANGE,
                  "jr target r" + ins.b() + " = " + reg(ins.b()) + " is outside " + imem());
          default -> null;
        };
    if (f == null) {
      throw new IllegalStateException(
          "simulator fault: " + op.mnemonic() + " at pc " + pc + " stopped without a cause");
    }
    return f;
  }

  private int reg(int i) {
    return core.r[i];
  }

  private String imem() {
    return "instruction memory [0, " + core.imemWords + ")";
  }

  private Fault branch(Instruction ins, int pc) {
    return new Fault(
        TrapKind.BRANCH_OUT_OF_RANGE,
        ins.opcode().mnemonic() + " target " + ins.target(pc) + " is outside " + imem());
  }

  private Fault access(Instruction ins, int size, boolean write) {
    String mn = ins.opcode().mnemonic();
    MemorySpace m = ins.memory();
    int ea32 = reg(ins.b()) + ins.imm();
    // Rows align to 8 bytes, whatever the vector width; 32-bit accesses to 4.
    int align = Math.min(size, 8);
    if ((ea32 & (align - 1)) != 0) {
      return new Fault(
          TrapKind.MISALIGNED_ACCESS, mn + " address " + ea32 + " is not a multiple of " + align);
    }
    Fault range = range(mn + " address " + ea32, m, ea32, size);
    if (range != null) {
      return range;
    }
    return hazard(mn + (write ? " writes " : " reads "), m, ea32, size, write);
  }

  private Fault dma(Instruction ins, int pc, boolean load) {
    String mn = ins.opcode().mnemonic();
    MemorySpace m = ins.memory();
    int ea = reg(ins.b()) + ins.imm();
    int dram = reg(ins.c());
    int len = reg(ins.d());
    if (core.memBytes[m.ordinal()] == 0) {
      return new Fault(TrapKind.DMA_MISSING_MEMORY, mn + ": " + absent(m));
    }
    if (core.memBytes[Core.DRAM] == 0) {
      return new Fault(TrapKind.DMA_MISSING_MEMORY, mn + ": " + absent(MemorySpace.DRAM));
    }
    String dramName = "dram address r" + ins.c() + " = " + dram;
    String lenName = "length r" + ins.d() + " = " + len;
    if ((ea & 7) != 0) {
      return misaligned(mn + " " + m.assemblyName() + " address " + ea);
    }
    if ((dram & 7) != 0) {
      return misaligned(mn + " " + dramName);
    }
    if ((len & 7) != 0) {
      return misaligned(mn + " " + lenName);
    }
    if (len < 0) {
      return new Fault(TrapKind.ADDRESS_OUT_OF_RANGE, mn + " " + lenName + " is negative");
    }
    Fault range = range(mn + " " + m.assemblyName() + " address " + ea, m, ea, len);
    if (range == null) {
      range = range(mn + " " + dramName, MemorySpace.DRAM, dram, len);
    }
    if (range != null) {
      return range;
    }
    Fault race = hazard(mn + (load ? " writes " : " reads "), m, ea, len, load);
    if (race == null) {
      race = hazard(mn + (load ? " reads " : " writes "), MemorySpace.DRAM, dram, len, !load);
    }
    return race;
  }

  private static Fault misaligned(String what) {
    return new Fault(TrapKind.MISALIGNED_ACCESS, what + " is not a multiple of 8");
  }

  /** {@code what} names the address with its value, e.g. {@code vld address 12}. */
  private Fault range(String what, MemorySpace m, int ea, int size) {
    int bytes = core.memBytes[m.ordinal()];
    if (bytes == 0) {
      return new Fault(TrapKind.ADDRESS_OUT_OF_RANGE, what + ": " + absent(m));
    }
    if (ea < 0) {
      return new Fault(
          TrapKind.ADDRESS_OUT_OF_RANGE, what + " is below the start of " + m.assemblyName());
    }
    if ((long) ea + size > bytes) {
      return new Fault(
          TrapKind.ADDRESS_OUT_OF_RANGE,
          what
              + " + "
              + size
              + " bytes runs past the end of "
              + m.assemblyName()
              + " ("
              + bytes
              + " bytes)");
    }
    return null;
  }

  private Fault hazard(String what, MemorySpace m, int ea, int size, boolean write) {
    if (size == 0) {
      return null;
    }
    int k = core.dma.conflict(m.ordinal(), ea, (long) ea + size, write);
    if (k < 0) {
      return null;
    }
    int issued = core.dma.issuedAt(k);
    Instruction by = core.program.instruction(issued);
    return new Fault(
        TrapKind.DMA_HAZARD,
        what
            + m.assemblyName()
            + " bytes ["
            + ea
            + ", "
            + ((long) ea + size)
            + ") while "
            + by.opcode().mnemonic()
            + " at pc "
            + issued
            + " may still be "
            + (core.dma.writes(k) ? "writing" : "reading")
            + " them; dwait first");
  }

  static String absent(MemorySpace m) {
    String key =
        switch (m) {
          case WMEM -> MachineParameter.WMEM_BYTES.key();
          case AMEM -> MachineParameter.AMEM_BYTES.key();
          case TMEM -> MachineParameter.TMEM_BYTES.key();
          case DRAM -> MachineParameter.DRAM_BYTES.key();
        };
    return "this machine has no " + m.assemblyName() + " (" + key + " = 0)";
  }
}
