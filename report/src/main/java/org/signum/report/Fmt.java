package org.signum.report;

import java.util.Locale;

/** Number formats shared by the text renderings: fixed, locale-independent, readable. */
final class Fmt {
  private Fmt() {}

  private static final java.math.MathContext DIGITS = new java.math.MathContext(12);

  /**
   * A figure for machines (JSON, CSV) to 12 significant digits, which hides the last-digit noise of
   * summing decimal energies in binary; whole numbers without a fraction.
   */
  static double rounded(double v) {
    return v == 0 || !Double.isFinite(v)
        ? v
        : new java.math.BigDecimal(v).round(DIGITS).doubleValue();
  }

  /** {@link #rounded} as text: {@code 505.848}, {@code 64}, {@code 1.3E-4}. */
  static String exact(double v) {
    double r = rounded(v);
    return r == Math.rint(r) && Math.abs(r) < 9.007199254740992E15
        ? Long.toString((long) r)
        : Double.toString(r);
  }

  /** A count: {@code 12,345}, or {@code 12,345.5} when it is an average. */
  static String count(double v) {
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return String.format(Locale.ROOT, "%,.1f", v);
  }

  /** An energy in picojoules, shown in pJ, nJ, uJ or mJ with three significant digits. */
  static String energy(double pj) {
    double a = Math.abs(pj);
    if (a >= 1e9) {
      return sig(pj / 1e9) + " mJ";
    }
    if (a >= 1e6) {
      return sig(pj / 1e6) + " uJ";
    }
    if (a >= 1e3) {
      return sig(pj / 1e3) + " nJ";
    }
    return sig(pj) + " pJ";
  }

  /** Three significant digits, no exponent for everyday magnitudes: 0.000563, 5.51, 5,511. */
  static String sig(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A fraction as a percentage with one decimal. */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
  }

  /** A ratio: {@code 12.3x}. */
  static String times(double ratio) {
    return sig(ratio) + "x";
  }

  /** A byte count with a binary suffix when whole: {@code 256 KiB}. */
  static String bytes(long n) {
    if (n >= 1 << 20 && n % (1 << 20) == 0) {
      return n / (1 << 20) + " MiB";
    }
    if (n >= 1 << 10 && n % (1 << 10) == 0) {
      return n / (1 << 10) + " KiB";
    }
    return n + " B";
  }
}
