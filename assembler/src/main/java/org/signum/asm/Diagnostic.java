package org.signum.asm;

/**
 * One assembler error, located in a source file. Printed as {@code path:line:col: error: message},
 * then the source line and a caret under the column.
 *
 * @param file path as given to the assembler (or as included)
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong and what was expected
 * @param sourceLine the text of the offending line, or null when unavailable
 */
public record Diagnostic(String file, int line, int column, String message, String sourceLine)
    implements Comparable<Diagnostic> {

  /** The full three-line rendering (one line when the source line is unknown). */
  public String render() {
    StringBuilder s = new StringBuilder();
    s.append(file).append(':').append(line).append(':').append(column).append(": error: ");
    s.append(message);
    if (sourceLine != null) {
      s.append('\n').append(sourceLine).append('\n');
      for (int i = 1; i < column && i - 1 < sourceLine.length(); i++) {
        s.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
      }
      s.append('^');
    }
    return s.toString();
  }

  @Override
  public int compareTo(Diagnostic o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }
}
