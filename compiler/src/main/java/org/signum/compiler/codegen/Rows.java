package org.signum.compiler.codegen;

/**
 * Packed rows in the notation of {@code .rowx}: four elements per hex digit, the first element in
 * the digit's most significant bit. A row whose length is not a multiple of four ends in a digit
 * whose unused bits are set to the row's padding, so that the assembler's padding and the digit's
 * agree.
 */
final class Rows {
  private Rows() {}

  /** Element i is {@code bits[i]}; positions past the end take {@code pad}. */
  static String hex(boolean[] bits, boolean pad) {
    StringBuilder s = new StringBuilder((bits.length + 3) / 4);
    for (int i = 0; i < bits.length; i += 4) {
      int digit = 0;
      for (int k = 0; k < 4; k++) {
        boolean b = i + k < bits.length ? bits[i + k] : pad;
        digit = digit << 1 | (b ? 1 : 0);
      }
      s.append(Character.forDigit(digit, 16));
    }
    return s.toString();
  }

  /** Bytes of a row of {@code n} elements padded to whole vector registers. */
  static int bytes(long n, int vectorWidth) {
    return (int) ((n + vectorWidth - 1) / vectorWidth * (vectorWidth / 8));
  }

  static int chunks(long n, int vectorWidth) {
    return (int) ((n + vectorWidth - 1) / vectorWidth);
  }
}
