package org.signum.asm;

/**
 * The packed-row notations of {@code .rowb}, {@code .rowx} and {@code .rowpm}. Element {@code i} of
 * a row is bit {@code i mod 8} of byte {@code i / 8}, the ISA's bit order, and a row is padded with
 * the pad bit up to a whole number of vector registers.
 */
final class Rows {
  private Rows() {}

  /** A character that is not an element of the notation, at {@code offset} in the string. */
  static final class RowException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    RowException(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }

    int offset() {
      return offset;
    }
  }

  /** A row's elements, one bit each, element 0 first. */
  record Elements(long[] bits, int count) {
    boolean get(int i) {
      return (bits[i >>> 6] >>> (i & 63) & 1) != 0;
    }
  }

  /** The notation of a row directive. */
  enum Notation {
    BINARY("'0', '1'"),
    HEX("hexadecimal digits"),
    PLUS_MINUS("'+' (for +1), '-' (for -1)");

    private final String accepted;

    Notation(String accepted) {
      this.accepted = accepted;
    }
  }

  /**
   * Reads the elements of {@code text}; spaces, tabs and {@code _} separate groups and are ignored.
   */
  static Elements parse(Notation notation, String text, String directive) throws RowException {
    int perChar = notation == Notation.HEX ? 4 : 1;
    long[] bits = new long[(int) (((long) text.length() * perChar + 63) / 64)];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '_') {
        continue;
      }
      int value =
          switch (notation) {
            case BINARY -> c == '0' ? 0 : c == '1' ? 1 : -1;
            case PLUS_MINUS -> c == '-' ? 0 : c == '+' ? 1 : -1;
            case HEX -> Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
          };
      if (value < 0) {
        String shown = c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        throw new RowException(
            i,
            "'" + directive + "' accepts " + notation.accepted + ", spaces and '_', got " + shown);
      }
      // A hex digit is four elements, its most significant bit first.
      for (int k = perChar - 1; k >= 0; k--) {
        if ((value >>> k & 1) != 0) {
          bits[n >>> 6] |= 1L << (n & 63);
        }
        n++;
      }
    }
    return new Elements(bits, n);
  }

  /** Bytes of the row padded to a multiple of {@code vectorWidth} elements. */
  static long paddedBytes(int count, int vectorWidth) {
    long rows = ((long) count + vectorWidth - 1) / vectorWidth;
    return rows * vectorWidth / 8;
  }

  /** Writes the row into {@code out}, which holds {@link #paddedBytes} bytes. */
  static void pack(Elements row, boolean pad, byte[] out) {
    for (int i = 0; i < out.length * 8; i++) {
      boolean bit = i < row.count() ? row.get(i) : pad;
      if (bit) {
        out[i >>> 3] |= (byte) (1 << (i & 7));
      } else {
        out[i >>> 3] &= (byte) ~(1 << (i & 7));
      }
    }
  }
}
