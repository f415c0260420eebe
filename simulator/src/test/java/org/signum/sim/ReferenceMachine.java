package org.signum.sim;

import java.math.BigInteger;
import org.signum.asm.ObjectFile;
import org.signum.isa.DecodeException;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/**
 * A deliberately plain interpreter of the ISA, written apart from the simulator to check it: it
 * decodes every word each time it runs, keeps each vector as {@code boolean[]} (one element per
 * bit), accumulators as {@link BigInteger}, memories as {@code byte[]} and DMA hazards as one flag
 * per byte. Nothing here is shared with the simulator's implementation.
 */
final class ReferenceMachine {
  enum Stop {
    HALTED,
    TRAPPED,
    STEP_LIMIT
  }

  private final MachineDescription m;
  private final long[] code;
  final long[] r;
  final boolean[][] v;
  final BigInteger[] a;
  final byte[][] mem = new byte[4][];
  private final boolean[][] pendingWrite = new boolean[4][];
  private final boolean[][] pendingRead = new boolean[4][];
  final long[] executed = new long[256];
  final long[] dmaIn = new long[4];
  final long[] dmaOut = new long[4];
  int pc;
  long steps;
  TrapKind trap;
  private boolean halted;

  ReferenceMachine(MachineDescription m, ObjectFile f) {
    this.m = m;
    this.code = f.code();
    r = new long[m.scalarRegisters()];
    v = new boolean[m.vectorRegisters()][m.vectorWidth()];
    a = new BigInteger[m.accumulators()];
    java.util.Arrays.fill(a, BigInteger.ZERO);
    for (MemorySpace s : MemorySpace.values()) {
      mem[s.ordinal()] = new byte[m.memoryBytes(s)];
      pendingWrite[s.ordinal()] = new boolean[m.memoryBytes(s)];
      pendingRead[s.ordinal()] = new boolean[m.memoryBytes(s)];
    }
    for (ObjectFile.DataSection d : f.data()) {
      System.arraycopy(d.bytes(), 0, mem[d.memory().ordinal()], d.address(), d.bytes().length);
    }
    pc = f.entry();
  }

  Stop run(long limit) {
    for (long n = 0; n < limit; n++) {
      TrapKind t = step();
      if (t != null) {
        trap = t;
        return Stop.TRAPPED;
      }
      if (halted) {
        return Stop.HALTED;
      }
    }
    return Stop.STEP_LIMIT;
  }

  // Values and bits.

  private static long wrap32(long x) {
    return Math.floorMod(x + (1L << 31), 1L << 32) - (1L << 31);
  }

  private BigInteger wrapAw(BigInteger x) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(m.accumulatorWidth());
    BigInteger y = x.mod(modulus);
    return y.testBit(m.accumulatorWidth() - 1) ? y.subtract(modulus) : y;
  }

  private long reg(int i) {
    return i == 0 ? 0 : r[i];
  }

  private void set(int i, long value) {
    if (i != 0) {
      r[i] = wrap32(value);
    }
  }

  private static long unsigned(long x) {
    return x & 0xFFFF_FFFFL;
  }

  private long load32(int memory, long ea) {
    long x = 0;
    for (int k = 3; k >= 0; k--) {
      x = x * 256 + (mem[memory][(int) ea + k] & 0xFF);
    }
    return wrap32(x);
  }

  private void store32(int memory, long ea, long value) {
    long u = unsigned(value);
    for (int k = 0; k < 4; k++) {
      mem[memory][(int) ea + k] = (byte) ((u >> (8 * k)) & 0xFF);
    }
  }

  private static int count(boolean[] bits) {
    int n = 0;
    for (boolean b : bits) {
      n += b ? 1 : 0;
    }
    return n;
  }

  // Checks, in the documented order: alignment, range, hazard.

  private TrapKind access(int memory, long ea, long size, int align, boolean write) {
    if (Math.floorMod(ea, align) != 0) {
      return TrapKind.MISALIGNED_ACCESS;
    }
    if (ea < 0 || ea + size > mem[memory].length) {
      return TrapKind.ADDRESS_OUT_OF_RANGE;
    }
    return hazard(memory, ea, size, write);
  }

  private TrapKind hazard(int memory, long ea, long size, boolean write) {
    for (long b = ea; b < ea + size; b++) {
      if (pendingWrite[memory][(int) b] || (write && pendingRead[memory][(int) b])) {
        return TrapKind.DMA_HAZARD;
      }
    }
    return null;
  }

  private boolean registersExist(Instruction ins) {
    for (Operand o : ins.opcode().operands()) {
      int index;
      int limit;
      if (o.kind() == OperandKind.MEMORY || o.kind() == OperandKind.MEMORY_NO_INCREMENT) {
        index = ins.b();
        limit = m.scalarRegisters();
      } else if (o.kind() == OperandKind.SCALAR_REGISTER) {
        index = ins.register(o.field());
        limit = m.scalarRegisters();
      } else if (o.kind() == OperandKind.VECTOR_REGISTER) {
        index = ins.register(o.field());
        limit = m.vectorRegisters();
      } else if (o.kind() == OperandKind.ACCUMULATOR) {
        index = ins.register(o.field());
        limit = m.accumulators();
      } else {
        continue;
      }
      if (index >= limit) {
        return false;
      }
    }
    return true;
  }

  /** Executes one instruction; returns its trap, or null when it completed. */
  private TrapKind step() {
    if (pc < 0 || pc >= code.length) {
      return TrapKind.PC_OUT_OF_RANGE;
    }
    Instruction ins;
    try {
      ins = Instruction.decode(code[pc]);
    } catch (DecodeException e) {
      return TrapKind.ILLEGAL_INSTRUCTION;
    }
    if (!registersExist(ins)) {
      return TrapKind.ILLEGAL_INSTRUCTION;
    }
    TrapKind t = execute(ins);
    if (t == null) {
      executed[ins.opcode().code()]++;
      steps++;
    }
    return t;
  }

  private TrapKind branchIf(boolean taken, long target) {
    if (taken) {
      if (target < 0 || target >= m.imemWords()) {
        return TrapKind.BRANCH_OUT_OF_RANGE;
      }
      pc = (int) target;
    } else {
      pc++;
    }
    return null;
  }

  private TrapKind execute(Instruction ins) {
    int ia = ins.a();
    int ib = ins.b();
    int ic = ins.c();
    int id = ins.d();
    long imm = ins.imm();
    // Fields b and c name scalar registers only for scalar operations; for the others x and y are
    // unused, and the field may exceed the scalar count.
    long x = ib < r.length ? reg(ib) : 0;
    long y = ic < r.length ? reg(ic) : 0;
    long target = pc + imm;
    int vw = m.vectorWidth();
    Opcode op = ins.opcode();
    switch (op) {
      case NOP, DWAIT -> {
        if (op == Opcode.DWAIT) {
          for (int k = 0; k < 4; k++) {
            java.util.Arrays.fill(pendingWrite[k], false);
            java.util.Arrays.fill(pendingRead[k], false);
          }
        }
        pc++;
      }
      case HALT -> halted = true;
      case LI -> {
        set(ia, imm);
        pc++;
      }
      case ADD, SUB, AND, OR, XOR, SLL, SRL, SRA, MUL, SLT, SLTU -> {
        set(ia, alu(op, x, y));
        pc++;
      }
      case ADDI -> {
        set(ia, x + imm);
        pc++;
      }
      case ANDI -> {
        set(ia, x & imm);
        pc++;
      }
      case ORI -> {
        set(ia, x | imm);
        pc++;
      }
      case XORI -> {
        set(ia, x ^ imm);
        pc++;
      }
      case SLLI -> {
        set(ia, alu(Opcode.SLL, x, imm));
        pc++;
      }
      case SRLI -> {
        set(ia, alu(Opcode.SRL, x, imm));
        pc++;
      }
      case SRAI -> {
        set(ia, alu(Opcode.SRA, x, imm));
        pc++;
      }
      case SLTI -> {
        set(ia, x < imm ? 1 : 0);
        pc++;
      }
      case BEQ -> {
        return branchIf(x == y, target);
      }
      case BNE -> {
        return branchIf(x != y, target);
      }
      case BLT -> {
        return branchIf(x < y, target);
      }
      case BGE -> {
        return branchIf(x >= y, target);
      }
      case BLTU -> {
        return branchIf(unsigned(x) < unsigned(y), target);
      }
      case BGEU -> {
        return branchIf(unsigned(x) >= unsigned(y), target);
      }
      case J -> {
        return branchIf(true, target);
      }
      case JAL -> {
        long link = pc + 1;
        TrapKind t = branchIf(true, target);
        if (t == null) {
          set(ia, link);
        }
        return t;
      }
      case JR -> {
        return branchIf(true, x);
      }
      case LOOP -> {
        long left = wrap32(reg(ia) - 1);
        boolean taken = ia != 0 && left != 0;
        TrapKind t = branchIf(taken, target);
        if (t == null) {
          set(ia, left);
        }
        return t;
      }
      case LW, SW, THR, THR_R, STA -> {
        return word(ins, op);
      }
      case VLD, VST -> {
        return row(ins, op);
      }
      case VXNOR, VAND, VOR, VXOR, VNOT, VMOV, VCLR -> {
        boolean[] out = new boolean[vw];
        for (int i = 0; i < vw; i++) {
          boolean p = v[ib][i];
          boolean q =
              op == Opcode.VNOT || op == Opcode.VMOV || op == Opcode.VCLR ? false : v[ic][i];
          out[i] =
              switch (op) {
                case VXNOR -> p == q;
                case VAND -> p && q;
                case VOR -> p || q;
                case VXOR -> p != q;
                case VNOT -> !p;
                case VMOV -> p;
                default -> false;
              };
        }
        v[ia] = out;
        pc++;
      }
      case VMASK -> {
        for (int i = 0; i < vw; i++) {
          v[ia][i] = i < Math.min(x, vw);
        }
        pc++;
      }
      case POPACC, XPOPACC, APOPACC -> {
        boolean[] bits = new boolean[vw];
        for (int i = 0; i < vw; i++) {
          bits[i] =
              op == Opcode.POPACC
                  ? v[ib][i]
                  : op == Opcode.XPOPACC ? v[ib][i] == v[ic][i] : v[ib][i] && v[ic][i];
        }
        a[ia] = wrapAw(a[ia].add(BigInteger.valueOf(count(bits))));
        pc++;
      }
      case ACLR -> {
        a[ia] = BigInteger.ZERO;
        pc++;
      }
      case AADDI -> {
        a[ia] = wrapAw(a[ia].add(BigInteger.valueOf(imm)));
        pc++;
      }
      case ASHACC, ASHSUB -> {
        BigInteger shifted = a[ib].shiftLeft((int) imm);
        a[ia] = wrapAw(op == Opcode.ASHACC ? a[ia].add(shifted) : a[ia].subtract(shifted));
        pc++;
      }
      case ASET -> {
        a[ia] = wrapAw(BigInteger.valueOf(x));
        pc++;
      }
      case AGET -> {
        set(ia, a[ib].longValueExact());
        pc++;
      }
      case DMA_LD, DMA_ST -> {
        return dma(ins, op == Opcode.DMA_LD);
      }
    }
    return null;
  }

  private static long alu(Opcode op, long x, long y) {
    int s = (int) Math.floorMod(y, 32L);
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case AND -> x & y;
      case OR -> x | y;
      case XOR -> x ^ y;
      case SLL -> unsigned(x) * (1L << s);
      case SRL -> unsigned(x) / (1L << s);
      case SRA -> Math.floorDiv(x, 1L << s);
      case MUL -> BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)).longValue();
      case SLT -> x < y ? 1 : 0;
      case SLTU -> unsigned(x) < unsigned(y) ? 1 : 0;
      default -> throw new IllegalArgumentException(op.name());
    };
  }

  private TrapKind word(Instruction ins, Opcode op) {
    int memory = ins.memory().ordinal();
    long ea = wrap32(reg(ins.b()) + ins.imm());
    boolean write = op == Opcode.SW || op == Opcode.STA;
    TrapKind t = access(memory, ea, 4, 4, write);
    if (t != null) {
      return t;
    }
    // Every register operand is read before the post-increment writes the base.
    long stored =
        op == Opcode.SW ? reg(ins.a()) : op == Opcode.STA ? a[ins.a()].longValueExact() : 0;
    long rbit = reg(ins.c());
    if (ins.postIncrement()) {
      set(ins.b(), reg(ins.b()) + 4);
    }
    switch (op) {
      case LW -> set(ins.a(), load32(memory, ea));
      case SW, STA -> store32(memory, ea, stored);
      default -> {
        long threshold = load32(memory, ea);
        int bit = (int) Math.floorMod(rbit, (long) m.vectorWidth());
        boolean ge = a[ins.d()].compareTo(BigInteger.valueOf(threshold)) >= 0;
        v[ins.a()][bit] = op == Opcode.THR ? ge : !ge;
      }
    }
    pc++;
    return null;
  }

  private TrapKind row(Instruction ins, Opcode op) {
    int memory = ins.memory().ordinal();
    long ea = wrap32(reg(ins.b()) + ins.imm());
    int bytes = m.vectorWidth() / 8;
    TrapKind t = access(memory, ea, bytes, 8, op == Opcode.VST);
    if (t != null) {
      return t;
    }
    for (int i = 0; i < m.vectorWidth(); i++) {
      int at = (int) ea + i / 8;
      if (op == Opcode.VLD) {
        v[ins.a()][i] = ((mem[memory][at] >> (i % 8)) & 1) == 1;
      } else {
        int mask = 1 << (i % 8);
        mem[memory][at] = (byte) (v[ins.a()][i] ? mem[memory][at] | mask : mem[memory][at] & ~mask);
      }
    }
    if (ins.postIncrement()) {
      set(ins.b(), reg(ins.b()) + bytes);
    }
    pc++;
    return null;
  }

  private TrapKind dma(Instruction ins, boolean load) {
    int chip = ins.memory().ordinal();
    int dram = MemorySpace.DRAM.ordinal();
    long ea = wrap32(reg(ins.b()) + ins.imm());
    long addr = reg(ins.c());
    long len = reg(ins.d());
    if (mem[chip].length == 0 || mem[dram].length == 0) {
      return TrapKind.DMA_MISSING_MEMORY;
    }
    if (Math.floorMod(ea, 8) != 0 || Math.floorMod(addr, 8) != 0 || Math.floorMod(len, 8) != 0) {
      return TrapKind.MISALIGNED_ACCESS;
    }
    if (len < 0
        || ea < 0
        || addr < 0
        || ea + len > mem[chip].length
        || addr + len > mem[dram].length) {
      return TrapKind.ADDRESS_OUT_OF_RANGE;
    }
    TrapKind t = hazard(chip, ea, len, load);
    if (t == null) {
      t = hazard(dram, addr, len, !load);
    }
    if (t != null) {
      return t;
    }
    for (int k = 0; k < len; k++) {
      if (load) {
        mem[chip][(int) ea + k] = mem[dram][(int) addr + k];
        pendingWrite[chip][(int) ea + k] = true;
        pendingRead[dram][(int) addr + k] = true;
      } else {
        mem[dram][(int) addr + k] = mem[chip][(int) ea + k];
        pendingRead[chip][(int) ea + k] = true;
        pendingWrite[dram][(int) addr + k] = true;
      }
    }
    if (load) {
      dmaIn[chip] += len;
    } else {
      dmaOut[chip] += len;
    }
    pc++;
    return null;
  }

  /** Vector register {@code i} packed into words, element k at bit k mod 64 of word k / 64. */
  long[] packed(int i) {
    long[] w = new long[m.vectorWords()];
    for (int k = 0; k < m.vectorWidth(); k++) {
      if (v[i][k]) {
        w[k / 64] |= 1L << (k % 64);
      }
    }
    return w;
  }
}
