package org.signum.asm;

import java.util.List;
import org.signum.asm.Ast.Command;
import org.signum.asm.Ast.Expr;
import org.signum.asm.SymbolTable.Binding;
import org.signum.asm.SymbolTable.Constant;
import org.signum.asm.SymbolTable.Definition;

/** Carries out each directive of the first pass (docs/assembly.md lists them). */
final class Directives {
  /** Strings longer than this are surely a mistake, and a row this long is 4 Mi elements. */
  static final int MAX_STRING = 1 << 20;

  private static final List<String> SECTION_NAMES = List.of("text", "wmem", "amem", "tmem", "dram");

  private final Assembly asm;

  Directives(Assembly asm) {
    this.asm = asm;
  }

  /** Carries out {@code d}, whose operand count has been checked. */
  void handle(Directive d, Command c) {
    switch (d) {
      case TEXT -> asm.layout.setSection(Section.TEXT);
      case SECTION -> section(c);
      case EQU, SET -> constant(d, c);
      case ORG -> org(c);
      case ALIGN -> align(c);
      case SPACE -> space(c);
      case BYTE, HALF, WORD, DWORD -> values(d, c);
      case ROWB -> row(d, Rows.Notation.BINARY, c);
      case ROWX -> row(d, Rows.Notation.HEX, c);
      case ROWPM -> row(d, Rows.Notation.PLUS_MINUS, c);
      case INST -> inst(c);
      case INCLUDE -> include(c);
      case ENTRY -> {
        Expr e = expression(c, 0);
        if (e != null) {
          asm.setEntry(e, c.where());
        }
      }
      case ENDM -> error(c.where(), "'.endm' without a matching '.macro'");
      default -> throw new IllegalStateException(d.toString());
    }
  }

  private void error(Where where, String message) {
    asm.diagnostics.error(where, message);
  }

  /** Operand {@code i} as an expression, or null after reporting that it is something else. */
  private Expr expression(Command c, int i) {
    Ast.Operand o = c.operands().get(i);
    if (o instanceof Ast.ExprOperand e) {
      return e.expr();
    }
    error(
        o.where(),
        "operand "
            + (i + 1)
            + " of "
            + c.name()
            + " must be an expression, got "
            + (o instanceof Ast.StringOperand
                ? "a string"
                : "'" + Hints.abbreviate(o.text()) + "'"));
    return null;
  }

  /** Operand {@code i} as a bare name, or null after reporting that it is something else. */
  private Ast.Sym name(Command c, int i, String what) {
    Ast.Operand o = c.operands().get(i);
    if (o instanceof Ast.ExprOperand e && e.expr() instanceof Ast.Sym s) {
      return s;
    }
    error(
        o.where(),
        c.name()
            + " needs "
            + what
            + ", got "
            + (o instanceof Ast.StringOperand
                ? "a string"
                : "'" + Hints.abbreviate(o.text()) + "'"));
    return null;
  }

  private boolean inData(Command c) {
    if (asm.layout.section().isText()) {
      error(
          c.where(),
          "'"
              + c.name()
              + "' places data, so it belongs in a data section (wmem,"
              + " amem, tmem or dram), not in text");
      return false;
    }
    return true;
  }

  // ---- sections and symbols ----

  private void section(Command c) {
    Ast.Sym s = name(c, 0, "a section name (text, wmem, amem, tmem or dram)");
    if (s == null) {
      return;
    }
    Section section = Section.byName(s.name());
    if (section == null) {
      error(
          s.where(),
          "unknown section '"
              + Hints.abbreviate(s.name())
              + "'; expected text, wmem,"
              + " amem, tmem or dram"
              + Hints.didYouMean(s.name(), SECTION_NAMES));
      return;
    }
    asm.layout.setSection(section);
  }

  private void constant(Directive d, Command c) {
    Ast.Sym s = name(c, 0, "a symbol name as its first operand");
    Expr value = expression(c, 1);
    if (s == null || value == null) {
      return;
    }
    Definition existing = asm.symbols.get(s.name());
    boolean rebind = d == Directive.SET && existing instanceof Constant k && k.redefinable();
    if (!rebind && !asm.definable(s.name(), s.where())) {
      return;
    }
    Binding b = new Binding(asm.seq(), value, asm.layout.location(), s.where());
    asm.symbols.bind(s.name(), d == Directive.SET, b);
  }

  // ---- layout ----

  private void org(Command c) {
    Expr e = expression(c, 0);
    Long v = e == null ? null : asm.valueNow(e, ".org");
    if (v == null) {
      return;
    }
    Section s = asm.layout.section();
    long capacity = s.capacity(asm.machine);
    if (v < 0 || v > capacity) {
      String where =
          s.isText()
              ? "the instruction memory, which holds " + capacity + " instructions (imem_words)"
              : s.sectionName()
                  + ", which has "
                  + capacity
                  + " bytes ("
                  + s.sizeParameter().key()
                  + ")";
      error(c.operands().get(0).where(), ".org " + v + " is outside " + where);
      return;
    }
    if (s.isText() && v > asm.layout.location()) {
      asm.code.skip(asm.layout.location(), v, c.where());
    }
    asm.layout.setLocation(v);
  }

  private void align(Command c) {
    if (!inData(c)) {
      return;
    }
    Expr e = expression(c, 0);
    Long n = e == null ? null : asm.valueNow(e, ".align");
    Integer fill = fill(c);
    if (n == null || fill == null) {
      return;
    }
    if (n <= 0 || (n & (n - 1)) != 0) {
      error(c.operands().get(0).where(), ".align needs a power of two, got " + n);
      return;
    }
    long start = asm.layout.location();
    place(c, (n - (start & (n - 1))) & (n - 1), fill);
  }

  private void space(Command c) {
    if (!inData(c)) {
      return;
    }
    Expr e = expression(c, 0);
    Long n = e == null ? null : asm.valueNow(e, ".space");
    Integer fill = fill(c);
    if (n == null || fill == null) {
      return;
    }
    if (n < 0) {
      error(c.operands().get(0).where(), ".space needs a byte count of 0 or more, got " + n);
      return;
    }
    place(c, n, fill);
  }

  /** The fill byte of {@code .align} or {@code .space} (0 when absent), or null on error. */
  private Integer fill(Command c) {
    if (c.operands().size() < 2) {
      return 0;
    }
    Expr e = expression(c, 1);
    Long v = e == null ? null : asm.valueNow(e, c.name());
    if (v == null) {
      return null;
    }
    if (v < -128 || v > 255) {
      error(
          c.operands().get(1).where(),
          "the fill byte of "
              + c.name()
              + " must be an integer in the range [-128, 255], got "
              + v);
      return null;
    }
    return v.intValue();
  }

  /** Places {@code length} bytes of {@code fill}; zeros need no bytes in the object file. */
  private void place(Command c, long length, int fill) {
    long start = asm.layout.claimData(length, c.where(), c.name());
    if (start < 0) {
      return;
    }
    byte[] bytes = null;
    if (fill != 0 && length > 0) {
      bytes = initialized(length, c.where());
      if (bytes == null) {
        return;
      }
      java.util.Arrays.fill(bytes, (byte) fill);
    }
    asm.data.add(
        new DataImage.Range(asm.layout.section(), start, length, bytes, c.where(), asm.seq()));
  }

  /** A zeroed array for {@code length} initialized bytes, or null if over the limit. */
  private byte[] initialized(long length, Where where) {
    if (!asm.data.allowInitialized(length)) {
      error(
          where,
          "initialized data exceeds the assembler's limit of "
              + DataImage.MAX_INITIALIZED_BYTES
              + " bytes");
      return null;
    }
    return new byte[(int) length];
  }

  // ---- data ----

  private void values(Directive d, Command c) {
    if (!inData(c)) {
      return;
    }
    int size = d.valueSize();
    int n = c.operands().size();
    Expr[] exprs = new Expr[n];
    for (int i = 0; i < n; i++) {
      exprs[i] = expression(c, i);
    }
    Evaluator.Scope scope = asm.scopeNow();
    long start = asm.layout.claimData((long) n * size, c.where(), c.name());
    if (start < 0) {
      return;
    }
    byte[] bytes = initialized((long) n * size, c.where());
    if (bytes == null) {
      return;
    }
    asm.data.add(
        new DataImage.Range(
            asm.layout.section(), start, bytes.length, bytes, c.where(), asm.seq()));
    long min = size == 8 ? Long.MIN_VALUE : -(1L << (8 * size - 1));
    long max = size == 8 ? Long.MAX_VALUE : (1L << (8 * size)) - 1;
    for (int i = 0; i < n; i++) {
      if (exprs[i] == null) {
        continue;
      }
      int offset = i * size;
      Where where = c.operands().get(i).where();
      asm.valueLater(
          exprs[i],
          scope,
          v -> {
            if (v < min || v > max) {
              throw EvalException.failure(
                  where,
                  "value "
                      + v
                      + " does not fit in "
                      + c.name()
                      + ": expected an integer in the range ["
                      + min
                      + ", "
                      + max
                      + "]");
            }
            for (int k = 0; k < size; k++) {
              bytes[offset + k] = (byte) (v >>> (8 * k));
            }
          });
    }
  }

  private void row(Directive d, Rows.Notation notation, Command c) {
    if (!inData(c)) {
      return;
    }
    Ast.Operand first = c.operands().get(0);
    if (!(first instanceof Ast.StringOperand s)) {
      error(
          first.where(),
          c.name() + " needs a string of elements, got '" + Hints.abbreviate(first.text()) + "'");
      return;
    }
    if (s.raw().length() > MAX_STRING) {
      error(
          s.where(),
          "the string has "
              + s.raw().length()
              + " characters; the assembler accepts at most "
              + MAX_STRING);
      return;
    }
    Rows.Elements elements;
    try {
      elements = Rows.parse(notation, s.raw(), c.name());
    } catch (Rows.RowException e) {
      error(s.where().atColumn(s.rawColumn() + e.offset()), e.getMessage());
      return;
    }
    if (elements.count() == 0) {
      error(s.where(), c.name() + " needs at least one element");
      return;
    }
    Expr pad = c.operands().size() > 1 ? expression(c, 1) : null;
    if (c.operands().size() > 1 && pad == null) {
      return;
    }
    if (asm.layout.location() % 8 != 0) {
      error(
          c.where(),
          "packed rows must start at a multiple of 8 bytes, but the "
              + asm.layout.section().sectionName()
              + " location is "
              + asm.layout.location()
              + "; put .align 8 before it");
      return;
    }
    long length = Rows.paddedBytes(elements.count(), asm.machine.vectorWidth());
    Evaluator.Scope scope = asm.scopeNow();
    long start = asm.layout.claimData(length, c.where(), c.name());
    if (start < 0) {
      return;
    }
    byte[] bytes = initialized(length, c.where());
    if (bytes == null) {
      return;
    }
    asm.data.add(
        new DataImage.Range(asm.layout.section(), start, length, bytes, c.where(), asm.seq()));
    Rows.pack(elements, false, bytes);
    if (pad != null) {
      Where where = c.operands().get(1).where();
      asm.valueLater(
          pad,
          scope,
          v -> {
            if (v != 0 && v != 1) {
              throw EvalException.failure(
                  where, "the pad bit of " + c.name() + " must be 0 or 1, got " + v);
            }
            Rows.pack(elements, v == 1, bytes);
          });
    }
  }

  // ---- code, files, entry ----

  private void inst(Command c) {
    if (!asm.layout.section().isText()) {
      error(
          c.where(),
          "'.inst' places an instruction word, so it belongs in the text section,"
              + " not in "
              + asm.layout.section().sectionName());
      return;
    }
    Expr e = expression(c, 0);
    if (e == null) {
      return;
    }
    int index = asm.layout.claimCode(c.where());
    if (index < 0) {
      return;
    }
    Evaluator.Scope scope = new Evaluator.Scope(asm.seq(), index, false);
    asm.valueLater(e, scope, v -> asm.code.set(index, v));
  }

  private void include(Command c) {
    Ast.Operand o = c.operands().get(0);
    if (!(o instanceof Ast.StringOperand s)) {
      error(
          o.where(),
          ".include needs a file name in double quotes, got '" + Hints.abbreviate(o.text()) + "'");
      return;
    }
    StringBuilder name = new StringBuilder();
    String raw = s.raw();
    for (int i = 0; i < raw.length(); i++) {
      char ch = raw.charAt(i);
      if (ch == '\\') {
        char next = raw.charAt(++i);
        if (next != '\\' && next != '"') {
          error(
              s.where().atColumn(s.rawColumn() + i - 1),
              "unknown escape '\\" + next + "' in a string; only \\\\ and \\\" are escapes");
          return;
        }
        ch = next;
      }
      name.append(ch);
    }
    if (name.length() == 0) {
      error(s.where(), ".include needs a file name, got an empty string");
      return;
    }
    asm.include(name.toString(), c.where());
  }
}
