package org.signum.asm;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the diagnostics of one assembly. An error in macro text is placed at the outermost
 * invocation, the line the programmer wrote, and says which macro lines it went through.
 */
final class Diagnostics {
  /** Past this many errors more of them help nobody, and a hostile input could exhaust memory. */
  static final int LIMIT = 1000;

  /** Macro levels a message names; a runaway recursion would otherwise repeat one 64 times. */
  private static final int TRAIL = 3;

  /** Thrown once the limit is reached; the assembly stops. */
  static final class TooManyErrors extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyErrors() {
      super(null, null, false, false);
    }
  }

  private final List<Diagnostic> list = new ArrayList<>();

  void error(Where where, String message) {
    Where site = where.site();
    List<String> trail = new ArrayList<>();
    for (Where w = where; w.via() != null; w = w.via().invocation()) {
      String line =
          w.file() == site.file()
              ? "line " + w.line()
              : "line " + w.line() + " of " + w.file().path();
      trail.add("in macro '" + w.via().macro() + "', " + line);
    }
    if (trail.size() > TRAIL) {
      int more = trail.size() - TRAIL;
      trail = new ArrayList<>(trail.subList(0, TRAIL));
      trail.add("and " + more + " more macro levels");
    }
    String text = trail.isEmpty() ? message : message + " (" + String.join("; ", trail) + ")";
    add(
        new Diagnostic(
            site.file().path(), site.line(), site.column(), text, site.file().line(site.line())));
  }

  /** An error about a whole file, such as one that cannot be read. */
  void fileError(String path, String message) {
    add(new Diagnostic(path, 1, 1, message, null));
  }

  /** Records a failure of the assembler itself; never counted against the limit. */
  void internalError(String path, Throwable e) {
    list.add(new Diagnostic(path, 1, 1, "internal assembler error, please report it: " + e, null));
  }

  private void add(Diagnostic d) {
    list.add(d);
    if (list.size() == LIMIT) {
      list.add(
          new Diagnostic(
              d.file(),
              d.line(),
              d.column(),
              "too many errors; stopping after " + LIMIT,
              d.sourceLine()));
      throw new TooManyErrors();
    }
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  /** All diagnostics, sorted by file, line and column; equal positions keep their order. */
  List<Diagnostic> sorted() {
    List<Diagnostic> s = new ArrayList<>(list);
    s.sort(null);
    return List.copyOf(s);
  }
}
