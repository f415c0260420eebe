package org.signum.asm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signum.asm.Ast.Expr;

/**
 * Labels, constants and local numeric labels. Every definition carries the sequence number of the
 * statement that made it, so that {@code 1b}, {@code 1f} and a redefined {@code .set} symbol
 * resolve relative to the statement that refers to them.
 */
final class SymbolTable {

  /** A named definition. */
  sealed interface Definition permits Label, Constant {
    String name();

    /** Where it was (first) defined. */
    Where where();
  }

  /** A label: an instruction index in text, a byte address in a data section. */
  record Label(String name, Section section, long value, Where where) implements Definition {}

  /** A {@code .equ} or {@code .set} symbol; {@code .set} may add bindings. */
  static final class Constant implements Definition {
    private final String name;
    private final boolean redefinable;
    private final List<Binding> bindings = new ArrayList<>();

    Constant(String name, boolean redefinable) {
      this.name = name;
      this.redefinable = redefinable;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Where where() {
      return bindings.get(0).where;
    }

    /** Whether {@code .set} may rebind it. */
    boolean redefinable() {
      return redefinable;
    }

    List<Binding> bindings() {
      return bindings;
    }

    /**
     * The binding a statement with sequence number {@code seq} sees: the last one made before it,
     * or the first one for a statement that comes before them all.
     */
    Binding at(int seq) {
      int lo = 0;
      int hi = bindings.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (bindings.get(mid).seq < seq) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return bindings.get(Math.max(0, lo - 1));
    }
  }

  /** One {@code .equ} or {@code .set}: an expression evaluated lazily, at most once. */
  static final class Binding {
    enum State {
      UNEVALUATED,
      EVALUATING,
      DONE,
      FAILED
    }

    final int seq;
    final Expr expr;
    final long dot;
    final Where where;
    State state = State.UNEVALUATED;
    long value;

    Binding(int seq, Expr expr, long dot, Where where) {
      this.seq = seq;
      this.expr = expr;
      this.dot = dot;
      this.where = where;
    }
  }

  /** One definition of a local numeric label. */
  record LocalLabel(int seq, long value) {}

  private final Map<String, Definition> definitions = new LinkedHashMap<>();
  private final Map<Long, List<LocalLabel>> locals = new HashMap<>();

  Definition get(String name) {
    return definitions.get(name);
  }

  void defineLabel(Label label) {
    definitions.put(label.name(), label);
  }

  /** Adds a binding, creating the constant on its first one. */
  void bind(String name, boolean redefinable, Binding binding) {
    Constant c = (Constant) definitions.computeIfAbsent(name, n -> new Constant(n, redefinable));
    c.bindings.add(binding);
  }

  void defineLocal(long number, int seq, long value) {
    locals.computeIfAbsent(number, n -> new ArrayList<>()).add(new LocalLabel(seq, value));
  }

  /** The nearest definition of local label {@code number} before (or after) {@code seq}. */
  LocalLabel local(long number, int seq, boolean forward) {
    List<LocalLabel> defs = locals.getOrDefault(number, List.of());
    // Definitions are appended in sequence order, so a binary search finds the neighbours.
    int lo = 0;
    int hi = defs.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (defs.get(mid).seq() < seq) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (forward) {
      while (lo < defs.size() && defs.get(lo).seq() <= seq) {
        lo++;
      }
      return lo < defs.size() ? defs.get(lo) : null;
    }
    return lo > 0 ? defs.get(lo - 1) : null;
  }

  Iterable<Definition> all() {
    return definitions.values();
  }

  Iterable<String> names() {
    return definitions.keySet();
  }
}
