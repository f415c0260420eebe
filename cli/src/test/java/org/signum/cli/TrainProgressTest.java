package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line of {@code signum train}, on a clock the test moves. */
class TrainProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong();
  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);

  private String written() {
    return text.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void theLineEstimatesTheEpochFromItsBatchesAndTheRunFromTheEpochsDone() {
    TrainProgress p = new TrainProgress(err, 3, false, true, now::get, 0);
    now.set(2 * SECOND);
    assertEquals(
        "epoch 1/3 [############............] 5/10  loss 0.5000  train 25.00 %"
            + "  2.0 s left in epoch, 10.0 s in all",
        p.line(1, 5, 10, 0.5, 0.25, now.get()));
    // The first epoch took 6 s; the second has run 1 s for 2 of its 10 batches.
    now.set(6 * SECOND);
    p.epochDone(6.0);
    now.set(7 * SECOND);
    assertEquals(
        "epoch 2/3 [####....................] 2/10  loss 0.1234  train 96.00 %"
            + "  4.0 s left in epoch, 10.0 s in all",
        p.line(2, 2, 10, 0.1234, 0.96, now.get()));
    assertEquals(1, p.epochsDone());
  }

  @Test
  void aRunResumedLateCountsOnlyTheEpochsLeft() {
    TrainProgress p = new TrainProgress(err, 30, false, true, now::get, 10);
    now.set(100 * SECOND);
    // 100 s for 1 of 100 batches: 9,900 s left in epoch 11, and 19 epochs of 10,000 s after it.
    assertEquals(
        "epoch 11/30 [........................] 1/100  loss 1.0000  train 10.00 %"
            + "  2:45:00 left in epoch, 55:31:40 in all",
        p.line(11, 1, 100, 1, 0.1, now.get()));
    assertEquals(10, p.epochsDone());
  }

  @Test
  void askedForElsewhereItWritesTheFirstBatchAndThenALineEveryFiveSeconds() {
    TrainProgress p = new TrainProgress(err, 2, false, true, now::get, 0);
    now.set(SECOND);
    p.batch(1, 1, 4, 2.0, 0.5);
    now.set(5 * SECOND);
    p.batch(1, 2, 4, 1.5, 0.5);
    now.set(6 * SECOND);
    p.batch(1, 3, 4, 1.0, 0.75);
    p.clear();
    p.finish();
    assertEquals(
        "epoch 1/2 [######..................] 1/4  loss 2.0000  train 50.00 %"
            + "  3.0 s left in epoch, 7.0 s in all\n"
            + "epoch 1/2 [##################......] 3/4  loss 1.0000  train 75.00 %"
            + "  2.0 s left in epoch, 10.0 s in all\n",
        written());
  }

  @Test
  void onATerminalItRewritesOneLineAndErasesItOnce() {
    TrainProgress p = new TrainProgress(err, 2, true, false, now::get, 0);
    now.set(SECOND);
    p.batch(1, 1, 2, 0.25, 1.0);
    now.set(SECOND + SECOND / 10);
    p.batch(1, 2, 2, 0.25, 1.0);
    p.clear();
    now.set(SECOND + SECOND / 2);
    p.epochDone(1.5);
    p.finish();
    now.set(2 * SECOND);
    p.batch(2, 1, 2, 0.25, 1.0);
    p.finish();
    assertEquals(
        "\repoch 1/2 [############............] 1/2  loss 0.2500  train 100.00 %"
            + "  1.0 s left in epoch, 3.0 s in all\033[K"
            + "\r\033[K"
            + "\repoch 2/2 [############............] 1/2  loss 0.2500  train 100.00 %"
            + "  0.5 s left in epoch, 0.5 s in all\033[K"
            + "\r\033[K",
        text.toString());
  }

  @Test
  void notOnATerminalAndNotAskedForItIsSilent() {
    TrainProgress p = new TrainProgress(err, 2, false, false, now::get, 0);
    now.set(10 * SECOND);
    p.batch(1, 1, 4, 2.0, 0.5);
    p.clear();
    p.finish();
    assertEquals("", text.toString());
  }

  @Test
  void durationsInSecondsMinutesAndHours() {
    assertEquals("0.0 s", TrainCommand.duration(0));
    assertEquals("59.4 s", TrainCommand.duration(59.4));
    assertEquals("1:00 min", TrainCommand.duration(59.6));
    assertEquals("4:05 min", TrainCommand.duration(245));
    assertEquals("59:59 min", TrainCommand.duration(3599));
    assertEquals("1:00:00", TrainCommand.duration(3600));
    assertEquals("1:02:05", TrainCommand.duration(3725));
    assertEquals("26:00:00", TrainCommand.duration(26 * 3600));
  }
}
