package org.signum.sim;

/**
 * Byte access to memory held as little-endian 64-bit words: byte {@code a} is bits {@code 8(a mod
 * 8)..} of word {@code a / 8}.
 */
final class Bytes {
  private Bytes() {}

  static void write(long[] words, int address, byte[] bytes) {
    for (int k = 0; k < bytes.length; k++) {
      int a = address + k;
      int shift = (a & 7) << 3;
      words[a >>> 3] = (words[a >>> 3] & ~(0xFFL << shift)) | ((bytes[k] & 0xFFL) << shift);
    }
  }

  static byte[] read(long[] words, int address, int length) {
    byte[] out = new byte[length];
    for (int k = 0; k < length; k++) {
      int a = address + k;
      out[k] = (byte) (words[a >>> 3] >>> ((a & 7) << 3));
    }
    return out;
  }
}
