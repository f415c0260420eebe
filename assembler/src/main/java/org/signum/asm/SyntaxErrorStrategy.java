package org.signum.asm;

import static org.signum.asm.SignumAsmParser.COLON;
import static org.signum.asm.SignumAsmParser.COMMA;
import static org.signum.asm.SignumAsmParser.DEC;
import static org.signum.asm.SignumAsmParser.IDENT;
import static org.signum.asm.SignumAsmParser.LBRACK;
import static org.signum.asm.SignumAsmParser.LPAREN;
import static org.signum.asm.SignumAsmParser.MACRO;
import static org.signum.asm.SignumAsmParser.RBRACK;
import static org.signum.asm.SignumAsmParser.RPAREN;
import static org.signum.asm.SignumAsmParser.STRING;
import static org.signum.asm.SignumAsmParser.TILDE;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops a line's parse at its first error with a message in plain words, such as {@code expected an
 * operand after ',' but found end of line}. ANTLR's own recovery would guess at repairs and report
 * follow-on errors; one line has one mistake worth reporting.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

  /** The first syntax error of a line, positioned at the offending token. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Token token;

    SyntaxError(Token token, String message) {
      super(message, null, false, false);
      this.token = token;
    }

    Token token() {
      return token;
    }
  }

  @Override
  public void reportError(Parser parser, RecognitionException e) {
    throw error(parser, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  public void recover(Parser parser, RecognitionException e) {
    throw error(parser, e.getOffendingToken(), e.getExpectedTokens());
  }

  @Override
  public Token recoverInline(Parser parser) {
    throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
  }

  /**
   * Fails as soon as the next token cannot continue the line, where the full set of tokens that
   * could have followed is known; waiting for a later mismatch would name only some of them.
   */
  @Override
  public void sync(Parser parser) {
    int next = parser.getInputStream().LA(1);
    // isExpectedToken walks cached follow sets and stops at the first match, so valid lines pay
    // little; the full expected set is computed only for the message.
    if (!parser.isExpectedToken(next)) {
      throw error(parser, parser.getCurrentToken(), parser.getExpectedTokens());
    }
  }

  private static SyntaxError error(Parser parser, Token found, IntervalSet expected) {
    StringBuilder m = new StringBuilder("expected ").append(describe(parser, expected));
    int index = found.getTokenIndex();
    if (index > 0) {
      m.append(" after ").append(describe(parser.getInputStream().get(index - 1)));
    }
    m.append(" but found ").append(describe(found));
    return new SyntaxError(found, m.toString());
  }

  private static String describe(Parser parser, IntervalSet expected) {
    if (expected.contains(MACRO)) {
      return "a label, an instruction or a directive";
    }
    List<String> parts = new ArrayList<>();
    if (expected.contains(DEC) || expected.contains(LPAREN) || expected.contains(TILDE)) {
      parts.add(expected.contains(STRING) ? "an operand" : "an expression");
    } else if (expected.contains(IDENT)) {
      parts.add(nameKind(parser));
    }
    addIf(parts, expected, COLON, "':'");
    addIf(parts, expected, COMMA, "','");
    addIf(parts, expected, LBRACK, "'['");
    addIf(parts, expected, RBRACK, "']'");
    addIf(parts, expected, RPAREN, "')'");
    addIf(parts, expected, Token.EOF, "end of line");
    if (parts.isEmpty()) {
      parts.add("an operator");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " or "
        + parts.get(parts.size() - 1);
  }

  private static String nameKind(Parser parser) {
    if (parser.getContext() instanceof SignumAsmParser.MacroHeaderContext h) {
      return h.name == null ? "a macro name" : "a parameter name";
    }
    return "a name";
  }

  private static void addIf(List<String> parts, IntervalSet set, int type, String text) {
    if (set.contains(type)) {
      parts.add(text);
    }
  }

  /** How a message quotes a token. */
  static String describe(Token t) {
    if (t.getType() == Token.EOF) {
      return "end of line";
    }
    if (t.getType() == STRING) {
      return "a string";
    }
    return "'" + Hints.abbreviate(t.getText()) + "'";
  }
}
