package org.signum.asm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.signum.asm.Ast.Binary;
import org.signum.asm.Ast.Expr;
import org.signum.asm.SymbolTable.Binding;
import org.signum.asm.SymbolTable.Constant;
import org.signum.asm.SymbolTable.Definition;
import org.signum.asm.SymbolTable.Label;
import org.signum.asm.SymbolTable.LocalLabel;

/**
 * Evaluates integer expressions in 64-bit two's complement arithmetic.
 *
 * <p>In the first pass ({@code finalPass == false}) a symbol that no earlier line defined raises
 * {@link EvalException.Kind#NOT_YET_DEFINED}, since a later line may still define it; in the final
 * pass every symbol is known and an unknown one is an error.
 */
final class Evaluator {

  /**
   * What an expression is evaluated for.
   *
   * @param seq the sequence number of the statement holding it
   * @param dot the value of {@code .} there
   * @param finalPass whether every definition is known
   */
  record Scope(int seq, long dot, boolean finalPass) {}

  private final SymbolTable symbols;
  private final Map<String, Long> predefined;
  private final Diagnostics diagnostics;

  Evaluator(SymbolTable symbols, Map<String, Long> predefined, Diagnostics diagnostics) {
    this.symbols = symbols;
    this.predefined = predefined;
    this.diagnostics = diagnostics;
  }

  /** Whether {@code name} has the form of a register ({@code r3}, {@code v0}, {@code a12}). */
  static boolean isRegisterName(String name) {
    if (name.length() < 2 || "rva".indexOf(name.charAt(0)) < 0) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  long eval(Expr e, Scope s) throws EvalException {
    if (e instanceof Ast.Num n) {
      return n.value();
    }
    if (e instanceof Ast.Sym sym) {
      return symbol(sym, s);
    }
    if (e instanceof Ast.LocalRef r) {
      return local(r, s);
    }
    if (e instanceof Ast.Unary u) {
      return unary(u.op(), eval(u.operand(), s));
    }
    return binary((Binary) e, s);
  }

  private static long unary(char op, long v) {
    return switch (op) {
      case '-' -> -v;
      case '~' -> ~v;
      default -> v;
    };
  }

  /** Left-nested chains can be as long as a line, so the left spine is folded with a loop. */
  private long binary(Binary top, Scope s) throws EvalException {
    Deque<Binary> spine = new ArrayDeque<>();
    Expr e = top;
    while (e instanceof Binary b) {
      spine.push(b);
      e = b.left();
    }
    long acc = eval(e, s);
    while (!spine.isEmpty()) {
      Binary b = spine.pop();
      acc = apply(b, acc, eval(b.right(), s));
    }
    return acc;
  }

  private static long apply(Binary b, long x, long y) throws EvalException {
    return switch (b.op()) {
      case MUL -> x * y;
      case DIV -> {
        if (y == 0) {
          throw EvalException.failure(b.where(), "division by zero");
        }
        yield x / y;
      }
      case MOD -> {
        if (y == 0) {
          throw EvalException.failure(b.where(), "modulo by zero");
        }
        yield x % y;
      }
      case ADD -> x + y;
      case SUB -> x - y;
      case SHL, SHR -> {
        if (y < 0 || y > 63) {
          throw EvalException.failure(
              b.where(), "shift count " + y + " is outside the range [0, 63]");
        }
        yield b.op() == Ast.BinaryOp.SHL ? x << y : x >> y;
      }
      case AND -> x & y;
      case XOR -> x ^ y;
      case OR -> x | y;
    };
  }

  private long symbol(Ast.Sym sym, Scope s) throws EvalException {
    String name = sym.name();
    if (name.equals(".")) {
      return s.dot();
    }
    Definition d = symbols.get(name);
    if (d instanceof Label l) {
      return l.value();
    }
    if (d instanceof Constant c) {
      return binding(c, c.at(s.seq()), sym, s.finalPass());
    }
    Long value = predefined.get(name);
    if (value != null) {
      return value;
    }
    if (isRegisterName(name)) {
      throw EvalException.failure(
          sym.where(), "register '" + name + "' cannot be used in an expression");
    }
    if (!s.finalPass()) {
      throw EvalException.notYetDefined(sym.where(), name);
    }
    throw EvalException.failure(sym.where(), undefinedMessage(name));
  }

  /** {@code undefined symbol 'x'}, with a suggestion when a defined name is close. */
  String undefinedMessage(String name) {
    return "undefined symbol '" + name + "'" + Hints.didYouMean(name, candidates());
  }

  private List<String> candidates() {
    List<String> names = new ArrayList<>(predefined.keySet());
    symbols.names().forEach(names::add);
    return names;
  }

  private long binding(Constant c, Binding b, Ast.Sym ref, boolean finalPass) throws EvalException {
    switch (b.state) {
      case DONE:
        return b.value;
      case FAILED:
        throw EvalException.poisoned();
      case EVALUATING:
        throw EvalException.failure(
            ref.where(), "symbol '" + c.name() + "' is defined in terms of itself");
      default:
        break;
    }
    b.state = Binding.State.EVALUATING;
    try {
      b.value = eval(b.expr, new Scope(b.seq, b.dot, finalPass));
      b.state = Binding.State.DONE;
      return b.value;
    } catch (EvalException e) {
      if (e.kind() == EvalException.Kind.NOT_YET_DEFINED) {
        b.state = Binding.State.UNEVALUATED;
        throw e;
      }
      b.state = Binding.State.FAILED;
      if (e.kind() == EvalException.Kind.FAILURE) {
        diagnostics.error(e.where(), e.getMessage());
      }
      throw EvalException.poisoned();
    }
  }

  /** Evaluates a binding for its own sake, reporting any error once; for the final pass. */
  void settle(Constant c, Binding b) {
    try {
      binding(c, b, new Ast.Sym(c.name(), b.where), true);
    } catch (EvalException e) {
      // Reported where it arose, or earlier.
    }
  }

  private long local(Ast.LocalRef r, Scope s) throws EvalException {
    LocalLabel l = symbols.local(r.number(), s.seq(), r.forward());
    if (l != null) {
      return l.value();
    }
    String ref = r.number() + (r.forward() ? "f" : "b");
    if (r.forward() && !s.finalPass()) {
      throw EvalException.notYetDefined(r.where(), ref);
    }
    throw EvalException.failure(
        r.where(),
        "no local label '"
            + r.number()
            + ":' "
            + (r.forward() ? "after" : "before")
            + " this reference to '"
            + ref
            + "'");
  }
}
