package org.signum.asm;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.signum.isa.Suggestions;

/**
 * One run of the assembler. The first pass reads the lines in order, expanding macros and includes
 * as it meets them, defines every label and lays out code and data; what depends on symbols defined
 * further on (operands, most data values) is queued and resolved in the final pass, when every
 * symbol is known.
 */
final class Assembly {
  static final int MAX_INCLUDE_DEPTH = 32;
  static final int MAX_MACRO_DEPTH = 64;
  static final long MAX_EXPANDED_LINES = 100_000;
  static final long MAX_EXPANDED_CHARS = 16L << 20;

  private static final Pattern ENDM = Pattern.compile("[ \\t\\f\\u000B]*\\.endm(?![\\w.$])(.*)");
  private static final Pattern NESTED_MACRO =
      Pattern.compile("[ \\t\\f\\u000B]*(?:[\\w.$]+[ \\t]*:[ \\t]*)*(\\.macro)(?![\\w.$])");

  final MachineDescription machine;
  final Diagnostics diagnostics = new Diagnostics();
  final SymbolTable symbols = new SymbolTable();
  final Evaluator evaluator;
  final CodeBuffer code = new CodeBuffer();
  final DataImage data = new DataImage();
  private final List<Path> includeDirs;
  private final Map<String, Long> predefined;
  private final LineParser parser;
  private final InstructionBuilder builder;
  private final Directives directives;
  private final Map<String, Macro> macros = new HashMap<>();
  private final Map<String, Integer> fileIndex = new LinkedHashMap<>();
  private final List<Runnable> finalPass = new ArrayList<>();
  private final List<Postponed> postponed = new ArrayList<>();
  private final Deque<SourceFile> includes = new ArrayDeque<>();

  private Section section = Section.TEXT;
  private final long[] location = new long[Section.values().length];
  private final boolean[] overflowReported = new boolean[Section.values().length];
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
    this.includeDirs = includeDirs;
    this.predefined = predefinedConstants(machine);
    this.evaluator = new Evaluator(symbols, predefined, diagnostics);
    this.parser = new LineParser(diagnostics);
    this.builder = new InstructionBuilder(machine, evaluator, diagnostics);
    this.directives = new Directives(this);
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
    includes.push(file);
    MacroCapture capture = null;
    for (int n = 1; n <= file.lineCount(); n++) {
      String text = file.line(n);
      if (capture != null) {
        if (!capture.take(text, n)) {
          finishMacro(capture);
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
        capture = new MacroCapture(h, file, checkMacroHeader(h));
      } else {
        processLine(line);
      }
    }
    if (capture != null) {
      diagnostics.error(
          capture.header.where(), "macro '" + capture.header.name() + "' has no .endm");
    }
    includes.pop();
  }

  /** The lines of a macro definition, collected up to its {@code .endm}. */
  private final class MacroCapture {
    private final Ast.MacroHeader header;
    private final SourceFile file;
    private final boolean nameOk;
    private final List<Macro.BodyLine> body = new ArrayList<>();
    private boolean broken;

    MacroCapture(Ast.MacroHeader header, SourceFile file, boolean nameOk) {
      this.header = header;
      this.file = file;
      this.nameOk = nameOk;
    }

    /** Takes line {@code n}; returns false at the {@code .endm}, which ends the macro. */
    boolean take(String text, int n) {
      Matcher end = ENDM.matcher(text);
      if (end.matches()) {
        String rest = end.group(1);
        String trimmed = rest.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith(";")) {
          int column = end.start(1) + rest.indexOf(trimmed.charAt(0)) + 1;
          diagnostics.error(
              new Where(file, n, column, null),
              "unexpected '" + SyntaxErrorStrategy.abbreviate(trimmed) + "' after .endm");
        }
        return false;
      }
      Matcher nested = NESTED_MACRO.matcher(text);
      if (nested.lookingAt()) {
        diagnostics.error(
            new Where(file, n, nested.start(1) + 1, null),
            "macro definitions cannot be nested; end macro '"
                + header.name()
                + "' with .endm first");
        broken = true;
      }
      body.add(new Macro.BodyLine(text, n));
      return true;
    }
  }

  /** Checks a macro's name and parameters; returns whether the macro may be defined. */
  private boolean checkMacroHeader(Ast.MacroHeader h) {
    String name = h.name();
    boolean ok = true;
    if (name.startsWith(".")) {
      diagnostics.error(
          h.nameWhere(), "a macro name cannot start with '.', which marks" + " directives");
      ok = false;
    } else if (Opcode.byMnemonic(name) != null || Pseudo.byMnemonic(name) != null) {
      diagnostics.error(
          h.nameWhere(), "'" + name + "' is an instruction; a macro cannot take its" + " name");
      ok = false;
    } else if (macros.containsKey(name)) {
      diagnostics.error(
          h.nameWhere(),
          "macro '"
              + name
              + "' is already defined on "
              + macros.get(name).where().lineReference(h.where().site().file()));
      ok = false;
    }
    for (int i = 0; i < h.params().size(); i++) {
      if (h.params().subList(0, i).contains(h.params().get(i))) {
        diagnostics.error(
            h.paramWheres().get(i), "parameter '" + h.params().get(i) + "' appears twice");
        ok = false;
      }
    }
    return ok;
  }

  private void finishMacro(MacroCapture c) {
    if (!c.nameOk) {
      return;
    }
    Macro m =
        new Macro(
            c.header.name(),
            c.header.params(),
            List.copyOf(c.body),
            c.file,
            c.header.where(),
            c.broken);
    boolean ok = m.check(diagnostics) && !c.broken;
    macros.put(
        m.name(), ok ? m : new Macro(m.name(), m.params(), m.body(), m.file(), m.where(), true));
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
            "unknown directive '" + name + "'" + Suggestions.didYouMean(name, Directive.names()));
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
    all.addAll(macros.keySet());
    String lower = name.toLowerCase(Locale.ROOT);
    if (all.contains(lower)) {
      return ", did you mean '" + lower + "'?";
    }
    // Among equally close candidates the first wins; a typo usually keeps the word's length.
    all.sort(Comparator.comparingInt(m -> Math.abs(m.length() - name.length())));
    return Suggestions.didYouMean(name, all);
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
                  + " characters in all; is a macro recursive?");
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

  // ---- includes ----

  /** Assembles the file named by {@code .include} at {@code where}. */
  void include(String name, Where where) {
    if (where.via() != null) {
      diagnostics.error(where, "'.include' cannot be used inside a macro");
      return;
    }
    if (includes.size() > MAX_INCLUDE_DEPTH) {
      diagnostics.error(
          where,
          "includes are nested more than "
              + MAX_INCLUDE_DEPTH
              + " deep; do files include each other?");
      return;
    }
    List<Path> candidates;
    try {
      candidates = candidates(name, where.file());
    } catch (InvalidPathException e) {
      diagnostics.error(
          where, "'" + SyntaxErrorStrategy.abbreviate(name) + "' is not a valid file name");
      return;
    }
    Path found = null;
    for (Path p : candidates) {
      if (java.nio.file.Files.isRegularFile(p)) {
        found = p;
        break;
      }
    }
    if (found == null) {
      List<String> tried = new ArrayList<>();
      for (Path p : candidates) {
        tried.add(p.toString());
      }
      diagnostics.error(
          where,
          "cannot find include file '" + name + "' (looked for " + String.join(", ", tried) + ")");
      return;
    }
    Path real = SourceReader.realPath(found);
    List<String> chain = new ArrayList<>();
    boolean cycle = false;
    for (var it = includes.descendingIterator(); it.hasNext(); ) {
      SourceFile f = it.next();
      chain.add(f.path());
      cycle |= real != null && real.equals(f.realPath());
    }
    if (cycle) {
      chain.add(found.toString());
      diagnostics.error(where, "include cycle: " + String.join(" -> ", chain));
      return;
    }
    String text;
    try {
      text = SourceReader.read(found);
    } catch (IOException e) {
      diagnostics.error(
          where, "cannot read include file " + found + ": " + SourceReader.describe(e));
      return;
    }
    processFile(new SourceFile(found.toString(), real, text));
  }

  private List<Path> candidates(String name, SourceFile from) {
    Path p = Path.of(name);
    if (p.isAbsolute()) {
      return List.of(p);
    }
    List<Path> out = new ArrayList<>();
    Path dir = null;
    try {
      dir = Path.of(from.path()).getParent();
    } catch (InvalidPathException e) {
      dir = null;
    }
    out.add(dir == null ? p : dir.resolve(p));
    for (Path d : includeDirs) {
      out.add(d.resolve(p));
    }
    return out;
  }

  // ---- labels and symbols ----

  private void defineLabels(List<Ast.Label> labels) {
    for (Ast.Label l : labels) {
      int s = ++seq;
      long value = location[section.ordinal()];
      if (l.numeric()) {
        symbols.defineLocal(l.number(), s, value);
      } else if (definable(l.name(), l.where())) {
        symbols.defineLabel(new SymbolTable.Label(l.name(), section, value, l.where()));
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
      problem =
          "'" + name + "' is predefined from the machine description and cannot be" + " redefined";
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

  // ---- locations and sections ----

  Section section() {
    return section;
  }

  void setSection(Section s) {
    section = s;
  }

  long location() {
    return location[section.ordinal()];
  }

  /** Moves the current section's location counter, as {@code .org} does. */
  void setLocation(long value) {
    location[section.ordinal()] = value;
    overflowReported[section.ordinal()] = false;
  }

  int seq() {
    return seq;
  }

  /** The scope of the statement being assembled, for first-pass evaluation. */
  Evaluator.Scope scopeNow() {
    return new Evaluator.Scope(seq, location(), false);
  }

  /**
   * Claims the next instruction index for the statement at {@code where}; returns it, or -1 after
   * reporting why it cannot be used.
   */
  int claimCode(Where where) {
    long index = location[Section.TEXT.ordinal()]++;
    long capacity = machine.imemWords();
    if (index >= capacity) {
      if (!overflowReported[Section.TEXT.ordinal()]) {
        overflowReported[Section.TEXT.ordinal()] = true;
        diagnostics.error(
            where,
            "instruction index "
                + index
                + " is beyond the instruction"
                + " memory, which holds "
                + capacity
                + " instructions (imem_words)");
      }
      return -1;
    }
    Where owner = code.owner((int) index);
    if (owner != null) {
      diagnostics.error(
          where,
          "instruction index "
              + index
              + " is already filled by "
              + owner.lineReference(where.site().file())
              + "; each index can be filled only once");
      return -1;
    }
    code.claim((int) index, where);
    return (int) index;
  }

  /**
   * Claims {@code length} bytes at the current data location for {@code what}; returns their
   * address, or -1 after reporting that they do not fit the memory.
   */
  long claimData(long length, Where where, String what) {
    int i = section.ordinal();
    long start = location[i];
    long capacity = section.capacity(machine);
    String mem = section.sectionName();
    String key = section.sizeParameter().key();
    if (length <= capacity - start) {
      location[i] = start + length;
      return start;
    }
    location[i] = Math.max(start, capacity);
    if (!overflowReported[i]) {
      overflowReported[i] = true;
      diagnostics.error(
          where,
          capacity == 0
              ? "the machine has no " + mem + " (" + key + " = 0)"
              : what
                  + " at "
                  + mem
                  + " address "
                  + start
                  + " does not fit: "
                  + mem
                  + " has "
                  + capacity
                  + " bytes ("
                  + key
                  + ")");
    }
    return -1;
  }

  // ---- values ----

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

  void report(EvalException x) {
    if (x.kind() == EvalException.Kind.FAILURE) {
      diagnostics.error(x.where(), x.getMessage());
    }
  }

  // ---- instructions ----

  private void instruction(Command c, Opcode op, Pseudo pseudo) {
    String shown = pseudo == null ? op.mnemonic() : pseudo.mnemonic();
    int expected = pseudo == null ? op.operands().size() : pseudo.arity();
    if (c.operands().size() != expected) {
      diagnostics.error(
          c.where(),
          Directive.countMessage(
              shown,
              Directive.operandCount(expected),
              pseudo == null ? op.syntax() : pseudo.syntax(),
              c.operands().size()));
      return;
    }
    if (!section.isText()) {
      diagnostics.error(
          c.where(),
          "instructions belong in the text section, but the current"
              + " section is "
              + section.sectionName());
      return;
    }
    int index = claimCode(c.where());
    if (index < 0) {
      return;
    }
    List<InstructionBuilder.Slot> slots = slots(c, op, pseudo);
    Evaluator.Scope scope = new Evaluator.Scope(seq, index, true);
    finalPass.add(
        () ->
            builder.build(op, shown, slots, index, scope).ifPresent(word -> code.set(index, word)));
  }

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
    String syntax = pseudo.syntax();
    String[] names =
        syntax.contains(" ")
            ? syntax.substring(syntax.indexOf(' ') + 1).split(", ")
            : new String[0];
    for (int i = 0; i < pseudo.template().size(); i++) {
      String t = pseudo.template().get(i);
      if (t.startsWith("$")) {
        int k = Integer.parseInt(t.substring(1));
        slots.add(
            new InstructionBuilder.Slot(op.operands().get(i), c.operands().get(k), names[k], null));
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
    entryScope = new Evaluator.Scope(seq, location(), true);
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
      String name = p.cause().name();
      boolean local = Character.isDigit(name.charAt(0));
      boolean later =
          local
              ? symbols.local(Long.parseLong(name.substring(0, name.length() - 1)), p.seq(), true)
                  != null
              : symbols.get(name) != null;
      if (later) {
        diagnostics.error(
            p.cause().where(),
            p.directive()
                + " needs the value of '"
                + name
                + "' here, but it is defined only further on; define it before this line");
      } else if (local) {
        diagnostics.error(
            p.cause().where(),
            "no local label '"
                + name.substring(0, name.length() - 1)
                + ":' after this reference to '"
                + name
                + "'");
      } else {
        diagnostics.error(p.cause().where(), evaluator.undefinedMessage(name));
      }
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
    table.sort((a, b) -> a.name().compareTo(b.name()));
    return new ObjectFile(
        machine.architecturalParameters(),
        entryIndex,
        code.words(),
        data.sections(),
        List.copyOf(table),
        code.lines(f -> fileIndex.get(f.path())),
        List.copyOf(fileIndex.keySet()));
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
