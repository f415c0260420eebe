package org.signum.isa;

import java.util.List;

/**
 * One operand of an instruction's assembly syntax: its kind, the field that holds it, the name used
 * in the syntax string, and for immediates the range the assembler accepts.
 *
 * @param kind what the operand is
 * @param field the encoding field (for memory operands the base-register field; the memory, offset
 *     and post-increment fields are implied)
 * @param name placeholder in the syntax string, e.g. {@code rd}
 * @param min smallest accepted value (immediates)
 * @param max largest accepted value (immediates)
 */
public record Operand(OperandKind kind, Field field, String name, long min, long max) {

  /** Range of a 32-bit immediate: any value that is a signed or an unsigned 32-bit integer. */
  public static final long IMM32_MIN = Integer.MIN_VALUE;

  public static final long IMM32_MAX = 0xFFFF_FFFFL;

  static Operand register(OperandKind kind, Field field, String name) {
    return new Operand(kind, field, name, 0, 31);
  }

  static Operand immediate(String name, long min, long max) {
    return new Operand(OperandKind.IMMEDIATE, Field.IMM, name, min, max);
  }

  static Operand target() {
    // The distance is added to pc as a signed number, so only signed 32-bit distances exist.
    return new Operand(
        OperandKind.TARGET, Field.IMM, "target", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  static Operand memory(boolean postIncrementAllowed) {
    return new Operand(
        postIncrementAllowed ? OperandKind.MEMORY : OperandKind.MEMORY_NO_INCREMENT,
        Field.B,
        postIncrementAllowed ? "mem[rb+off]{+}" : "mem[rb+off]",
        IMM32_MIN,
        Integer.MAX_VALUE);
  }

  /** The encoding fields this operand occupies. */
  public List<Field> fields() {
    return switch (kind) {
      case MEMORY -> List.of(Field.MEM, Field.B, Field.IMM, Field.POST_INCREMENT);
      case MEMORY_NO_INCREMENT -> List.of(Field.MEM, Field.B, Field.IMM);
      default -> List.of(field);
    };
  }

  /** The range message the assembler prints when a value does not fit. */
  public String rangeText() {
    if (kind == OperandKind.IMMEDIATE && min == IMM32_MIN && max == IMM32_MAX) {
      return "a 32-bit integer in the range [" + IMM32_MIN + ", " + IMM32_MAX + "]";
    }
    return "an integer in the range [" + min + ", " + max + "]";
  }
}
