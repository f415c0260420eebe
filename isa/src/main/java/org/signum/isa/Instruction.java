package org.signum.isa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One decoded instruction: its opcode and the raw values of every field. Fields the opcode does not
 * use are zero. {@link #encode()} and {@link #decode(long)} are exact inverses on valid words.
 *
 * @param opcode the instruction
 * @param a field a (register index)
 * @param b field b (register index or memory base register)
 * @param c field c (register index)
 * @param d field d (register index)
 * @param mem on-chip memory code of a memory operand
 * @param postIncrement whether a memory operand post-increments its base register
 * @param imm the 32-bit immediate, offset or pc-relative distance
 */
public record Instruction(
    Opcode opcode, int a, int b, int c, int d, int mem, boolean postIncrement, int imm) {

  /** The instruction with no operands, e.g. {@code halt}. */
  public static Instruction of(Opcode opcode) {
    return new Instruction(opcode, 0, 0, 0, 0, 0, false, 0);
  }

  /** The 64-bit instruction word. */
  public long encode() {
    long w = opcode.code();
    w = Field.A.insert(w, a);
    w = Field.B.insert(w, b);
    w = Field.C.insert(w, c);
    w = Field.D.insert(w, d);
    w = Field.MEM.insert(w, mem);
    w = Field.POST_INCREMENT.insert(w, postIncrement ? 1 : 0);
    w = Field.IMM.insert(w, imm & 0xFFFF_FFFFL);
    return w;
  }

  /**
   * Decodes a 64-bit word.
   *
   * @throws DecodeException if the opcode is unassigned, a field the instruction does not use is
   *     nonzero, a memory operand names no on-chip memory, or a shift amount is out of range
   */
  public static Instruction decode(long word) throws DecodeException {
    int code = (int) Field.OPCODE.extract(word);
    Opcode op = Opcode.byCode(code);
    if (op == null) {
      throw new DecodeException(word, String.format("unassigned opcode 0x%02x", code));
    }
    for (Field f : Field.values()) {
      if (!op.usedFields().contains(f) && f.extract(word) != 0) {
        throw new DecodeException(
            word, "field " + f.name().toLowerCase() + " must be 0 for " + op.mnemonic());
      }
    }
    int mem = (int) Field.MEM.extract(word);
    if (op.usedFields().contains(Field.MEM) && MemorySpace.ofCode(mem) == null) {
      throw new DecodeException(word, "mem field " + mem + " names no on-chip memory");
    }
    int imm = (int) Field.IMM.extract(word);
    for (Operand o : op.operands()) {
      // A 32-bit field always holds a 32-bit immediate; only narrower ranges (shamt) can fail.
      if (o.kind() == OperandKind.IMMEDIATE && (imm < o.min() || imm > o.max())) {
        throw new DecodeException(word, o.name() + " " + imm + " is not " + o.rangeText());
      }
    }
    return new Instruction(
        op,
        (int) Field.A.extract(word),
        (int) Field.B.extract(word),
        (int) Field.C.extract(word),
        (int) Field.D.extract(word),
        mem,
        Field.POST_INCREMENT.extract(word) != 0,
        imm);
  }

  /** The register index held in {@code field}. */
  public int register(Field field) {
    return switch (field) {
      case A -> a;
      case B -> b;
      case C -> c;
      case D -> d;
      default -> throw new IllegalArgumentException("not a register field: " + field);
    };
  }

  /** The on-chip memory of this instruction's memory operand. */
  public MemorySpace memory() {
    return MemorySpace.ofCode(mem);
  }

  /** The absolute instruction index a branch at {@code pc} goes to. */
  public long target(long pc) {
    return pc + imm;
  }

  /**
   * Assembly text in canonical form, which the assembler turns back into the same word.
   *
   * @param pc this instruction's index, to turn a pc-relative distance into a target
   * @param targetName names an absolute target index (a label), or returns null to print the index
   */
  public String render(long pc, IntFunction<String> targetName) {
    List<String> parts = new ArrayList<>();
    for (Operand o : opcode.operands()) {
      parts.add(renderOperand(o, pc, targetName));
    }
    return parts.isEmpty() ? opcode.mnemonic() : opcode.mnemonic() + " " + String.join(", ", parts);
  }

  /** Assembly text with numeric branch targets. */
  public String render(long pc) {
    return render(pc, i -> null);
  }

  private String renderOperand(Operand o, long pc, IntFunction<String> targetName) {
    return switch (o.kind()) {
      case SCALAR_REGISTER, VECTOR_REGISTER, ACCUMULATOR ->
          o.kind().registerPrefix() + register(o.field());
      case IMMEDIATE -> Integer.toString(imm);
      case TARGET -> {
        long t = target(pc);
        String name =
            t >= Integer.MIN_VALUE && t <= Integer.MAX_VALUE ? targetName.apply((int) t) : null;
        yield name != null ? name : Long.toString(t);
      }
      case MEMORY, MEMORY_NO_INCREMENT -> {
        MemorySpace m = memory();
        StringBuilder s = new StringBuilder(m == null ? "mem" + mem : m.assemblyName());
        s.append("[r").append(b);
        if (imm > 0) {
          s.append(" + ").append(imm);
        } else if (imm < 0) {
          s.append(" - ").append(-(long) imm);
        }
        s.append(']');
        if (postIncrement) {
          s.append('+');
        }
        yield s.toString();
      }
    };
  }
}
