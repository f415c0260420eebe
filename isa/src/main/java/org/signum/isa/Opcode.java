package org.signum.isa;

import static org.signum.isa.Field.A;
import static org.signum.isa.Field.B;
import static org.signum.isa.Field.C;
import static org.signum.isa.Field.D;
import static org.signum.isa.InsnClass.ACCUMULATOR_ALU;
import static org.signum.isa.InsnClass.BRANCH;
import static org.signum.isa.InsnClass.CONTROL;
import static org.signum.isa.InsnClass.DMA;
import static org.signum.isa.InsnClass.POPCOUNT;
import static org.signum.isa.InsnClass.SCALAR_ALU;
import static org.signum.isa.InsnClass.SCALAR_MEMORY;
import static org.signum.isa.InsnClass.THRESHOLD;
import static org.signum.isa.InsnClass.VECTOR_ALU;
import static org.signum.isa.InsnClass.VECTOR_MEMORY;
import static org.signum.isa.OperandKind.SCALAR_REGISTER;
import static org.signum.isa.OperandKind.VECTOR_REGISTER;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instruction set, one constant per instruction: opcode number, mnemonic, class, operands (in
 * assembly order, each with its encoding field), a one-line summary and the exact semantics. The
 * encoder, decoder, assembler, disassembler, simulator dispatch and {@code docs/isa.md} all read
 * this table.
 *
 * <p>Opcode numbers are part of the object-file format: never renumber a constant; add new ones at
 * unused numbers. {@code OpcodeTableTest} pins them.
 *
 * <p>Notation in the semantics: {@code R[i]} scalar register (32-bit two's complement, {@code R[0]}
 * reads 0, writes to it are discarded); {@code V[i]} vector register of {@code VW} bits; {@code
 * A[i]} accumulator of {@code AW} bits; {@code ea} the effective address of the memory operand,
 * {@code R[b] + off}; {@code M[ea, n]} the {@code n} bytes at {@code ea} in the operand's memory,
 * little-endian; {@code wrapW(x)} the low W bits of x read as two's complement.
 */
public enum Opcode {
  NOP(0x01, "nop", CONTROL, "do nothing", "no architectural effect"),
  HALT(
      0x02,
      "halt",
      CONTROL,
      "stop the machine",
      "execution stops; the pc stays on this instruction"),
  DWAIT(
      0x03,
      "dwait",
      CONTROL,
      "wait for all DMA transfers",
      "stalls until every DMA transfer issued before it has completed; afterwards their"
          + " destinations may be read and their sources written"),

  LI(0x08, "li", SCALAR_ALU, "load immediate", "R[rd] = imm", rd(), imm32("imm")),
  ADD(0x09, "add", SCALAR_ALU, "add", "R[rd] = wrap32(R[rs1] + R[rs2])", rd(), rs1(), rs2()),
  SUB(0x0A, "sub", SCALAR_ALU, "subtract", "R[rd] = wrap32(R[rs1] - R[rs2])", rd(), rs1(), rs2()),
  AND(0x0B, "and", SCALAR_ALU, "bitwise and", "R[rd] = R[rs1] & R[rs2]", rd(), rs1(), rs2()),
  OR(0x0C, "or", SCALAR_ALU, "bitwise or", "R[rd] = R[rs1] | R[rs2]", rd(), rs1(), rs2()),
  XOR(
      0x0D,
      "xor",
      SCALAR_ALU,
      "bitwise exclusive or",
      "R[rd] = R[rs1] ^ R[rs2]",
      rd(),
      rs1(),
      rs2()),
  SLL(
      0x0E,
      "sll",
      SCALAR_ALU,
      "shift left logical",
      "R[rd] = R[rs1] << (R[rs2] & 31)",
      rd(),
      rs1(),
      rs2()),
  SRL(
      0x0F,
      "srl",
      SCALAR_ALU,
      "shift right logical",
      "R[rd] = R[rs1] >>> (R[rs2] & 31), zeros shifted in",
      rd(),
      rs1(),
      rs2()),
  SRA(
      0x10,
      "sra",
      SCALAR_ALU,
      "shift right arithmetic",
      "R[rd] = R[rs1] >> (R[rs2] & 31), sign bits shifted in",
      rd(),
      rs1(),
      rs2()),
  MUL(
      0x11,
      "mul",
      SCALAR_ALU,
      "multiply, low 32 bits",
      "R[rd] = wrap32(R[rs1] * R[rs2])",
      rd(),
      rs1(),
      rs2()),
  SLT(
      0x12,
      "slt",
      SCALAR_ALU,
      "set if less than, signed",
      "R[rd] = R[rs1] < R[rs2] ? 1 : 0 (signed)",
      rd(),
      rs1(),
      rs2()),
  SLTU(
      0x13,
      "sltu",
      SCALAR_ALU,
      "set if less than, unsigned",
      "R[rd] = R[rs1] < R[rs2] ? 1 : 0 (unsigned)",
      rd(),
      rs1(),
      rs2()),
  ADDI(
      0x14,
      "addi",
      SCALAR_ALU,
      "add immediate",
      "R[rd] = wrap32(R[rs1] + imm)",
      rd(),
      rs1(),
      imm32("imm")),
  ANDI(
      0x15, "andi", SCALAR_ALU, "and immediate", "R[rd] = R[rs1] & imm", rd(), rs1(), imm32("imm")),
  ORI(0x16, "ori", SCALAR_ALU, "or immediate", "R[rd] = R[rs1] | imm", rd(), rs1(), imm32("imm")),
  XORI(
      0x17,
      "xori",
      SCALAR_ALU,
      "exclusive or immediate",
      "R[rd] = R[rs1] ^ imm",
      rd(),
      rs1(),
      imm32("imm")),
  SLLI(
      0x18,
      "slli",
      SCALAR_ALU,
      "shift left logical by immediate",
      "R[rd] = R[rs1] << shamt",
      rd(),
      rs1(),
      shamt()),
  SRLI(
      0x19,
      "srli",
      SCALAR_ALU,
      "shift right logical by immediate",
      "R[rd] = R[rs1] >>> shamt",
      rd(),
      rs1(),
      shamt()),
  SRAI(
      0x1A,
      "srai",
      SCALAR_ALU,
      "shift right arithmetic by immediate",
      "R[rd] = R[rs1] >> shamt",
      rd(),
      rs1(),
      shamt()),
  SLTI(
      0x1B,
      "slti",
      SCALAR_ALU,
      "set if less than immediate, signed",
      "R[rd] = R[rs1] < imm ? 1 : 0 (signed)",
      rd(),
      rs1(),
      imm32("imm")),

  BEQ(
      0x20,
      "beq",
      BRANCH,
      "branch if equal",
      "if R[rs1] == R[rs2]: pc = target",
      rs1(),
      rs2(),
      target()),
  BNE(
      0x21,
      "bne",
      BRANCH,
      "branch if not equal",
      "if R[rs1] != R[rs2]: pc = target",
      rs1(),
      rs2(),
      target()),
  BLT(
      0x22,
      "blt",
      BRANCH,
      "branch if less than, signed",
      "if R[rs1] < R[rs2] (signed): pc = target",
      rs1(),
      rs2(),
      target()),
  BGE(
      0x23,
      "bge",
      BRANCH,
      "branch if greater or equal, signed",
      "if R[rs1] >= R[rs2] (signed): pc = target",
      rs1(),
      rs2(),
      target()),
  BLTU(
      0x24,
      "bltu",
      BRANCH,
      "branch if less than, unsigned",
      "if R[rs1] < R[rs2] (unsigned): pc = target",
      rs1(),
      rs2(),
      target()),
  BGEU(
      0x25,
      "bgeu",
      BRANCH,
      "branch if greater or equal, unsigned",
      "if R[rs1] >= R[rs2] (unsigned): pc = target",
      rs1(),
      rs2(),
      target()),
  J(0x26, "j", BRANCH, "jump", "pc = target", target()),
  JAL(0x27, "jal", BRANCH, "jump and link", "R[rd] = pc + 1; pc = target", rd(), target()),
  JR(0x28, "jr", BRANCH, "jump to register", "pc = R[rs1] (an instruction index)", rs1()),
  LOOP(
      0x29,
      "loop",
      BRANCH,
      "counted loop",
      "R[rc] = wrap32(R[rc] - 1); if R[rc] != 0: pc = target. A body entered with R[rc] = n runs n"
          + " times for n >= 1",
      Operand.register(SCALAR_REGISTER, A, "rc"),
      target()),

  LW(
      0x30,
      "lw",
      SCALAR_MEMORY,
      "load word",
      "R[rd] = M[ea, 4]; ea must be a multiple of 4; post-increment adds 4 to R[rb]",
      rd(),
      Operand.memory(true)),
  SW(
      0x31,
      "sw",
      SCALAR_MEMORY,
      "store word",
      "M[ea, 4] = R[rs]; ea must be a multiple of 4; post-increment adds 4 to R[rb]",
      Operand.register(SCALAR_REGISTER, A, "rs"),
      Operand.memory(true)),

  VLD(
      0x38,
      "vld",
      VECTOR_MEMORY,
      "load a packed row",
      "V[vd] = M[ea, VW/8]: bit i of V[vd] is bit i mod 8 of byte ea + i/8; ea must be a multiple of"
          + " 8; post-increment adds VW/8 to R[rb]",
      vd(),
      Operand.memory(true)),
  VST(
      0x39,
      "vst",
      VECTOR_MEMORY,
      "store a packed row",
      "M[ea, VW/8] = V[vs], same layout as vld; ea must be a multiple of 8; post-increment adds VW/8"
          + " to R[rb]",
      Operand.register(VECTOR_REGISTER, A, "vs"),
      Operand.memory(true)),

  VXNOR(0x40, "vxnor", VECTOR_ALU, "bitwise XNOR", "V[vd] = ~(V[va] ^ V[vb])", vd(), va(), vb()),
  VAND(0x41, "vand", VECTOR_ALU, "bitwise AND", "V[vd] = V[va] & V[vb]", vd(), va(), vb()),
  VOR(0x42, "vor", VECTOR_ALU, "bitwise OR", "V[vd] = V[va] | V[vb]", vd(), va(), vb()),
  VXOR(0x43, "vxor", VECTOR_ALU, "bitwise XOR", "V[vd] = V[va] ^ V[vb]", vd(), va(), vb()),
  VNOT(0x44, "vnot", VECTOR_ALU, "bitwise NOT", "V[vd] = ~V[va]", vd(), va()),
  VMOV(0x45, "vmov", VECTOR_ALU, "copy a row", "V[vd] = V[va]", vd(), va()),
  VCLR(
      0x46,
      "vclr",
      VECTOR_ALU,
      "clear a row",
      "V[vd] = 0 (every bit 0, i.e. every element -1)",
      vd()),
  VMASK(
      0x47,
      "vmask",
      VECTOR_ALU,
      "make a prefix mask",
      "bit i of V[vd] = 1 for i < min(R[rs1], VW) and 0 otherwise; a negative R[rs1] gives all"
          + " zeros",
      vd(),
      rs1()),

  POPACC(
      0x50,
      "popacc",
      POPCOUNT,
      "popcount and accumulate",
      "A[ad] = wrapAW(A[ad] + popcount(V[va]))",
      ad(),
      va()),
  XPOPACC(
      0x51,
      "xpopacc",
      POPCOUNT,
      "fused XNOR, popcount and accumulate",
      "A[ad] = wrapAW(A[ad] + popcount(~(V[va] ^ V[vb]))): the number of positions where the two"
          + " rows agree, i.e. (dot(+1/-1 rows) + VW) / 2",
      ad(),
      va(),
      vb()),
  APOPACC(
      0x52,
      "apopacc",
      POPCOUNT,
      "fused AND, popcount and accumulate",
      "A[ad] = wrapAW(A[ad] + popcount(V[va] & V[vb])); used for bit-planes of unsigned inputs",
      ad(),
      va(),
      vb()),

  ACLR(0x58, "aclr", ACCUMULATOR_ALU, "clear an accumulator", "A[ad] = 0", ad()),
  AADDI(
      0x59,
      "aaddi",
      ACCUMULATOR_ALU,
      "add immediate to an accumulator",
      "A[ad] = wrapAW(A[ad] + imm), imm signed",
      ad(),
      Operand.immediate("imm", Integer.MIN_VALUE, Integer.MAX_VALUE)),
  ASHACC(
      0x5A,
      "ashacc",
      ACCUMULATOR_ALU,
      "shift-accumulate",
      "A[ad] = wrapAW(A[ad] + (A[as] << shamt)); with ad == as the old value is used",
      ad(),
      as(),
      shamt()),
  ASHSUB(
      0x5B,
      "ashsub",
      ACCUMULATOR_ALU,
      "shift-subtract",
      "A[ad] = wrapAW(A[ad] - (A[as] << shamt)); with ad == as the old value is used",
      ad(),
      as(),
      shamt()),
  ASET(
      0x5C,
      "aset",
      ACCUMULATOR_ALU,
      "move scalar to accumulator",
      "A[ad] = wrapAW(R[rs1])",
      ad(),
      rs1()),
  AGET(
      0x5D,
      "aget",
      ACCUMULATOR_ALU,
      "move accumulator to scalar",
      "R[rd] = A[as], sign-extended to 32 bits",
      rd(),
      Operand.register(OperandKind.ACCUMULATOR, B, "as")),

  THR(
      0x60,
      "thr",
      THRESHOLD,
      "threshold compare into one output bit",
      "T = M[ea, 4] read as a signed 32-bit threshold (ea a multiple of 4); bit (R[rbit] mod VW,"
          + " the non-negative remainder, so -1 is bit VW-1) of"
          + " V[vd] = (A[as] >= T) ? 1 : 0; other bits of V[vd] unchanged; post-increment adds 4"
          + " to R[rb]",
      vd(),
      Operand.register(SCALAR_REGISTER, C, "rbit"),
      Operand.register(OperandKind.ACCUMULATOR, D, "as"),
      Operand.memory(true)),
  THR_R(
      0x61,
      "thr.r",
      THRESHOLD,
      "reversed threshold compare into one output bit",
      "as thr, with the compare reversed: bit = (A[as] < T) ? 1 : 0, the complement of thr's bit."
          + " For a negative batch-norm scale",
      vd(),
      Operand.register(SCALAR_REGISTER, C, "rbit"),
      Operand.register(OperandKind.ACCUMULATOR, D, "as"),
      Operand.memory(true)),
  STA(
      0x62,
      "sta",
      THRESHOLD,
      "store an accumulator as a 32-bit score",
      "M[ea, 4] = A[as] sign-extended to 32 bits; ea a multiple of 4; post-increment adds 4 to"
          + " R[rb]",
      Operand.register(OperandKind.ACCUMULATOR, A, "as"),
      Operand.memory(true)),

  DMA_LD(
      0x70,
      "dma.ld",
      DMA,
      "DMA from DRAM into on-chip memory",
      "starts copying R[rlen] bytes from DRAM byte address R[rsrc] to M[ea]; ea, R[rsrc] and"
          + " R[rlen] must be multiples of 8 and both ranges inside their memories. Asynchronous: the"
          + " destination may be read only after dwait",
      Operand.memory(false),
      Operand.register(SCALAR_REGISTER, C, "rsrc"),
      Operand.register(SCALAR_REGISTER, D, "rlen")),
  DMA_ST(
      0x71,
      "dma.st",
      DMA,
      "DMA from on-chip memory to DRAM",
      "starts copying R[rlen] bytes from M[ea] to DRAM byte address R[rdst]; alignment and range as"
          + " dma.ld. Asynchronous: the source may be written only after dwait",
      Operand.memory(false),
      Operand.register(SCALAR_REGISTER, C, "rdst"),
      Operand.register(SCALAR_REGISTER, D, "rlen"));

  private static final Map<String, Opcode> BY_MNEMONIC = new LinkedHashMap<>();
  private static final Opcode[] BY_CODE = new Opcode[256];

  static {
    for (Opcode op : values()) {
      BY_MNEMONIC.put(op.mnemonic, op);
      BY_CODE[op.code] = op;
    }
  }

  private final int code;
  private final String mnemonic;
  private final InsnClass insnClass;
  private final String summary;
  private final String semantics;
  private final List<Operand> operands;
  private final Set<Field> usedFields;

  Opcode(
      int code,
      String mnemonic,
      InsnClass insnClass,
      String summary,
      String semantics,
      Operand... operands) {
    this.code = code;
    this.mnemonic = mnemonic;
    this.insnClass = insnClass;
    this.summary = summary;
    this.semantics = semantics;
    this.operands = List.of(operands);
    EnumSet<Field> used = EnumSet.of(Field.OPCODE);
    for (Operand o : operands) {
      used.addAll(o.fields());
    }
    this.usedFields = Collections.unmodifiableSet(used);
  }

  /** The 8-bit opcode number. */
  public int code() {
    return code;
  }

  public String mnemonic() {
    return mnemonic;
  }

  public InsnClass insnClass() {
    return insnClass;
  }

  public String summary() {
    return summary;
  }

  public String semantics() {
    return semantics;
  }

  public List<Operand> operands() {
    return operands;
  }

  /** The fields this instruction's encoding uses; all others must be zero. */
  public Set<Field> usedFields() {
    return usedFields;
  }

  /** Assembly syntax, e.g. {@code add rd, rs1, rs2}. */
  public String syntax() {
    List<String> names = new ArrayList<>();
    for (Operand o : operands) {
      names.add(o.name());
    }
    return names.isEmpty() ? mnemonic : mnemonic + " " + String.join(", ", names);
  }

  /** The instruction with this mnemonic, or null. */
  public static Opcode byMnemonic(String mnemonic) {
    return BY_MNEMONIC.get(mnemonic);
  }

  /** The instruction with opcode number {@code code}, or null if the number is unassigned. */
  public static Opcode byCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  private static Operand rd() {
    return Operand.register(SCALAR_REGISTER, A, "rd");
  }

  private static Operand rs1() {
    return Operand.register(SCALAR_REGISTER, B, "rs1");
  }

  private static Operand rs2() {
    return Operand.register(SCALAR_REGISTER, C, "rs2");
  }

  private static Operand vd() {
    return Operand.register(VECTOR_REGISTER, A, "vd");
  }

  private static Operand va() {
    return Operand.register(VECTOR_REGISTER, B, "va");
  }

  private static Operand vb() {
    return Operand.register(VECTOR_REGISTER, C, "vb");
  }

  private static Operand ad() {
    return Operand.register(OperandKind.ACCUMULATOR, A, "ad");
  }

  private static Operand as() {
    return Operand.register(OperandKind.ACCUMULATOR, B, "as");
  }

  private static Operand imm32(String name) {
    return Operand.immediate(name, Operand.IMM32_MIN, Operand.IMM32_MAX);
  }

  private static Operand shamt() {
    return Operand.immediate("shamt", 0, 31);
  }

  private static Operand target() {
    return Operand.target();
  }
}
