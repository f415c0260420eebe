package org.signum.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A plain-text table: a header, rows, the first column left-aligned and the rest right-aligned. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final Set<Integer> left = new HashSet<>();

  TextTable(String... header) {
    rows.add(header);
  }

  /** Left-aligns these columns too: text rather than numbers. */
  TextTable left(int... columns) {
    for (int c : columns) {
      left.add(c);
    }
    return this;
  }

  TextTable row(String... cells) {
    rows.add(cells);
    return this;
  }

  /** The table indented by two spaces, one line per row. */
  String render() {
    int columns = 0;
    for (String[] r : rows) {
      columns = Math.max(columns, r.length);
    }
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < r.length; c++) {
        String cell = r[c];
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c == 0 || left.contains(c) ? cell + pad : pad + cell);
        if (c < r.length - 1) {
          line.append("  ");
        }
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }
}
