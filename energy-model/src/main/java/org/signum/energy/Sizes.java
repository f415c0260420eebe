package org.signum.energy;

/** Memory sizes as table keys write them: bytes, or a whole number of K, M or G. */
final class Sizes {
  private Sizes() {}

  /** {@code 32768} is {@code 32K}; {@code 1536} stays {@code 1536}. */
  static String format(long bytes) {
    String[] suffixes = {"G", "M", "K"};
    int[] shifts = {30, 20, 10};
    for (int i = 0; i < suffixes.length; i++) {
      long unit = 1L << shifts[i];
      if (bytes >= unit && bytes % unit == 0) {
        return bytes / unit + suffixes[i];
      }
    }
    return Long.toString(bytes);
  }

  /** Parses {@code 8K}, {@code 1M}, {@code 512}; -1 when it is none of those. */
  static long parse(String text) {
    if (!text.matches("[0-9]{1,10}[KMG]?")) {
      return -1;
    }
    char last = text.charAt(text.length() - 1);
    int shift =
        switch (last) {
          case 'K' -> 10;
          case 'M' -> 20;
          case 'G' -> 30;
          default -> 0;
        };
    String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
    return Long.parseLong(digits) << shift;
  }
}
