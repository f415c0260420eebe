package org.signum.asm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signum.asm.Ast.Command;
import org.signum.asm.Ast.Expr;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.SymbolTable.Binding;
import org.signum.asm.SymbolTable.Constant;
import org.signum.asm.SymbolTable.Definition;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;
import org.signum.isa.Pseudo;

/**
 * One run of the assembler. The first pass reads the lines in order, expanding macros and includes
 * as it meets them, defines every label and lays out code and data; what depends on symbols defined
 * further on (operands, most data values) is queued and resolved in the final pass, when every
 * symbol is known.
 */
final class Assembly {
  static final int MAX_MACRO_DEPTH = 64;
  static final long MAX_EXPANDED_LINES = 100_000;
  static final long MAX_EXPANDED_CHARS = 16L << 20;

  final MachineDescription machine;
  final Diagnostics diagnostics = new Diagnostics();
  final SymbolTable symbols = new SymbolTable();
  final CodeBuffer code = new CodeBuffer();
  final DataImage data = new DataImage();
  final Layout layout;
  private final Evaluator evaluator;
  private final Map<String, Long> predefined;
  private final LineParser parser;
  private final InstructionBuilder builder;
  private final Directives directives;
  private final Macros macros;
  private final Includes includes;
  private final Map<String, Integer> fileIndex = new LinkedHashMap<>();
  private final List<Runnable> finalPass = new ArrayList<>();
  private final List<Postponed> postponed = new ArrayList<>();

  private int seq;
  private int macroDepth;
  private long expansions;
  private long expandedLines;
  private long expandedChars;
  private boolean budgetExceeded;
  // Set when a recursion hits the depth limit, so that the rest of that expansion tree, which
  // would hit it again at every leaf, is abandoned after one message.
  private boolean unwinding;
  private Expr entry;
  private Where entryWhere;
  private Evaluator.Scope entryScope;

  /** A first-pass value that named a symbol not yet defined; judged once all are known. */
  private record Postponed(EvalException cause, String directive, int seq) {}

  /** Receives a value once it is known. */
  interface ValueUse {
    void accept(long value) throws EvalException;
  }

  Assembly(MachineDescription machine, List<Path> includeDirs) {
    this.machine = machine;
    this.layout = new Layout(machine, diagnostics, code);
    this.predefined = predefinedConstants(machine);
    this.evaluator = new Evaluator(symbols, predefined, diagnostics);
    this.parser = new LineParser(diagnostics);
    this.builder = new InstructionBuilder(machine, evaluator, diagnostics);
    this.directives = new Directives(this);
    this.macros = new Macros(diagnostics);
    this.includes = new Includes(includeDirs, diagnostics);
  }

  /** VECTOR_WIDTH, WMEM_BYTES and the like, plus VBYTES and VWORDS. */
  static Map<String, Long> predefinedConstants(MachineDescription machine) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (MachineParameter p : MachineParameter.values()) {
      m.put(p.key().toUpperCase(Locale.ROOT), machine.get(p));
    }
    m.put("VBYTES", (long) machine.vectorBytes());
    m.put("VWORDS", (long) machine.vectorWords());
    return Map.copyOf(m);
  }

  AssemblyResult run(SourceFile main) {
    ObjectFile object = null;
    try {
      processFile(main);
      object = finish();
    } catch (Diagnostics.TooManyErrors e) {
      object = null;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, not bad input; the fuzz test makes sure no input reaches here. The caller still
      // gets a diagnostic rather than an exception.
      diagnostics.internalError(main.path(), e);
    }
    List<Diagnostic> sorted = diagnostics.sorted();
    return new AssemblyResult(sorted.isEmpty() ? object : null, sorted);
  }

  // ---- the first pass: files, lines, macros ----

  private void processFile(SourceFile file) {
    fileIndex.putIfAbsent(file.path(), fileIndex.size());
    includes.enter(file);
    Macros.Capture capture = null;
    for (int n = 1; n <= file.lineCount(); n++) {
      String text = file.line(n);
      if (capture != null) {
        if (!capture.take(text, n)) {
          capture = null;
        }
        continue;
      }
      Ast.Line line = parser.parse(text, file, n, null);
      if (line == null) {
        continue;
      }
      if (line.statement() instanceof Ast.MacroHeader h) {
        defineLabels(line.labels());
        capture = macros.begin(h, file);
      } else {
        processLine(line);
      }
    }
    if (capture != null) {
      capture.unterminated();
    }
    includes.leave();
  }

  /** Assembles the file named by {@code .include} at {@code where}, there. */
  void include(String name, Where where) {
    SourceFile file = includes.resolve(name, where);
    if (file != null) {
      processFile(file);
    }
  }

  private void processLine(Ast.Line line) {
    defineLabels(line.labels());
    Ast.Statement s = line.statement();
    if (s instanceof Ast.MacroHeader h) {
      diagnostics.error(h.where(), "a macro cannot be defined inside a macro expansion");
    } else if (s instanceof Command c) {
      seq++;
      command(c);
    }
  }

  private void command(Command c) {
    String name = c.name();
    if (name.startsWith(".")) {
      Directive d = Directive.byName(name);
      if (d == null) {
        diagnostics.error(
            c.where(),
            "unknown directive '" + name + "'" + Hints.didYouMean(name, Directive.names()));
        return;
      }
      String countProblem = d.checkCount(c.operands().size());
      if (countProblem != null) {
        diagnostics.error(c.where(), countProblem);
        return;
      }
      directives.handle(d, c);
      return;
    }
    Opcode op = Opcode.byMnemonic(name);
    Pseudo pseudo = op == null ? Pseudo.byMnemonic(name) : null;
    if (op != null || pseudo != null) {
      instruction(c, op != null ? op : pseudo.expansion(), pseudo);
      return;
    }
    Macro m = macros.get(name);
    if (m != null) {
      expand(m, c);
      return;
    }
    diagnostics.error(c.where(), "unknown mnemonic '" + name + "'" + suggestMnemonic(name));
  }

  private String suggestMnemonic(String name) {
    List<String> all = new ArrayList<>();
    for (Opcode o : Opcode.values()) {
      all.add(o.mnemonic());
    }
    for (Pseudo p : Pseudo.values()) {
      all.add(p.mnemonic());
    }
    all.addAll(macros.names());
    String lower = name.toLowerCase(Locale.ROOT);
    if (all.contains(lower)) {
      return ", did you mean '" + lower + "'?";
    }
    return Hints.didYouMean(name, all);
  }

  private void expand(Macro m, Command c) {
    if (m.broken() || budgetExceeded) {
      return;
    }
    if (c.operands().size() != m.params().size()) {
      diagnostics.error(
          c.where(),
          "macro '"
              + m.name()
              + "' expects "
              + argumentCount(m.params().size())
              + " ("
              + m.syntax()
              + "), got "
              + c.operands().size());
      return;
    }
    if (macroDepth >= MAX_MACRO_DEPTH) {
      diagnostics.error(
          c.where(),
          "macro '"
              + m.name()
              + "' is nested more than "
              + MAX_MACRO_DEPTH
              + " expansions deep; is it recursive?");
      unwinding = true;
      return;
    }
    List<String> args = new ArrayList<>();
    for (Ast.Operand o : c.operands()) {
      args.add(o.text());
    }
    long id = expansions++;
    Where.Expansion via = new Where.Expansion(m.name(), c.where());
    macroDepth++;
    try {
      for (Macro.BodyLine body : m.body()) {
        String text = m.substitute(body, args, id);
        expandedLines++;
        expandedChars += text.length();
        if (expandedLines > MAX_EXPANDED_LINES || expandedChars > MAX_EXPANDED_CHARS) {
          diagnostics.error(
              c.where(),
              "macro expansions exceed the assembler's limit of "
                  + MAX_EXPANDED_LINES
                  + " lines or "
                  + MAX_EXPANDED_CHARS
                  + " characters in all; is a macro"
                  + " recursive?");
          budgetExceeded = true;
          return;
        }
        Ast.Line line = parser.parse(text, m.file(), body.line(), via);
        if (line != null) {
          processLine(line);
        }
        if (budgetExceeded || unwinding) {
          return;
        }
      }
    } finally {
      macroDepth--;
      if (macroDepth == 0) {
        unwinding = false;
      }
    }
  }

  private static String argumentCount(int n) {
    return n == 0 ? "no arguments" : n == 1 ? "1 argument" : n + " arguments";
  }

  // ---- labels and symbols ----

  private void defineLabels(List<Ast.Label> labels) {
    for (Ast.Label l : labels) {
      int s = ++seq;
      long value = layout.location();
      if (l.numeric()) {
        symbols.defineLocal(l.number(), s, value);
      } else if (definable(l.name(), l.where())) {
        symbols.defineLabel(new SymbolTable.Label(l.name(), layout.section(), value, l.where()));
      }
    }
  }

  /** Whether {@code name} may be given a first definition at {@code where}; reports why not. */
  boolean definable(String name, Where where) {
    String problem = null;
    if (name.equals(".")) {
      problem = "'.' is the location counter and cannot be defined";
    } else if (Evaluator.isRegisterName(name)) {
      problem = "'" + name + "' is a register name and cannot be defined as a symbol";
    } else if (predefined.containsKey(name)) {
      problem = "'" + name + "' is predefined from the machine description and cannot be redefined";
    } else if (symbols.get(name) != null) {
      problem =
          "symbol '"
              + name
              + "' is already defined on "
              + symbols.get(name).where().lineReference(where.site().file());
    }
    if (problem != null) {
      diagnostics.error(where, problem);
    }
    return problem == null;
  }

  int seq() {
    return seq;
  }

  // ---- values ----

  /** The scope of the statement being assembled, for first-pass evaluation. */
  Evaluator.Scope scopeNow() {
    return new Evaluator.Scope(seq, layout.location(), false);
  }

  /**
   * The value of {@code e} in the first pass, for directives that lay out memory; null after
   * reporting why there is none.
   */
  Long valueNow(Expr e, String directive) {
    try {
      return evaluator.eval(e, scopeNow());
    } catch (EvalException x) {
      if (x.kind() == EvalException.Kind.NOT_YET_DEFINED) {
        postponed.add(new Postponed(x, directive, seq));
      } else {
        report(x);
      }
      return null;
    }
  }

  /** Hands the value of {@code e} to {@code use} now if possible, else in the final pass. */
  void valueLater(Expr e, Evaluator.Scope scope, ValueUse use) {
    try {
      use.accept(evaluator.eval(e, scope));
    } catch (EvalException x) {
      if (x.kind() != EvalException.Kind.NOT_YET_DEFINED) {
        report(x);
        return;
      }
      Evaluator.Scope last = new Evaluator.Scope(scope.seq(), scope.dot(), true);
      finalPass.add(
          () -> {
            try {
              use.accept(evaluator.eval(e, last));
            } catch (EvalException y) {
              report(y);
            }
          });
    }
  }

  private void report(EvalException x) {
    if (x.kind() == EvalException.Kind.FAILURE) {
      diagnostics.error(x.where(), x.getMessage());
    }
  }

  // ---- instructions ----

  private void instruction(Command c, Opcode op, Pseudo pseudo) {
    String shown = pseudo == null ? op.mnemonic() : pseudo.mnemonic();
    int expected = pseudo == null ? op.operands().size() : pseudo.arity();
    if (c.operands().size() != expected) {
      String syntax = pseudo == null ? op.syntax() : pseudo.syntax();
      diagnostics.error(
          c.where(),
          Directive.countMessage(
              shown, Directive.operandCount(expected), syntax, c.operands().size()));
      return;
    }
    if (!layout.section().isText()) {
      diagnostics.error(
          c.where(),
          "instructions belong in the text section, but the current section is "
              + layout.section().sectionName());
      return;
    }
    int index = layout.claimCode(c.where());
    if (index < 0) {
      return;
    }
    List<InstructionBuilder.Slot> slots = slots(c, op, pseudo);
    Evaluator.Scope scope = new Evaluator.Scope(seq, index, true);
    finalPass.add(
        () -> builder.build(op, shown, slots, index, scope).ifPresent(w -> code.set(index, w)));
  }

  /** Pairs the real instruction's operands with their source, through a pseudo's template. */
  private static List<InstructionBuilder.Slot> slots(Command c, Opcode op, Pseudo pseudo) {
    List<InstructionBuilder.Slot> slots = new ArrayList<>();
    if (pseudo == null) {
      for (int i = 0; i < op.operands().size(); i++) {
        slots.add(
            new InstructionBuilder.Slot(
                op.operands().get(i), c.operands().get(i), op.operands().get(i).name(), null));
      }
      return slots;
    }
    List<String> names = pseudo.operandNames();
    for (int i = 0; i < pseudo.template().size(); i++) {
      String t = pseudo.template().get(i);
      if (t.startsWith("$")) {
        int k = Integer.parseInt(t.substring(1));
        slots.add(
            new InstructionBuilder.Slot(
                op.operands().get(i), c.operands().get(k), names.get(k), null));
      } else {
        slots.add(
            new InstructionBuilder.Slot(
                op.operands().get(i),
                fixedOperand(t, c.where()),
                op.operands().get(i).name(),
                pseudo.mnemonic()));
      }
    }
    return slots;
  }

  /** A fixed operand of a pseudo-instruction's template: a register or an integer. */
  private static Ast.Operand fixedOperand(String text, Where where) {
    Expr e =
        Evaluator.isRegisterName(text)
            ? new Ast.Sym(text, where)
            : new Ast.Num(Long.parseLong(text), where);
    return new Ast.ExprOperand(e, text, where);
  }

  // ---- the entry point ----

  void setEntry(Expr e, Where where) {
    if (entry != null) {
      diagnostics.error(
          where,
          "the entry point is already set on " + entryWhere.lineReference(where.site().file()));
      return;
    }
    entry = e;
    entryWhere = where;
    entryScope = new Evaluator.Scope(seq, layout.location(), true);
  }

  // ---- the final pass ----

  private ObjectFile finish() {
    for (Runnable r : finalPass) {
      r.run();
    }
    for (Definition d : symbols.all()) {
      if (d instanceof Constant c) {
        for (Binding b : c.bindings()) {
          evaluator.settle(c, b);
        }
      }
    }
    int entryIndex = finishEntry();
    for (Postponed p : postponed) {
      reportPostponed(p);
    }
    data.checkOverlaps(diagnostics);
    if (!diagnostics.isEmpty()) {
      return null;
    }
    List<Symbol> table = new ArrayList<>();
    for (Definition d : symbols.all()) {
      if (d instanceof SymbolTable.Label l) {
        table.add(new Symbol(l.name(), l.section().symbolKind(), l.value()));
      } else if (d instanceof Constant c) {
        Binding last = c.bindings().get(c.bindings().size() - 1);
        table.add(new Symbol(c.name(), ObjectFile.SymbolKind.CONSTANT, last.value));
      }
    }
    table.sort(Comparator.comparing(Symbol::name));
    return new ObjectFile(
        machine.architecturalParameters(),
        entryIndex,
        code.words(),
        data.sections(),
        List.copyOf(table),
        code.lines(f -> fileIndex.get(f.path())),
        List.copyOf(fileIndex.keySet()));
  }

  /** A first-pass value that needed a symbol: defined too late, or never. */
  private void reportPostponed(Postponed p) {
    String name = p.cause().name();
    Where where = p.cause().where();
    boolean local = Character.isDigit(name.charAt(0));
    String number = name.substring(0, name.length() - 1);
    boolean later =
        local
            ? symbols.local(Long.parseLong(number), p.seq(), true) != null
            : symbols.get(name) != null;
    if (later) {
      diagnostics.error(
          where,
          p.directive()
              + " needs the value of '"
              + name
              + "' here, but it is defined only further on; define it before this line");
    } else if (local) {
      diagnostics.error(
          where, "no local label '" + number + ":' after this reference to '" + name + "'");
    } else {
      diagnostics.error(where, evaluator.undefinedMessage(name));
    }
  }

  private int finishEntry() {
    if (entry == null) {
      return 0;
    }
    try {
      long v = evaluator.eval(entry, entryScope);
      int length = code.length();
      if (v < 0 || v >= Math.max(length, 1)) {
        diagnostics.error(
            entry.where(),
            "entry point "
                + v
                + " is outside the program, which has "
                + (length == 0
                    ? "no instructions"
                    : length + " instructions (0 to " + (length - 1) + ")"));
        return 0;
      }
      return (int) v;
    } catch (EvalException x) {
      report(x);
      return 0;
    }
  }
}
