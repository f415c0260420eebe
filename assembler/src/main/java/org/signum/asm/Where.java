package org.signum.asm;

/**
 * A position in the source: file, 1-based line and column, and, for text produced by a macro, the
 * expansion it came from. Diagnostics and the line table use the outermost invocation, since that
 * is the line the programmer wrote.
 *
 * @param file the file holding the text (for macro text, the file defining the macro)
 * @param line 1-based line
 * @param column 1-based column
 * @param via the macro expansion that produced this text, or null
 */
record Where(SourceFile file, int line, int column, Expansion via) {

  /**
   * One macro expansion.
   *
   * @param macro the macro's name
   * @param invocation where it was invoked
   */
  record Expansion(String macro, Where invocation) {}

  /** The same line at another column. */
  Where atColumn(int newColumn) {
    return new Where(file, line, newColumn, via);
  }

  /** The position the programmer wrote: the outermost macro invocation, or this. */
  Where site() {
    Where w = this;
    while (w.via != null) {
      w = w.via.invocation();
    }
    return w;
  }

  /**
   * How a message refers to this position from a diagnostic in {@code from}: {@code line 3}, or
   * {@code line 3 of lib.s} when the files differ.
   */
  String lineReference(SourceFile from) {
    Where s = site();
    return s.file == from ? "line " + s.line : "line " + s.line + " of " + s.file.path();
  }
}
