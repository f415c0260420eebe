package org.signum.asm;

import java.util.List;

/**
 * A macro: parameters and raw body lines. An invocation substitutes {@code \name} with the
 * argument's source text, {@code \@} with a number unique to the expansion, and {@code \()} with
 * nothing (to join a parameter to following text), then assembles the lines.
 *
 * @param name the name it is invoked by
 * @param params parameter names
 * @param body the lines between {@code .macro} and {@code .endm}
 * @param file the file defining it
 * @param where its {@code .macro} line
 * @param broken whether its definition had errors, so that invocations add no more of them
 */
record Macro(
    String name,
    List<String> params,
    List<BodyLine> body,
    SourceFile file,
    Where where,
    boolean broken) {

  /** One body line and its line number in {@link #file}. */
  record BodyLine(String text, int line) {}

  /** How the macro is invoked, e.g. {@code shift rd, amount}. */
  String syntax() {
    return params.isEmpty() ? name : name + " " + String.join(", ", params);
  }

  /**
   * Reports every backslash in the body that names no parameter and is neither {@code \@} nor
   * {@code \()}; returns whether there were none.
   */
  boolean check(Diagnostics diagnostics) {
    boolean ok = true;
    for (BodyLine line : body) {
      String t = line.text();
      for (int i = t.indexOf('\\'); i >= 0; i = t.indexOf('\\', i + 1)) {
        int end = referenceEnd(t, i);
        String problem = null;
        if (end < 0) {
          problem = "'\\' in a macro body must be followed by a parameter name, '@' or '()'";
        } else if (isName(t, i) && !params.contains(t.substring(i + 1, end))) {
          problem =
              "macro '"
                  + name
                  + "' has no parameter '"
                  + t.substring(i + 1, end)
                  + "'"
                  + (params.isEmpty() ? "" : "; its parameters are " + String.join(", ", params));
        }
        if (problem != null) {
          diagnostics.error(new Where(file, line.line(), i + 1, null), problem);
          ok = false;
        }
        if (end > 0) {
          i = end - 1;
        }
      }
    }
    return ok;
  }

  /** The body line with every reference replaced; the body must have passed {@link #check}. */
  String substitute(BodyLine line, List<String> args, long expansion) {
    String t = line.text();
    StringBuilder out = new StringBuilder(t.length());
    int from = 0;
    for (int i = t.indexOf('\\'); i >= 0; i = t.indexOf('\\', from)) {
      out.append(t, from, i);
      int end = referenceEnd(t, i);
      if (t.charAt(i + 1) == '@') {
        out.append(expansion);
      } else if (isName(t, i)) {
        out.append(args.get(params.indexOf(t.substring(i + 1, end))));
      }
      from = end;
    }
    return out.append(t, from, t.length()).toString();
  }

  /** The index just past the reference starting at backslash {@code i}, or -1 if malformed. */
  private static int referenceEnd(String t, int i) {
    if (i + 1 >= t.length()) {
      return -1;
    }
    char c = t.charAt(i + 1);
    if (c == '@') {
      return i + 2;
    }
    if (c == '(') {
      return i + 2 < t.length() && t.charAt(i + 2) == ')' ? i + 3 : -1;
    }
    if (!isIdentifierStart(c)) {
      return -1;
    }
    int j = i + 2;
    while (j < t.length() && isIdentifierPart(t.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isName(String t, int i) {
    return isIdentifierStart(t.charAt(i + 1));
  }

  static boolean isIdentifierStart(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '.' || c == '$';
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || c >= '0' && c <= '9';
  }
}
