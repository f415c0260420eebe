package org.signum.asm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signum.isa.Opcode;
import org.signum.isa.Pseudo;

/** The macros defined so far, and the collecting of a definition's body up to its {@code .endm}. */
final class Macros {
  private static final Pattern ENDM = Pattern.compile("[ \\t\\f\\u000B]*\\.endm(?![\\w.$])(.*)");
  private static final Pattern NESTED =
      Pattern.compile("[ \\t\\f\\u000B]*(?:[\\w.$]+[ \\t]*:[ \\t]*)*(\\.macro)(?![\\w.$])");

  private final Diagnostics diagnostics;
  private final Map<String, Macro> macros = new HashMap<>();

  Macros(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  Macro get(String name) {
    return macros.get(name);
  }

  Set<String> names() {
    return macros.keySet();
  }

  /** Starts a definition at its {@code .macro} line in {@code file}. */
  Capture begin(Ast.MacroHeader header, SourceFile file) {
    return new Capture(header, file, checkHeader(header));
  }

  /** Checks a macro's name and parameters; returns whether the macro may be defined. */
  private boolean checkHeader(Ast.MacroHeader h) {
    String name = h.name();
    boolean ok = true;
    if (name.startsWith(".")) {
      diagnostics.error(
          h.nameWhere(), "a macro name cannot start with '.', which marks directives");
      ok = false;
    } else if (Opcode.byMnemonic(name) != null || Pseudo.byMnemonic(name) != null) {
      diagnostics.error(
          h.nameWhere(), "'" + name + "' is an instruction; a macro cannot take its name");
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

  /** A definition whose body lines are being collected. */
  final class Capture {
    private final Ast.MacroHeader header;
    private final SourceFile file;
    private final boolean nameOk;
    private final List<Macro.BodyLine> body = new ArrayList<>();
    private boolean broken;

    private Capture(Ast.MacroHeader header, SourceFile file, boolean nameOk) {
      this.header = header;
      this.file = file;
      this.nameOk = nameOk;
    }

    /**
     * Takes line {@code n} of the file; at the {@code .endm} defines the macro and returns false.
     */
    boolean take(String text, int n) {
      Matcher end = ENDM.matcher(text);
      if (end.matches()) {
        String rest = end.group(1);
        String trimmed = rest.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith(";")) {
          int column = end.start(1) + rest.indexOf(trimmed.charAt(0)) + 1;
          diagnostics.error(
              new Where(file, n, column, null),
              "unexpected '" + Hints.abbreviate(trimmed) + "' after .endm");
        }
        define();
        return false;
      }
      Matcher nested = NESTED.matcher(text);
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

    /** Reports a definition that the end of its file cut short. */
    void unterminated() {
      diagnostics.error(header.where(), "macro '" + header.name() + "' has no .endm");
    }

    private void define() {
      if (!nameOk) {
        return;
      }
      Macro m =
          new Macro(header.name(), header.params(), List.copyOf(body), file, header.where(), false);
      // A macro whose body has errors is kept, marked broken, so that its invocations are known
      // but add no messages of their own.
      boolean ok = m.check(diagnostics) && !broken;
      macros.put(m.name(), new Macro(m.name(), m.params(), m.body(), file, m.where(), !ok));
    }
  }
}
