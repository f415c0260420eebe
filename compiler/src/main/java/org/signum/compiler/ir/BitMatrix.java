package org.signum.compiler.ir;

import java.util.Arrays;

/**
 * An immutable matrix of +1/-1 values stored one bit each (1 for +1, 0 for -1): a dense layer's
 * weights, one row per output neuron and one column per input element. Element {@code (r, c)} is
 * bit {@code c mod 64} of word {@code c / 64} of row {@code r}, the ISA's bit order.
 */
public final class BitMatrix {
  private final int rows;
  private final int cols;
  private final int wordsPerRow;
  private final long[] bits;

  private BitMatrix(int rows, int cols, long[] bits) {
    this.rows = rows;
    this.cols = cols;
    this.wordsPerRow = (cols + 63) / 64;
    this.bits = bits;
  }

  /**
   * From +1/-1 values, {@code signs[r][c]}; every row must have the same length.
   *
   * @throws IllegalArgumentException for ragged rows or a value other than +1 or -1
   */
  public static BitMatrix fromSigns(int[][] signs) {
    int cols = signs.length == 0 ? 0 : signs[0].length;
    Builder b = new Builder(signs.length, cols);
    for (int r = 0; r < signs.length; r++) {
      if (signs[r].length != cols) {
        throw new IllegalArgumentException(
            "row " + r + " has " + signs[r].length + " values, row 0 has " + cols);
      }
      for (int c = 0; c < cols; c++) {
        int s = signs[r][c];
        if (s != 1 && s != -1) {
          throw new IllegalArgumentException(
              "element (" + r + ", " + c + ") is " + s + ", expected +1 or -1");
        }
        b.set(r, c, s == 1);
      }
    }
    return b.build();
  }

  /** A matrix filled element by element; starts all -1. */
  public static final class Builder {
    private final int rows;
    private final int cols;
    private long[] bits;

    public Builder(int rows, int cols) {
      if (rows < 0 || cols < 0) {
        throw new IllegalArgumentException("negative size " + rows + "x" + cols);
      }
      this.rows = rows;
      this.cols = cols;
      this.bits = new long[Math.multiplyExact(rows, (cols + 63) / 64)];
    }

    /** Sets element (r, c) to +1 when {@code plus}, else -1. */
    public Builder set(int r, int c, boolean plus) {
      if (r < 0 || r >= rows || c < 0 || c >= cols) {
        throw new IndexOutOfBoundsException("(" + r + ", " + c + ") in " + rows + "x" + cols);
      }
      int w = r * ((cols + 63) / 64) + c / 64;
      if (plus) {
        bits[w] |= 1L << (c & 63);
      } else {
        bits[w] &= ~(1L << (c & 63));
      }
      return this;
    }

    public BitMatrix build() {
      BitMatrix m = new BitMatrix(rows, cols, bits);
      bits = bits.clone();
      return m;
    }
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Whether element (r, c) is +1. */
  public boolean isPlus(int r, int c) {
    return (bits[r * wordsPerRow + (c >>> 6)] >>> (c & 63) & 1) != 0;
  }

  /** Element (r, c) as +1 or -1. */
  public int sign(int r, int c) {
    return isPlus(r, c) ? 1 : -1;
  }

  /** The number of +1 elements in row r. */
  public int plusCount(int r) {
    int n = 0;
    for (int w = 0; w < wordsPerRow; w++) {
      n += Long.bitCount(bits[r * wordsPerRow + w]);
    }
    return n;
  }

  /** This matrix with the rows for which {@code negate[r]} holds multiplied by -1. */
  public BitMatrix negateRows(boolean[] negate) {
    long[] out = bits.clone();
    for (int r = 0; r < rows; r++) {
      if (!negate[r]) {
        continue;
      }
      for (int w = 0; w < wordsPerRow; w++) {
        int valid = Math.min(64, cols - 64 * w);
        long mask = valid == 64 ? -1L : (1L << valid) - 1;
        out[r * wordsPerRow + w] ^= mask;
      }
    }
    return new BitMatrix(rows, cols, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitMatrix m
        && m.rows == rows
        && m.cols == cols
        && Arrays.equals(m.bits, bits);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return rows + "x" + cols + " bits";
  }
}
