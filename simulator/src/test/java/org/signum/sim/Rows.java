package org.signum.sim;

/** Packed rows for tests: words to bytes and back, little-endian. */
final class Rows {
  private Rows() {}

  static byte[] bytes(long... words) {
    byte[] b = new byte[words.length * 8];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) (words[k / 8] >>> (8 * (k % 8)));
    }
    return b;
  }

  static long[] words(byte[] bytes) {
    long[] w = new long[bytes.length / 8];
    for (int k = 0; k < bytes.length; k++) {
      w[k / 8] |= (bytes[k] & 0xFFL) << (8 * (k % 8));
    }
    return w;
  }
}
