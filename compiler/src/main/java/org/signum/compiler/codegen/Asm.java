package org.signum.compiler.codegen;

import java.util.Locale;

/**
 * Assembly text under construction, laid out like the hand-written examples: labels in the first
 * column, mnemonics indented by eight, comments aligned. Counts lines and instructions.
 */
final class Asm {
  private final StringBuilder text = new StringBuilder();
  private int lines;
  private int instructions;

  /** The 1-based number of the next line to be written. */
  int nextLine() {
    return lines + 1;
  }

  int instructions() {
    return instructions;
  }

  void blank() {
    line("");
  }

  void comment(String s) {
    line(s.isEmpty() ? ";" : "; " + s);
  }

  void label(String name) {
    line(name + ":");
  }

  /** An instruction. */
  void op(String mnemonic, String operands) {
    op(mnemonic, operands, null);
  }

  void op(String mnemonic, String operands, String comment) {
    instructions++;
    code(mnemonic, operands, comment);
  }

  /** A directive, such as {@code .rowx} or {@code .word}. */
  void directive(String name, String operands) {
    code(name, operands, null);
  }

  void directive(String name, String operands, String comment) {
    code(name, operands, comment);
  }

  private void code(String mnemonic, String operands, String comment) {
    String s = String.format(Locale.ROOT, "        %-8s%s", mnemonic, operands);
    if (comment != null) {
      s = String.format(Locale.ROOT, "%-40s; %s", s, comment);
    }
    line(s.stripTrailing());
  }

  private void line(String s) {
    text.append(s).append('\n');
    lines++;
  }

  String text() {
    return text.toString();
  }

  /** {@code .word} lines of up to 16 values, the comment on the first. */
  static void words(Asm a, long[] values, String comment) {
    for (int k = 0; k < values.length; k += 16) {
      StringBuilder s = new StringBuilder();
      for (int j = k; j < Math.min(values.length, k + 16); j++) {
        s.append(j == k ? "" : ", ").append(values[j]);
      }
      a.directive(".word", s.toString(), k == 0 ? comment : null);
    }
  }
}
