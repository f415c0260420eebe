package org.signum.sim;

import static org.signum.sim.DecodedProgram.A;
import static org.signum.sim.DecodedProgram.B;
import static org.signum.sim.DecodedProgram.C;
import static org.signum.sim.DecodedProgram.D;
import static org.signum.sim.DecodedProgram.IMM;
import static org.signum.sim.DecodedProgram.MEM;
import static org.signum.sim.DecodedProgram.STRIDE;
import static org.signum.sim.DecodedProgram.W;

import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/**
 * The architectural state in primitive arrays and the execution loop over a {@link DecodedProgram}.
 * The loop allocates nothing; on a trap it only stops at the faulting pc with the state untouched,
 * and {@link Faults} works out afterwards what went wrong.
 */
final class Core {
  static final int STOP_LIMIT = 0;
  static final int STOP_HALT = 1;
  static final int STOP_TRAP = 2;

  static final int DRAM = MemorySpace.DRAM.ordinal();
  private static final long U32 = 0xFFFF_FFFFL;

  final MachineDescription machine;
  final DecodedProgram program;
  final int vectorWidth;
  final int vectorWords;
  final int rowBytes;
  final int imemWords;

  /** {@code 64 - accumulator_width}: {@code x << accShift >> accShift} is {@code wrapAW(x)}. */
  final int accShift;

  /** Scalar registers, plus one sink slot at the end that absorbs writes to {@code r0}. */
  final int[] r;

  final long[] acc;

  /**
   * Every vector register, {@code vectorWords} words each, register {@code i} at {@code i *
   * vectorWords}.
   */
  final long[] v;

  /** Memory contents as little-endian 64-bit words, by {@link MemorySpace} ordinal. */
  final long[][] mem;

  final int[] memBytes;
  private final long[] rowLimit;
  private final long[] wordLimit;
  final DmaTracker dma = new DmaTracker();

  /** Completed instructions by {@code opcode << 2 | memory}: every instruction-driven event. */
  final long[] slotCounts = new long[256 << 2];

  final long[] dmaBytesIn = new long[MemorySpace.values().length];
  final long[] dmaBytesOut = new long[MemorySpace.values().length];

  /** Instructions fetched that then trapped, so never counted as completed. */
  long trappedFetches;

  long steps;
  int pc;

  Core(MachineDescription machine, DecodedProgram program) {
    this.machine = machine;
    this.program = program;
    this.vectorWidth = machine.vectorWidth();
    this.vectorWords = machine.vectorWords();
    this.rowBytes = machine.vectorBytes();
    this.imemWords = machine.imemWords();
    this.accShift = 64 - machine.accumulatorWidth();
    this.r = new int[machine.scalarRegisters() + 1];
    this.acc = new long[machine.accumulators()];
    this.v = new long[machine.vectorRegisters() * vectorWords];
    int n = MemorySpace.values().length;
    this.mem = new long[n][];
    this.memBytes = new int[n];
    this.rowLimit = new long[n];
    this.wordLimit = new long[n];
    for (MemorySpace m : MemorySpace.values()) {
      int bytes = machine.memoryBytes(m);
      mem[m.ordinal()] = new long[bytes / 8];
      memBytes[m.ordinal()] = bytes;
      rowLimit[m.ordinal()] = (long) bytes - rowBytes;
      wordLimit[m.ordinal()] = (long) bytes - 4;
    }
  }

  /**
   * Runs until a halt, a trap or {@code limit} completed instructions, and says which. A halt
   * counts as completed and leaves the pc on it; a trap leaves the pc on the faulting instruction.
   */
  int execute(long limit) {
    final int[] p = program.fields;
    final int len = program.length;
    final int[] r = this.r;
    final long[] acc = this.acc;
    final long[] v = this.v;
    final long[][] mem = this.mem;
    final long[] counts = this.slotCounts;
    final int vw = this.vectorWords;
    final int sh = this.accShift;
    final DmaTracker dma = this.dma;
    int pc = this.pc;
    long n = 0;
    int stop = STOP_LIMIT;
    loop:
    while (n < limit) {
      if (pc >= len) {
        stop = STOP_TRAP;
        break;
      }
      final int i = pc * STRIDE;
      final int slot = p[i];
      int next = pc + 1;
      switch (slot >>> 2) {
        case Op.NOP -> {}
        case Op.HALT -> {
          counts[slot]++;
          n++;
          stop = STOP_HALT;
          break loop;
        }
        case Op.DWAIT -> dma.clear();
        case Op.LI -> r[p[i + A]] = p[i + IMM];
        case Op.ADD -> r[p[i + A]] = r[p[i + B]] + r[p[i + C]];
        case Op.SUB -> r[p[i + A]] = r[p[i + B]] - r[p[i + C]];
        case Op.AND -> r[p[i + A]] = r[p[i + B]] & r[p[i + C]];
        case Op.OR -> r[p[i + A]] = r[p[i + B]] | r[p[i + C]];
        case Op.XOR -> r[p[i + A]] = r[p[i + B]] ^ r[p[i + C]];
          // Java masks an int shift distance to its low 5 bits, exactly the ISA's (R & 31).
        case Op.SLL -> r[p[i + A]] = r[p[i + B]] << r[p[i + C]];
        case Op.SRL -> r[p[i + A]] = r[p[i + B]] >>> r[p[i + C]];
        case Op.SRA -> r[p[i + A]] = r[p[i + B]] >> r[p[i + C]];
        case Op.MUL -> r[p[i + A]] = r[p[i + B]] * r[p[i + C]];
        case Op.SLT -> r[p[i + A]] = r[p[i + B]] < r[p[i + C]] ? 1 : 0;
        case Op.SLTU -> r[p[i + A]] = Integer.compareUnsigned(r[p[i + B]], r[p[i + C]]) < 0 ? 1 : 0;
        case Op.ADDI -> r[p[i + A]] = r[p[i + B]] + p[i + IMM];
        case Op.ANDI -> r[p[i + A]] = r[p[i + B]] & p[i + IMM];
        case Op.ORI -> r[p[i + A]] = r[p[i + B]] | p[i + IMM];
        case Op.XORI -> r[p[i + A]] = r[p[i + B]] ^ p[i + IMM];
        case Op.SLLI -> r[p[i + A]] = r[p[i + B]] << p[i + IMM];
        case Op.SRLI -> r[p[i + A]] = r[p[i + B]] >>> p[i + IMM];
        case Op.SRAI -> r[p[i + A]] = r[p[i + B]] >> p[i + IMM];
        case Op.SLTI -> r[p[i + A]] = r[p[i + B]] < p[i + IMM] ? 1 : 0;
        case Op.BEQ -> {
          if (r[p[i + B]] == r[p[i + C]]) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
        }
        case Op.BNE -> {
          if (r[p[i + B]] != r[p[i + C]]) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
        }
        case Op.BLT -> {
          if (r[p[i + B]] < r[p[i + C]]) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
        }
        case Op.BGE -> {
          if (r[p[i + B]] >= r[p[i + C]]) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
        }
        case Op.BLTU -> {
          if (Integer.compareUnsigned(r[p[i + B]], r[p[i + C]]) < 0) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
        }
        case Op.BGEU -> {
          if (Integer.compareUnsigned(r[p[i + B]], r[p[i + C]]) >= 0) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
        }
        case Op.J -> {
          if ((next = p[i + IMM]) < 0) {
            stop = STOP_TRAP;
            break loop;
          }
        }
        case Op.JAL -> {
          if ((next = p[i + IMM]) < 0) {
            stop = STOP_TRAP;
            break loop;
          }
          r[p[i + A]] = pc + 1;
        }
        case Op.JR -> {
          next = r[p[i + B]];
          if (next < 0 || next >= imemWords) {
            stop = STOP_TRAP;
            break loop;
          }
        }
        case Op.LOOP -> {
          // loop r0 decrements a register that reads 0 afterwards, so it never branches.
          int left = r[p[i + A]] - 1;
          if (left != 0 && p[i + A] != 0) {
            if ((next = p[i + IMM]) < 0) {
              stop = STOP_TRAP;
              break loop;
            }
          }
          r[p[i + W]] = left;
        }
        case Op.LW -> {
          int m = p[i + MEM];
          int ea = r[p[i + B]] + p[i + IMM];
          if ((ea & 3) != 0
              || (ea & U32) > wordLimit[m]
              || (dma.active() && dma.conflicts(m, ea, ea + 4L, false))) {
            stop = STOP_TRAP;
            break loop;
          }
          // The base is incremented first, so lw with rd == rb keeps the loaded value.
          r[p[i + W]] += 4;
          r[p[i + A]] = (int) (mem[m][ea >>> 3] >>> ((ea & 4) << 3));
        }
        case Op.SW -> {
          int m = p[i + MEM];
          int ea = r[p[i + B]] + p[i + IMM];
          if ((ea & 3) != 0
              || (ea & U32) > wordLimit[m]
              || (dma.active() && dma.conflicts(m, ea, ea + 4L, true))) {
            stop = STOP_TRAP;
            break loop;
          }
          store32(mem[m], ea, r[p[i + A]]);
          r[p[i + W]] += 4;
        }
        case Op.VLD -> {
          int m = p[i + MEM];
          int ea = r[p[i + B]] + p[i + IMM];
          if ((ea & 7) != 0
              || (ea & U32) > rowLimit[m]
              || (dma.active() && dma.conflicts(m, ea, (long) ea + rowBytes, false))) {
            stop = STOP_TRAP;
            break loop;
          }
          VectorOps.copy(mem[m], ea >>> 3, v, p[i + A], vw);
          r[p[i + W]] += rowBytes;
        }
        case Op.VST -> {
          int m = p[i + MEM];
          int ea = r[p[i + B]] + p[i + IMM];
          if ((ea & 7) != 0
              || (ea & U32) > rowLimit[m]
              || (dma.active() && dma.conflicts(m, ea, (long) ea + rowBytes, true))) {
            stop = STOP_TRAP;
            break loop;
          }
          VectorOps.copy(v, p[i + A], mem[m], ea >>> 3, vw);
          r[p[i + W]] += rowBytes;
        }
        case Op.VXNOR -> VectorOps.xnor(v, p[i + A], p[i + B], p[i + C], vw);
        case Op.VAND -> VectorOps.and(v, p[i + A], p[i + B], p[i + C], vw);
        case Op.VOR -> VectorOps.or(v, p[i + A], p[i + B], p[i + C], vw);
        case Op.VXOR -> VectorOps.xor(v, p[i + A], p[i + B], p[i + C], vw);
        case Op.VNOT -> VectorOps.not(v, p[i + A], p[i + B], vw);
        case Op.VMOV -> System.arraycopy(v, p[i + B], v, p[i + A], vw);
        case Op.VCLR -> java.util.Arrays.fill(v, p[i + A], p[i + A] + vw, 0L);
        case Op.VMASK -> mask(v, p[i + A], r[p[i + B]]);
        case Op.POPACC -> {
          int d = p[i + A];
          acc[d] = (acc[d] + VectorOps.popcount(v, p[i + B], vw)) << sh >> sh;
        }
        case Op.XPOPACC -> {
          int d = p[i + A];
          acc[d] = (acc[d] + VectorOps.xnorPopcount(v, p[i + B], p[i + C], vw)) << sh >> sh;
        }
        case Op.APOPACC -> {
          int d = p[i + A];
          acc[d] = (acc[d] + VectorOps.andPopcount(v, p[i + B], p[i + C], vw)) << sh >> sh;
        }
        case Op.ACLR -> acc[p[i + A]] = 0;
        case Op.AADDI -> acc[p[i + A]] = (acc[p[i + A]] + p[i + IMM]) << sh >> sh;
        case Op.ASHACC ->
            acc[p[i + A]] = (acc[p[i + A]] + (acc[p[i + B]] << p[i + IMM])) << sh >> sh;
        case Op.ASHSUB ->
            acc[p[i + A]] = (acc[p[i + A]] - (acc[p[i + B]] << p[i + IMM])) << sh >> sh;
        case Op.ASET -> acc[p[i + A]] = ((long) r[p[i + B]]) << sh >> sh;
        case Op.AGET -> r[p[i + A]] = (int) acc[p[i + B]];
        case Op.THR, Op.THR_R -> {
          int m = p[i + MEM];
          int ea = r[p[i + B]] + p[i + IMM];
          if ((ea & 3) != 0
              || (ea & U32) > wordLimit[m]
              || (dma.active() && dma.conflicts(m, ea, ea + 4L, false))) {
            stop = STOP_TRAP;
            break loop;
          }
          int threshold = (int) (mem[m][ea >>> 3] >>> ((ea & 4) << 3));
          boolean fire = (acc[p[i + D]] >= threshold) == (slot >>> 2 == Op.THR);
          int bit = r[p[i + C]] & (vectorWidth - 1);
          int w = p[i + A] + (bit >>> 6);
          v[w] = fire ? v[w] | (1L << bit) : v[w] & ~(1L << bit);
          r[p[i + W]] += 4;
        }
        case Op.STA -> {
          int m = p[i + MEM];
          int ea = r[p[i + B]] + p[i + IMM];
          if ((ea & 3) != 0
              || (ea & U32) > wordLimit[m]
              || (dma.active() && dma.conflicts(m, ea, ea + 4L, true))) {
            stop = STOP_TRAP;
            break loop;
          }
          store32(mem[m], ea, (int) acc[p[i + A]]);
          r[p[i + W]] += 4;
        }
        case Op.DMA_LD -> {
          if (!dma(i, pc, true)) {
            stop = STOP_TRAP;
            break loop;
          }
        }
        case Op.DMA_ST -> {
          if (!dma(i, pc, false)) {
            stop = STOP_TRAP;
            break loop;
          }
        }
        default -> {
          stop = STOP_TRAP;
          break loop;
        }
      }
      counts[slot]++;
      n++;
      pc = next;
    }
    if (stop == STOP_TRAP && pc < len) {
      trappedFetches++;
    }
    this.pc = pc;
    this.steps += n;
    return stop;
  }

  private static void store32(long[] words, int ea, int value) {
    int k = ea >>> 3;
    int shift = (ea & 4) << 3;
    words[k] = (words[k] & ~(U32 << shift)) | ((value & U32) << shift);
  }

  /** Sets bits {@code [0, min(count, VW))} of the register at word {@code d}, clears the rest. */
  private void mask(long[] v, int d, int count) {
    for (int k = 0; k < vectorWords; k++) {
      long below = (long) count - 64L * k;
      v[d + k] = below <= 0 ? 0 : below >= 64 ? -1L : (1L << below) - 1;
    }
  }

  /**
   * Issues {@code dma.ld} ({@code load}) or {@code dma.st}: checks everything first, so a transfer
   * that traps changes nothing, then copies and records the transfer as in flight.
   */
  private boolean dma(int i, int pc, boolean load) {
    final int[] p = program.fields;
    int m = p[i + MEM];
    int ea = r[p[i + B]] + p[i + IMM];
    int dram = r[p[i + C]];
    int len = r[p[i + D]];
    if (memBytes[m] == 0 || memBytes[DRAM] == 0) {
      return false;
    }
    if (((ea | dram | len) & 7) != 0) {
      return false;
    }
    if (len < 0
        || ea < 0
        || dram < 0
        || (long) ea + len > memBytes[m]
        || (long) dram + len > memBytes[DRAM]) {
      return false;
    }
    if (len == 0) {
      return true;
    }
    if (dma.active()
        && (dma.conflicts(m, ea, (long) ea + len, load)
            || dma.conflicts(DRAM, dram, (long) dram + len, !load))) {
      return false;
    }
    if (load) {
      System.arraycopy(mem[DRAM], dram >>> 3, mem[m], ea >>> 3, len >>> 3);
      dmaBytesIn[m] += len;
    } else {
      System.arraycopy(mem[m], ea >>> 3, mem[DRAM], dram >>> 3, len >>> 3);
      dmaBytesOut[m] += len;
    }
    dma.add(m, ea, (long) ea + len, load, pc);
    dma.add(DRAM, dram, (long) dram + len, !load, pc);
    return true;
  }
}
