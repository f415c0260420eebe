package org.signum.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar of {@code signum train} on standard error: epoch, a bar of the epoch's batches,
 * the running loss and training accuracy, and the time left in the epoch and in the run (from the
 * mean epoch time so far). On a terminal it rewrites one line a few times a second; asked for
 * explicitly ({@code --progress}) it also goes to a file or pipe, a line every few seconds.
 */
final class TrainProgress {
  private static final long SECOND = 1_000_000_000L;
  private static final int BAR = 24;

  private final PrintWriter err;
  private final int epochs;
  private final boolean terminal;
  private final boolean enabled;
  private final LongSupplier clock;
  private long epochStart;
  private long lastShown;
  private boolean shown;
  private double epochSeconds;
  private int epochsTimed;
  private int epochsDone;

  TrainProgress(
      PrintWriter err, int epochs, boolean terminal, boolean forced, LongSupplier clock, int done) {
    this.err = err;
    this.epochs = epochs;
    this.terminal = terminal;
    this.enabled = terminal || forced;
    this.clock = clock;
    this.epochStart = clock.getAsLong();
    this.lastShown = epochStart - SECOND * 10;
    this.epochsDone = done;
  }

  static TrainProgress of(PrintWriter err, int epochs, boolean forced, int done) {
    return new TrainProgress(
        err, epochs, Progress.stderrIsTerminal(), forced, System::nanoTime, done);
  }

  void batch(int epoch, int done, int batches, double loss, double accuracy) {
    long now = clock.getAsLong();
    if (!enabled || now - lastShown < (terminal ? SECOND / 4 : 5 * SECOND)) {
      return;
    }
    lastShown = now;
    Progress.showLine(err, terminal, line(epoch, done, batches, loss, accuracy, now));
    shown = true;
  }

  String line(int epoch, int done, int batches, double loss, double accuracy, long now) {
    double elapsed = (now - epochStart) / 1e9;
    double perBatch = elapsed / Math.max(1, done);
    double epochLeft = perBatch * (batches - done);
    double perEpoch = epochsTimed > 0 ? epochSeconds / epochsTimed : perBatch * batches;
    double runLeft = epochLeft + perEpoch * (epochs - epoch);
    int filled = (int) ((long) BAR * done / Math.max(1, batches));
    return String.format(
        Locale.ROOT,
        "epoch %d/%d [%s%s] %d/%d  loss %.4f  train %.2f %%  %s left in epoch, %s in all",
        epoch,
        epochs,
        "#".repeat(filled),
        ".".repeat(BAR - filled),
        done,
        batches,
        loss,
        100 * accuracy,
        TrainCommand.duration(epochLeft),
        TrainCommand.duration(runLeft));
  }

  /** Erases the bar, if it is on the terminal, before a line of output. */
  void clear() {
    if (terminal && shown) {
      err.print("\r\033[K");
      err.flush();
      shown = false;
    }
  }

  void epochDone(double seconds) {
    epochSeconds += seconds;
    epochsTimed++;
    epochsDone++;
    epochStart = clock.getAsLong();
  }

  void finish() {
    clear();
    err.flush();
  }

  int epochsDone() {
    return epochsDone;
  }
}
