package org.signum.sim;

import java.util.List;
import org.signum.isa.InsnClass;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.isa.OperandKind;
import org.signum.isa.RegisterUse;

/**
 * What the cycle model needs of each instruction, worked out once per program from the decoded
 * instructions and the machine: the unit it occupies and for how many cycles, the registers it
 * reads and writes, and when each written value becomes readable. Registers of the three files
 * share one numbering: scalar {@code i}, vector {@code VECTOR + i}, accumulator {@code ACCUMULATOR
 * + i}.
 */
final class TimingTable {
  static final int VECTOR = 32;
  static final int ACCUMULATOR = 64;
  static final int REGISTERS = 96;

  static final int UNIT_NONE = 0;
  static final int UNIT_VECTOR_ALU = 1;
  static final int UNIT_POPCOUNT = 2;
  static final int UNIT_PORT = 3;
  static final int UNIT_DMA = 4;
  static final int UNIT_DWAIT = 5;
  static final int UNIT_HALT = 6;

  private static final int[] NONE = new int[0];

  final int[] unit;

  /** Cycles the instruction holds its unit or memory port: its beats; 1 for unitless ones. */
  final int[] occupancy;

  /** The memory ordinal of a port access; -1 for none. */
  final int[] memory;

  /** Whether the instruction is a branch, jump or loop, so a change of flow costs the penalty. */
  final boolean[] branch;

  final int[][] reads;
  final int[][] writes;

  /**
   * Per write: cycles from issue until the value is readable. A destination is written after the
   * last beat and the class latency; a post-incremented base by the address adder at issue, with
   * the scalar ALU's latency.
   */
  final int[][] writeReady;

  TimingTable(MachineDescription m, DecodedProgram program) {
    int n = program.length;
    unit = new int[n];
    occupancy = new int[n];
    memory = new int[n];
    branch = new boolean[n];
    reads = new int[n][];
    writes = new int[n][];
    writeReady = new int[n][];
    for (int pc = 0; pc < n; pc++) {
      memory[pc] = -1;
      occupancy[pc] = 1;
      reads[pc] = NONE;
      writes[pc] = NONE;
      writeReady[pc] = NONE;
      Instruction ins = program.instruction(pc);
      if (ins != null) {
        describe(m, pc, ins);
      }
    }
  }

  private void describe(MachineDescription m, int pc, Instruction ins) {
    InsnClass c = ins.opcode().insnClass();
    branch[pc] = c == InsnClass.BRANCH;
    switch (c) {
      case CONTROL ->
          unit[pc] =
              switch (ins.opcode()) {
                case HALT -> UNIT_HALT;
                case DWAIT -> UNIT_DWAIT;
                default -> UNIT_NONE;
              };
      case VECTOR_ALU -> {
        unit[pc] = UNIT_VECTOR_ALU;
        occupancy[pc] = m.beats();
      }
      case POPCOUNT -> {
        unit[pc] = UNIT_POPCOUNT;
        occupancy[pc] = m.beats();
      }
      case SCALAR_MEMORY, VECTOR_MEMORY, THRESHOLD -> {
        MemorySpace space = ins.memory();
        int bits = c == InsnClass.VECTOR_MEMORY ? m.vectorWidth() : 32;
        unit[pc] = UNIT_PORT;
        memory[pc] = space.ordinal();
        occupancy[pc] = (bits + m.portWidth(space) - 1) / m.portWidth(space);
      }
      case DMA -> unit[pc] = UNIT_DMA;
      default -> unit[pc] = UNIT_NONE;
    }
    RegisterUse use = RegisterUse.of(ins, m);
    reads[pc] = ids(use.reads());
    List<RegisterUse.Access> w = use.writes();
    writes[pc] = ids(w);
    writeReady[pc] = new int[w.size()];
    boolean postIncrement = ins.postIncrement() && ins.b() != 0;
    for (int k = 0; k < w.size(); k++) {
      // RegisterUse lists the destination first and a post-incremented base last.
      boolean base = postIncrement && k == w.size() - 1;
      writeReady[pc][k] = base ? m.latency(InsnClass.SCALAR_ALU) : occupancy[pc] - 1 + m.latency(c);
    }
  }

  private static int[] ids(List<RegisterUse.Access> accesses) {
    int[] out = new int[accesses.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = id(accesses.get(k).file(), accesses.get(k).index());
    }
    return out;
  }

  static int id(OperandKind file, int index) {
    return switch (file) {
      case SCALAR_REGISTER -> index;
      case VECTOR_REGISTER -> VECTOR + index;
      case ACCUMULATOR -> ACCUMULATOR + index;
      default -> throw new IllegalArgumentException("not a register file: " + file);
    };
  }

  /** The stall cause of waiting for register {@code id}. */
  static StallCause readCause(int id) {
    return id < VECTOR
        ? StallCause.RAW_SCALAR
        : id < ACCUMULATOR ? StallCause.RAW_VECTOR : StallCause.RAW_ACCUMULATOR;
  }
}
