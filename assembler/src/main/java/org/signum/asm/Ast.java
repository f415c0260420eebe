package org.signum.asm;

import java.util.List;

/** The parsed form of one source line, independent of ANTLR's parse tree. */
final class Ast {
  private Ast() {}

  /** An integer expression. */
  sealed interface Expr permits Num, Sym, LocalRef, Unary, Binary {
    Where where();
  }

  /** A literal; {@code value} holds the 64-bit pattern. */
  record Num(long value, Where where) implements Expr {}

  /** A symbol, a register name, or {@code .} (the location counter). */
  record Sym(String name, Where where) implements Expr {}

  /** {@code 1b} or {@code 1f}: the nearest local label {@code 1:} backward or forward. */
  record LocalRef(long number, boolean forward, Where where) implements Expr {}

  /** {@code -x}, {@code +x} or {@code ~x}. */
  record Unary(char op, Expr operand, Where where) implements Expr {}

  /** A binary operation; {@code where} is the operator's position. */
  record Binary(BinaryOp op, Expr left, Expr right, Where where) implements Expr {}

  /** Binary operators with C precedence. */
  enum BinaryOp {
    MUL("*"),
    DIV("/"),
    MOD("%"),
    ADD("+"),
    SUB("-"),
    SHL("<<"),
    SHR(">>"),
    AND("&"),
    XOR("^"),
    OR("|");

    private final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }

    static BinaryOp of(String symbol) {
      for (BinaryOp op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      throw new IllegalArgumentException(symbol);
    }
  }

  /** One operand of a statement; {@code text} is its source text, as a macro argument uses it. */
  sealed interface Operand permits ExprOperand, StringOperand, MemoryOperand {
    Where where();

    String text();
  }

  record ExprOperand(Expr expr, String text, Where where) implements Operand {}

  /**
   * A string literal.
   *
   * @param raw the characters between the quotes, escapes not yet interpreted
   * @param rawColumn the column of the first of them
   */
  record StringOperand(String raw, int rawColumn, String text, Where where) implements Operand {}

  /**
   * {@code mem[address]} or {@code mem[address]+}.
   *
   * @param memory the name before the bracket
   * @param increment the position of the trailing {@code +}, or null
   */
  record MemoryOperand(String memory, Expr address, Where increment, String text, Where where)
      implements Operand {}

  /**
   * A label definition.
   *
   * @param number the number of a local numeric label, or -1 for a named one
   */
  record Label(String name, long number, Where where) {
    boolean numeric() {
      return number >= 0;
    }
  }

  /** What follows the labels of a line. */
  sealed interface Statement permits Command, MacroHeader {
    Where where();
  }

  /** An instruction, pseudo-instruction, macro invocation or directive. */
  record Command(String name, List<Operand> operands, Where where) implements Statement {}

  /** {@code .macro NAME p1, p2}. */
  record MacroHeader(
      String name, Where nameWhere, List<String> params, List<Where> paramWheres, Where where)
      implements Statement {}

  /** A parsed line; {@code statement} is null for a line of labels only. */
  record Line(List<Label> labels, Statement statement) {}
}
