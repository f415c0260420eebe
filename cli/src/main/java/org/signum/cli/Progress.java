package org.signum.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of a long batch on standard error: images done, rate and time left. On a
 * terminal it rewrites one line in place and appears only once a run has lasted a second; asked for
 * explicitly ({@code --progress}) it also goes to a file or pipe, a line at a time.
 */
final class Progress {
  private static final long SECOND = 1_000_000_000L;

  private final PrintWriter err;
  private final int total;
  private final boolean terminal;
  private final boolean forced;
  private final LongSupplier clock;
  private final long start;
  private long lastShown;
  private boolean shown;

  Progress(PrintWriter err, int total, boolean terminal, boolean forced, LongSupplier clock) {
    this.err = err;
    this.total = total;
    this.terminal = terminal;
    this.forced = forced;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastShown = start;
  }

  /** For a run of {@code total} images, shown where {@code forced} or stderr is a terminal. */
  static Progress of(PrintWriter err, int total, boolean forced) {
    return new Progress(err, total, stderrIsTerminal(), forced, System::nanoTime);
  }

  /** Called now and then with the images done so far. */
  void update(int done) {
    long now = clock.getAsLong();
    boolean due = now - lastShown >= (terminal ? SECOND / 4 : SECOND);
    if ((forced || (terminal && now - start >= SECOND)) && due) {
      show(line(done, now));
      lastShown = now;
    }
  }

  /** Called once at the end: the last state, and the line ended. */
  void finish(int done) {
    if (forced || shown) {
      show(line(done, clock.getAsLong()));
    }
    if (terminal && shown) {
      err.println();
    }
    err.flush();
  }

  private void show(String line) {
    showLine(err, terminal, line);
    shown = true;
  }

  /** Shows a progress line: rewritten in place on a terminal, a line at a time elsewhere. */
  static void showLine(PrintWriter err, boolean terminal, String line) {
    if (terminal) {
      err.print("\r" + line + "\033[K");
    } else {
      err.println(line);
    }
    err.flush();
  }

  String line(int done, long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    double rate = done / seconds;
    String left =
        done == 0
            ? "?"
            : String.format(Locale.ROOT, "%.1f s", (total - done) / Math.max(rate, 1e-9));
    return String.format(
        Locale.ROOT, "%,d / %,d images, %,.0f images/s, %s left", done, total, rate, left);
  }

  /**
   * Whether standard error is a terminal. Java 17 tells only whether the console is one; on Linux
   * the link of file descriptor 2 says which device standard error is.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
