package org.signum.sim;

/**
 * The word loops of the vector instructions, over registers stored side by side in one {@code
 * long[]} ({@code d}, {@code a}, {@code b} are word offsets of registers, {@code n} words each).
 *
 * <p>They live in small methods rather than inline in {@link Core#execute}'s switch: measured with
 * the JMH benchmark, C2 compiles a short loop in a small method several times faster than the same
 * loop inside the large dispatch method, and still inlines the call.
 */
final class VectorOps {
  private VectorOps() {}

  /**
   * Copies {@code n} words. A plain loop rather than {@code System.arraycopy}: for the few words of
   * one row the loop is faster than the general copy stub.
   */
  static void copy(long[] from, int f, long[] to, int t, int n) {
    for (int k = 0; k < n; k++) {
      to[t + k] = from[f + k];
    }
  }

  static void xnor(long[] v, int d, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      v[d + k] = ~(v[a + k] ^ v[b + k]);
    }
  }

  static void and(long[] v, int d, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      v[d + k] = v[a + k] & v[b + k];
    }
  }

  static void or(long[] v, int d, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      v[d + k] = v[a + k] | v[b + k];
    }
  }

  static void xor(long[] v, int d, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      v[d + k] = v[a + k] ^ v[b + k];
    }
  }

  static void not(long[] v, int d, int a, int n) {
    for (int k = 0; k < n; k++) {
      v[d + k] = ~v[a + k];
    }
  }

  static long popcount(long[] v, int a, int n) {
    long s = 0;
    for (int k = 0; k < n; k++) {
      s += Long.bitCount(v[a + k]);
    }
    return s;
  }

  static long xnorPopcount(long[] v, int a, int b, int n) {
    long s = 0;
    for (int k = 0; k < n; k++) {
      s += Long.bitCount(~(v[a + k] ^ v[b + k]));
    }
    return s;
  }

  static long andPopcount(long[] v, int a, int b, int n) {
    long s = 0;
    for (int k = 0; k < n; k++) {
      s += Long.bitCount(v[a + k] & v[b + k]);
    }
    return s;
  }
}
