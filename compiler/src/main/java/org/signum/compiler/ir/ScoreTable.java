package org.signum.compiler.ir;

import java.util.Arrays;

/**
 * Integer scores looked up from a dense layer's integer output: the score of class {@code c} for
 * output value {@code v} is {@code get(c, (v - low) / step)}. Folding a float per-class affine into
 * such a table keeps it exact: the entries are ranks that order every (class, value) pair as the
 * float scores do, ties included.
 */
public final class ScoreTable {
  private final long low;
  private final int step;
  private final int classes;
  private final int count;
  private final int[] entries;

  /**
   * @param low the smallest integer value the table covers
   * @param step the distance between covered values (2 for a bipolar dense layer's {@code 2p - N})
   * @param entries {@code entries[c][k]}, the score of class c at value {@code low + k * step}
   */
  public ScoreTable(long low, int step, int[][] entries) {
    if (step < 1) {
      throw new IllegalArgumentException("step must be at least 1, got " + step);
    }
    this.low = low;
    this.step = step;
    this.classes = entries.length;
    this.count = classes == 0 ? 0 : entries[0].length;
    this.entries = new int[classes * count];
    for (int c = 0; c < classes; c++) {
      if (entries[c].length != count) {
        throw new IllegalArgumentException(
            "class " + c + " has " + entries[c].length + " entries, class 0 has " + count);
      }
      System.arraycopy(entries[c], 0, this.entries, c * count, count);
    }
  }

  public long low() {
    return low;
  }

  public int step() {
    return step;
  }

  public int classes() {
    return classes;
  }

  /** Entries per class. */
  public int count() {
    return count;
  }

  public int get(int c, int k) {
    return entries[c * count + k];
  }

  /** The highest value covered. */
  public long high() {
    return low + (long) (count - 1) * step;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ScoreTable t
        && t.low == low
        && t.step == step
        && t.classes == classes
        && t.count == count
        && Arrays.equals(t.entries, entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entries) * 31 + Long.hashCode(low);
  }
}
