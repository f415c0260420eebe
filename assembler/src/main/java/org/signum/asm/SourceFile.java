package org.signum.asm;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One source file being assembled: the path string it is known by, its text with line breaks
 * normalised to {@code \n}, and where each line starts, so that diagnostics can quote any line.
 */
final class SourceFile {
  private final String path;
  private final Path realPath;
  private final String text;
  private final int[] lineStarts;
  private final int lineCount;

  /**
   * @param path the name used in diagnostics and in the object file's file table
   * @param realPath the file's canonical path, to detect include cycles; null for text that is not
   *     known to come from a file
   * @param text the raw text; CRLF and lone CR become LF and a leading byte-order mark is dropped
   */
  SourceFile(String path, Path realPath, String text) {
    this.path = path;
    this.realPath = realPath;
    String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (t.indexOf('\r') >= 0) {
      t = t.replace("\r\n", "\n").replace('\r', '\n');
    }
    this.text = t;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
      }
      starts[n++] = i + 1;
    }
    // A final line break ends the last line rather than starting an empty one.
    this.lineCount = t.endsWith("\n") ? n - 1 : n;
    this.lineStarts = starts;
  }

  String path() {
    return path;
  }

  Path realPath() {
    return realPath;
  }

  int lineCount() {
    return lineCount;
  }

  /** The text of 1-based line {@code line}, without its line break; null if out of range. */
  String line(int line) {
    if (line < 1 || line > lineCount) {
      return null;
    }
    int start = lineStarts[line - 1];
    int end = line < lineCount || text.endsWith("\n") ? lineStarts[line] - 1 : text.length();
    return text.substring(start, Math.max(start, end));
  }
}
