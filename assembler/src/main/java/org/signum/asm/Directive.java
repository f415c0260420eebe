package org.signum.asm;

import java.util.ArrayList;
import java.util.List;

/** The assembler's directives, with the syntax their operand-count messages quote. */
enum Directive {
  TEXT(".text", "", 0, 0),
  SECTION(".section", "name", 1, 1),
  EQU(".equ", "name, value", 2, 2),
  SET(".set", "name, value", 2, 2),
  ORG(".org", "location", 1, 1),
  ALIGN(".align", "bytes[, fill]", 1, 2),
  SPACE(".space", "bytes[, fill]", 1, 2),
  BYTE(".byte", "value, ...", 1, Integer.MAX_VALUE),
  HALF(".half", "value, ...", 1, Integer.MAX_VALUE),
  WORD(".word", "value, ...", 1, Integer.MAX_VALUE),
  DWORD(".dword", "value, ...", 1, Integer.MAX_VALUE),
  ROWB(".rowb", "\"bits\"[, pad]", 1, 2),
  ROWX(".rowx", "\"hex digits\"[, pad]", 1, 2),
  ROWPM(".rowpm", "\"+-\"[, pad]", 1, 2),
  INST(".inst", "word", 1, 1),
  INCLUDE(".include", "\"path\"", 1, 1),
  ENTRY(".entry", "target", 1, 1),
  ENDM(".endm", "", 0, 0);

  private final String directiveName;
  private final String operands;
  private final int minOperands;
  private final int maxOperands;

  Directive(String directiveName, String operands, int minOperands, int maxOperands) {
    this.directiveName = directiveName;
    this.operands = operands;
    this.minOperands = minOperands;
    this.maxOperands = maxOperands;
  }

  String directiveName() {
    return directiveName;
  }

  String syntax() {
    return operands.isEmpty() ? directiveName : directiveName + " " + operands;
  }

  /** The message for a wrong operand count, or null if {@code count} is right. */
  String checkCount(int count) {
    if (count >= minOperands && count <= maxOperands) {
      return null;
    }
    String expected;
    if (maxOperands == Integer.MAX_VALUE) {
      expected = "at least " + operandCount(minOperands);
    } else if (minOperands == maxOperands) {
      expected = minOperands == 0 ? "no operands" : operandCount(minOperands);
    } else {
      expected = minOperands + " or " + operandCount(maxOperands);
    }
    return countMessage(directiveName, expected, syntax(), count);
  }

  /** {@code vxnor expects 3 operands (vxnor vd, va, vb), got 2}. */
  static String countMessage(String name, String expected, String syntax, int got) {
    return name + " expects " + expected + " (" + syntax + "), got " + got;
  }

  static String operandCount(int n) {
    return n == 0 ? "no operands" : n == 1 ? "1 operand" : n + " operands";
  }

  /** The size in bytes of one value of {@code .byte} to {@code .dword}, else 0. */
  int valueSize() {
    return switch (this) {
      case BYTE -> 1;
      case HALF -> 2;
      case WORD -> 4;
      case DWORD -> 8;
      default -> 0;
    };
  }

  static Directive byName(String name) {
    for (Directive d : values()) {
      if (d.directiveName.equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** Every directive name, {@code .macro} included, for did-you-mean suggestions. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Directive d : values()) {
      names.add(d.directiveName);
    }
    names.add(".macro");
    return names;
  }
}
