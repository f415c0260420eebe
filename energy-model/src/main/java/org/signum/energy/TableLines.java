package org.signum.energy;

import java.util.ArrayList;
import java.util.List;

/**
 * The line structure shared by energy tables and scaling tables: {@code #} comment lines, blank
 * lines, {@code name = value} settings, and rows of {@code |}-separated fields.
 */
final class TableLines {
  /** One meaningful line: its number, and either a setting or a row's fields, trimmed. */
  record Line(int number, String settingName, String settingValue, List<String> fields) {
    boolean isSetting() {
      return settingName != null;
    }
  }

  private TableLines() {}

  /**
   * Splits {@code text} into lines worth reading. A {@code #} starts a comment only at the start of
   * a line, so sources may contain one.
   */
  static List<Line> read(String text) {
    List<Line> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int bar = line.indexOf('|');
      int eq = line.indexOf('=');
      if (bar < 0 && eq > 0) {
        out.add(
            new Line(i + 1, line.substring(0, eq).strip(), line.substring(eq + 1).strip(), null));
      } else {
        List<String> fields = new ArrayList<>();
        for (String f : line.split("\\|", -1)) {
          fields.add(f.strip());
        }
        out.add(new Line(i + 1, null, null, fields));
      }
    }
    return out;
  }

  /** Parses {@code 45 nm}; -1 when malformed or outside [1, 1000]. */
  static int node(String text) {
    if (!text.matches("[0-9]{1,4} ?nm")) {
      return -1;
    }
    int nm = Integer.parseInt(text.replace("nm", "").strip());
    return nm >= 1 && nm <= 1000 ? nm : -1;
  }

  /** Parses a finite, positive decimal number; NaN when it is not one. */
  static double positive(String text) {
    if (!text.matches("[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?|\\.[0-9]+([eE][-+]?[0-9]+)?")) {
      return Double.NaN;
    }
    double v = Double.parseDouble(text);
    return v > 0 && Double.isFinite(v) ? v : Double.NaN;
  }
}
