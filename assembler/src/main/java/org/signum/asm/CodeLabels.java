package org.signum.asm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.MemorySpace;

/**
 * The labels a disassembly defines and refers to. Every CODE symbol is printed at its index; a
 * branch target is named by the first CODE symbol there whose name the assembler accepts as a
 * label, else by a synthesized {@code L<index>} that clashes with no printed label.
 *
 * <p>Names are printed as labels only when they cannot be misread as an operand: identifiers that
 * are not register or memory names, and numeric local labels (which may be defined more than once,
 * so they are never used as target names here). Mnemonics are allowed, since the assembler resolves
 * them from the ISA table rather than reserving them. Any other CODE symbol becomes a comment, so
 * the output always reassembles.
 */
final class CodeLabels {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]{1,9}");
  private static final Pattern REGISTER = Pattern.compile("[rva][0-9]+");

  private final String[] names;
  private final List<List<String>> lines;

  /**
   * @param f the object file
   * @param targets instruction indices in {@code [0, code length]} that branches go to
   */
  CodeLabels(ObjectFile f, Set<Integer> targets) {
    int slots = f.code().length + 1;
    names = new String[slots];
    lines = new ArrayList<>(slots);
    for (int i = 0; i < slots; i++) {
      lines.add(new ArrayList<>());
    }
    Set<String> used = new HashSet<>();
    Map<String, Long> firstAt = new HashMap<>();
    for (Symbol s : f.symbols()) {
      if (s.kind() != SymbolKind.CODE || s.value() < 0 || s.value() >= slots) {
        continue;
      }
      int at = (int) s.value();
      List<String> here = lines.get(at);
      if (NUMERIC.matcher(s.name()).matches()) {
        here.add(s.name() + ":");
      } else if (!acceptable(s.name())) {
        here.add("; symbol " + printable(s.name()) + " (not usable as a label name)");
      } else if (firstAt.containsKey(s.name())) {
        here.add("; symbol " + s.name() + " (already defined at " + firstAt.get(s.name()) + ")");
      } else {
        firstAt.put(s.name(), s.value());
        used.add(s.name());
        here.add(s.name() + ":");
        if (names[at] == null) {
          names[at] = s.name();
        }
      }
    }
    for (int t : targets) {
      if (names[t] == null) {
        String name = "L" + t;
        for (int k = 1; used.contains(name); k++) {
          name = "L" + t + "_" + k;
        }
        used.add(name);
        names[t] = name;
        lines.get(t).add(name + ":");
      }
    }
  }

  /** The label naming instruction index {@code index}, or null when none does. */
  String name(int index) {
    return index >= 0 && index < names.length ? names[index] : null;
  }

  /** Label definitions and symbol comments to print before instruction {@code index}. */
  List<String> linesAt(int index) {
    return lines.get(index);
  }

  /**
   * {@code s} with control characters and line separators escaped, so that a name from the file can
   * never end a comment line and inject source text.
   */
  static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean acceptable(String name) {
    return IDENTIFIER.matcher(name).matches()
        && !REGISTER.matcher(name).matches()
        && MemorySpace.ofName(name) == null;
  }
}
