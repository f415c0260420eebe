package org.signum.asm;

import static org.signum.asm.SignumAsmLexer.BAD_CHAR;
import static org.signum.asm.SignumAsmLexer.BIN;
import static org.signum.asm.SignumAsmLexer.COLON;
import static org.signum.asm.SignumAsmLexer.DEC;
import static org.signum.asm.SignumAsmLexer.HEX;
import static org.signum.asm.SignumAsmLexer.IDENT;
import static org.signum.asm.SignumAsmLexer.LPAREN;
import static org.signum.asm.SignumAsmLexer.MACRO;
import static org.signum.asm.SignumAsmLexer.MALFORMED_NUMBER;
import static org.signum.asm.SignumAsmLexer.MINUS;
import static org.signum.asm.SignumAsmLexer.PLUS;
import static org.signum.asm.SignumAsmLexer.RBRACK;
import static org.signum.asm.SignumAsmLexer.RPAREN;
import static org.signum.asm.SignumAsmLexer.TILDE;
import static org.signum.asm.SignumAsmLexer.UNTERMINATED_STRING;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.signum.asm.Ast.Expr;
import org.signum.asm.SignumAsmParser.BinaryExprContext;
import org.signum.asm.SignumAsmParser.ExprContext;
import org.signum.asm.SignumAsmParser.ExprOperandContext;
import org.signum.asm.SignumAsmParser.LabelContext;
import org.signum.asm.SignumAsmParser.LineContext;
import org.signum.asm.SignumAsmParser.LocalRefExprContext;
import org.signum.asm.SignumAsmParser.MacroHeaderContext;
import org.signum.asm.SignumAsmParser.MemoryOperandContext;
import org.signum.asm.SignumAsmParser.NumberExprContext;
import org.signum.asm.SignumAsmParser.OperandContext;
import org.signum.asm.SignumAsmParser.ParenExprContext;
import org.signum.asm.SignumAsmParser.StatementContext;
import org.signum.asm.SignumAsmParser.StringOperandContext;
import org.signum.asm.SignumAsmParser.SymbolExprContext;
import org.signum.asm.SignumAsmParser.UnaryExprContext;

/**
 * Turns one line of text into an {@link Ast.Line}, or reports the line's first error and returns
 * null. Before parsing it rejects what would make the parser or later passes misbehave: stray
 * characters, unterminated strings, malformed numbers, absurdly long lines, and expressions nested
 * deeper than any program needs (the parser recurses once per level).
 */
final class LineParser {
  static final int MAX_TOKENS = 100_000;
  static final int MAX_NESTING = 100;

  /** Longer names are surely mistakes, and messages that quote names stay readable. */
  static final int MAX_NAME = 255;

  /** Local label numbers beyond this many digits are surely typos, and might not fit a long. */
  private static final int MAX_LOCAL_DIGITS = 9;

  private final Diagnostics diagnostics;
  private final SignumAsmLexer lexer;
  private final SignumAsmParser parser;

  LineParser(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.lexer = new SignumAsmLexer(CharStreams.fromString(""));
    lexer.removeErrorListeners();
    this.parser = new SignumAsmParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.setErrorHandler(new SyntaxErrorStrategy());
  }

  /** Where the line being parsed comes from. */
  private record Origin(SourceFile file, int line, Where.Expansion via) {
    Where at(Token t) {
      return new Where(file, line, t.getCharPositionInLine() + 1, via);
    }
  }

  /** A token whose text the AST cannot represent; the line is rejected. */
  private static final class BadToken extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Token token;

    BadToken(Token token, String message) {
      super(message, null, false, false);
      this.token = token;
    }
  }

  /**
   * Parses {@code text}, line {@code lineNo} of {@code file} or, when {@code via} is not null, of a
   * macro body expanded there.
   */
  Ast.Line parse(String text, SourceFile file, int lineNo, Where.Expansion via) {
    Origin origin = new Origin(file, lineNo, via);
    lexer.setInputStream(CharStreams.fromString(text));
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (tokens.size() == MAX_TOKENS) {
        diagnostics.error(
            origin.at(t),
            "line has more than " + MAX_TOKENS + " tokens; split it into several lines");
        return null;
      }
      tokens.add(t);
    }
    if (tokens.isEmpty()) {
      return new Ast.Line(List.of(), null);
    }
    try {
      prescan(tokens);
      parser.setInputStream(new CommonTokenStream(new ListTokenSource(tokens)));
      return convert(parser.line(), origin);
    } catch (SyntaxErrorStrategy.SyntaxError e) {
      diagnostics.error(origin.at(e.token()), e.getMessage());
    } catch (BadToken e) {
      diagnostics.error(origin.at(e.token), e.getMessage());
    }
    return null;
  }

  // ---- checks before parsing ----

  private static void prescan(List<Token> tokens) throws BadToken {
    int nameIndex = statementNameIndex(tokens);
    // Unary operators still waiting for their operand, per open parenthesis.
    Deque<int[]> pending = new ArrayDeque<>();
    pending.push(new int[1]);
    int open = 0;
    int previous = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int type = t.getType();
      switch (type) {
        case BAD_CHAR -> throw new BadToken(t, unexpectedCharacter(t.getText()));
        case UNTERMINATED_STRING ->
            throw new BadToken(t, "unterminated string: missing the closing '\"'");
        case MALFORMED_NUMBER ->
            throw new BadToken(t, "malformed number '" + Hints.abbreviate(t.getText()) + "'");
        case IDENT -> {
          if (t.getText().length() > MAX_NAME) {
            throw new BadToken(
                t,
                "the name '"
                    + Hints.abbreviate(t.getText())
                    + "' has "
                    + t.getText().length()
                    + " characters; the assembler accepts at most "
                    + MAX_NAME);
          }
        }
        case LPAREN -> pending.push(new int[1]);
        case RPAREN -> {
          if (pending.size() > 1) {
            open -= pending.pop()[0];
          }
        }
        case DEC, HEX, BIN, SignumAsmLexer.LOCAL_REF, SignumAsmLexer.STRING, COLON, MACRO -> {
          // An operand leaves the operators before it pending until its expression goes on.
        }
        default -> {
          boolean sign =
              (type == PLUS || type == MINUS) && startsOperand(previous, i - 1 == nameIndex);
          if (type == TILDE || sign) {
            pending.peek()[0]++;
            open++;
          } else {
            // A binary operator or a separator completes every pending operand of its level.
            open -= pending.peek()[0];
            pending.peek()[0] = 0;
          }
        }
      }
      if (pending.size() - 1 + open > MAX_NESTING) {
        throw new BadToken(t, "expression nested more than " + MAX_NESTING + " levels deep");
      }
      previous = type;
    }
  }

  /** The index of the statement's name: the token after the leading labels, or -1. */
  private static int statementNameIndex(List<Token> tokens) {
    int i = 0;
    while (i + 1 < tokens.size()
        && (tokens.get(i).getType() == IDENT || tokens.get(i).getType() == DEC)
        && tokens.get(i + 1).getType() == COLON) {
      i += 2;
    }
    return i < tokens.size() && tokens.get(i).getType() == IDENT ? i : -1;
  }

  /** Whether a '+' or '-' after a token of type {@code previous} is a sign, not an operator. */
  private static boolean startsOperand(int previous, boolean afterName) {
    return switch (previous) {
      case IDENT -> afterName;
      case DEC, HEX, BIN, SignumAsmLexer.LOCAL_REF, SignumAsmLexer.STRING, RPAREN, RBRACK -> false;
      default -> true;
    };
  }

  static String unexpectedCharacter(String text) {
    int c = text.codePointAt(0);
    String shown = c > 0x20 && c < 0x7f ? "'" + text + "'" : String.format("U+%04X", c);
    String m = "unexpected character " + shown;
    return c == '\\' ? m + "; '\\' substitutes macro parameters only inside a macro body" : m;
  }

  // ---- parse tree to AST ----

  private static Ast.Line convert(LineContext ctx, Origin o) throws BadToken {
    List<Ast.Label> labels = new ArrayList<>();
    for (LabelContext l : ctx.label()) {
      Token name = l.name;
      long number = -1;
      if (name.getType() == DEC) {
        number = localNumber(name, name.getText());
      }
      labels.add(new Ast.Label(name.getText(), number, o.at(name)));
    }
    Ast.Statement statement = null;
    if (ctx.macroHeader() != null) {
      statement = macroHeader(ctx.macroHeader(), o);
    } else if (ctx.statement() != null) {
      statement = command(ctx.statement(), o);
    }
    return new Ast.Line(List.copyOf(labels), statement);
  }

  private static Ast.MacroHeader macroHeader(MacroHeaderContext h, Origin o) {
    List<String> params = new ArrayList<>();
    List<Where> wheres = new ArrayList<>();
    for (Token p : h.params) {
      params.add(p.getText());
      wheres.add(o.at(p));
    }
    return new Ast.MacroHeader(
        h.name.getText(), o.at(h.name), List.copyOf(params), List.copyOf(wheres), o.at(h.start));
  }

  private static Ast.Command command(StatementContext s, Origin o) throws BadToken {
    List<Ast.Operand> operands = new ArrayList<>();
    for (OperandContext op : s.operand()) {
      operands.add(operand(op, o));
    }
    return new Ast.Command(s.name.getText(), List.copyOf(operands), o.at(s.name));
  }

  private static Ast.Operand operand(OperandContext op, Origin o) throws BadToken {
    String text = sourceText(op);
    Where where = o.at(op.start);
    if (op instanceof StringOperandContext s) {
      String t = s.STRING().getText();
      return new Ast.StringOperand(t.substring(1, t.length() - 1), where.column() + 1, text, where);
    }
    if (op instanceof MemoryOperandContext m) {
      Where increment = m.increment == null ? null : o.at(m.increment);
      return new Ast.MemoryOperand(m.memory.getText(), expr(m.expr(), o), increment, text, where);
    }
    return new Ast.ExprOperand(expr(((ExprOperandContext) op).expr(), o), text, where);
  }

  private static String sourceText(ParserRuleContext ctx) {
    return ctx.start
        .getInputStream()
        .getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
  }

  /**
   * Converts an expression. A chain {@code a + b + c ...} nests to the left without limit, so the
   * left spine is walked with a loop; every other kind of nesting is bounded by the prescan.
   */
  private static Expr expr(ExprContext ctx, Origin o) throws BadToken {
    Deque<BinaryExprContext> spine = new ArrayDeque<>();
    ExprContext e = ctx;
    while (true) {
      if (e instanceof BinaryExprContext b) {
        spine.push(b);
        e = b.left;
      } else if (e instanceof ParenExprContext p) {
        e = p.expr();
      } else {
        break;
      }
    }
    Expr result = leaf(e, o);
    while (!spine.isEmpty()) {
      BinaryExprContext b = spine.pop();
      result =
          new Ast.Binary(Ast.BinaryOp.of(b.op.getText()), result, expr(b.right, o), o.at(b.op));
    }
    return result;
  }

  private static Expr leaf(ExprContext e, Origin o) throws BadToken {
    if (e instanceof UnaryExprContext u) {
      return new Ast.Unary(u.op.getText().charAt(0), expr(u.expr(), o), o.at(u.op));
    }
    if (e instanceof NumberExprContext n) {
      return new Ast.Num(number(n.value), o.at(n.value));
    }
    if (e instanceof LocalRefExprContext l) {
      Token t = l.LOCAL_REF().getSymbol();
      String s = t.getText();
      long number = localNumber(t, s.substring(0, s.length() - 1));
      return new Ast.LocalRef(number, s.endsWith("f"), o.at(t));
    }
    Token t = ((SymbolExprContext) e).IDENT().getSymbol();
    return new Ast.Sym(t.getText(), o.at(t));
  }

  private static long localNumber(Token t, String digits) throws BadToken {
    String d = digits.replace("_", "");
    if (d.length() > MAX_LOCAL_DIGITS) {
      throw new BadToken(
          t,
          "local label number '"
              + Hints.abbreviate(digits)
              + "' is too long: use at most "
              + MAX_LOCAL_DIGITS
              + " digits");
    }
    return Long.parseLong(d);
  }

  /** A literal's 64-bit pattern: any value up to 2^64 - 1 in any base. */
  private static long number(Token t) throws BadToken {
    String text = t.getText();
    int radix = 10;
    String digits = text;
    if (t.getType() == HEX) {
      radix = 16;
      digits = text.substring(2);
    } else if (t.getType() == BIN) {
      radix = 2;
      digits = text.substring(2);
    }
    digits = digits.replace("_", "");
    String shown = Hints.abbreviate(text);
    if (digits.isEmpty()) {
      throw new BadToken(t, "malformed number '" + shown + "': no digits");
    }
    try {
      return Long.parseUnsignedLong(digits, radix);
    } catch (NumberFormatException e) {
      throw new BadToken(t, "number '" + shown + "' does not fit in 64 bits");
    }
  }
}
