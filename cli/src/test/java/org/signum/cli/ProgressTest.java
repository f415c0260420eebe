package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line, on a clock the test moves. */
class ProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong();
  private final StringWriter text = new StringWriter();
  private final PrintWriter err = new PrintWriter(text);

  @Test
  void onATerminalItAppearsAfterASecondAndRewritesOneLine() {
    Progress p = new Progress(err, 1000, true, false, now::get);
    now.set(SECOND / 2);
    p.update(100);
    assertEquals("", text.toString(), "not in the first second");
    now.set(2 * SECOND);
    p.update(400);
    now.set(4 * SECOND);
    p.update(1000);
    p.finish(1000);
    assertEquals(
        "\r400 / 1,000 images, 200 images/s, 3.0 s left\033[K"
            + "\r1,000 / 1,000 images, 250 images/s, 0.0 s left\033[K"
            + "\r1,000 / 1,000 images, 250 images/s, 0.0 s left\033[K\n",
        text.toString());
  }

  @Test
  void aShortRunOnATerminalShowsNothing() {
    Progress p = new Progress(err, 10, true, false, now::get);
    now.set(SECOND / 10);
    p.update(10);
    p.finish(10);
    assertEquals("", text.toString());
  }

  @Test
  void askedForElsewhereItWritesALineASecondAndTheLast() {
    Progress p = new Progress(err, 100, false, true, now::get);
    now.set(SECOND / 2);
    p.update(10);
    now.set(SECOND);
    p.update(20);
    now.set(SECOND + SECOND / 2);
    p.update(30);
    now.set(2 * SECOND);
    p.finish(100);
    assertEquals(
        "20 / 100 images, 20 images/s, 4.0 s left\n100 / 100 images, 50 images/s, 0.0 s left\n",
        text.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void notOnATerminalAndNotAskedForItIsSilent() {
    Progress p = new Progress(err, 100, false, false, now::get);
    now.set(5 * SECOND);
    p.update(50);
    p.finish(100);
    assertEquals("", text.toString());
  }
}
