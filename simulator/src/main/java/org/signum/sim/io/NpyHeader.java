package org.signum.sim.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The header dictionary of a NumPy {@code .npy} file, e.g. {@code {'descr': '<i4', 'fortran_order':
 * False, 'shape': (3, 4), }}: a Python literal parsed by hand, accepting only the three keys NumPy
 * writes.
 *
 * @param descr the dtype string, e.g. {@code <i4} or {@code |u1}
 * @param fortranOrder whether the data is in Fortran (column-major) order
 * @param shape the array's dimensions
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape) {

  /** Parses the header text; the message of the exception says what is wrong, without the file. */
  static NpyHeader parse(String text) throws IllegalArgumentException {
    return new Parser(text).header();
  }

  /** The header text NumPy would write for these values, without padding. */
  String render() {
    StringBuilder s = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ");
    s.append(fortranOrder ? "True" : "False").append(", 'shape': (");
    for (int k = 0; k < shape.length; k++) {
      s.append(k == 0 ? "" : ", ").append(shape[k]);
    }
    return s.append(shape.length == 1 ? ",), }" : "), }").toString();
  }

  /** Bytes per element of the dtype, after checking that its byte order is explicit. */
  static int itemSize(String descr) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([<>|=]?)([?bBiufcmMSUV])(\\d+)(\\[[A-Za-z0-9]+\\])?")
            .matcher(descr);
    if (!m.matches()) {
      if (descr.startsWith("O") || descr.contains("O")) {
        throw new IllegalArgumentException(
            "dtype '" + descr + "' holds Python objects, which have no raw bytes to load");
      }
      throw new IllegalArgumentException(
          "dtype '" + descr + "' is not a simple dtype such as '<i4', '|u1' or '<f8'");
    }
    long size = Long.parseLong(m.group(3));
    if (m.group(2).equals("U")) {
      size *= 4;
    }
    if (size <= 0 || size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("dtype '" + descr + "' has an item size of " + size);
    }
    String order = m.group(1);
    boolean byteSized = size == 1 || m.group(2).equals("S") || m.group(2).equals("V");
    if (order.equals(">") && !byteSized) {
      throw new IllegalArgumentException(
          "dtype '"
              + descr
              + "' is big-endian; only little-endian ('<') or byte-sized data is"
              + " supported");
    }
    if ((order.isEmpty() || order.equals("=")) && !byteSized) {
      throw new IllegalArgumentException(
          "dtype '" + descr + "' does not state its byte order; expected '<' (little-endian)");
    }
    return (int) size;
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    NpyHeader header() {
      String descr = null;
      Boolean fortran = null;
      long[] shape = null;
      skip();
      expect('{');
      skip();
      while (peek() != '}') {
        String key = string();
        skip();
        expect(':');
        skip();
        switch (key) {
          case "descr" -> {
            if (peek() == '[') {
              throw new IllegalArgumentException(
                  "structured dtypes (a list in 'descr') are not supported");
            }
            descr = string();
          }
          case "fortran_order" -> fortran = bool();
          case "shape" -> shape = tuple();
          default -> throw new IllegalArgumentException("unexpected header key '" + key + "'");
        }
        skip();
        if (peek() == ',') {
          pos++;
          skip();
        } else if (peek() != '}') {
          throw error("',' or '}'");
        }
      }
      pos++;
      skip();
      if (pos != s.length()) {
        throw new IllegalArgumentException("text after the header dictionary at offset " + pos);
      }
      if (descr == null || fortran == null || shape == null) {
        throw new IllegalArgumentException(
            "the header must give 'descr', 'fortran_order' and 'shape'");
      }
      return new NpyHeader(descr, fortran, shape);
    }

    private char peek() {
      if (pos >= s.length()) {
        throw new IllegalArgumentException("the header dictionary ends early");
      }
      return s.charAt(pos);
    }

    private void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("'" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "malformed header: expected "
              + expected
              + " at offset "
              + pos
              + " of '"
              + s.strip()
              + "'");
    }

    private String string() {
      char q = peek();
      if (q != '\'' && q != '"') {
        throw error("a quoted string");
      }
      int end = s.indexOf(q, pos + 1);
      if (end < 0) {
        throw error("a closing quote");
      }
      String v = s.substring(pos + 1, end);
      pos = end + 1;
      return v;
    }

    private boolean bool() {
      if (s.startsWith("True", pos)) {
        pos += 4;
        return true;
      }
      if (s.startsWith("False", pos)) {
        pos += 5;
        return false;
      }
      throw error("True or False");
    }

    private long[] tuple() {
      expect('(');
      List<Long> dims = new ArrayList<>();
      skip();
      while (peek() != ')') {
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        if (start == pos || pos - start > 18) {
          throw error("a non-negative dimension");
        }
        dims.add(Long.parseLong(s.substring(start, pos)));
        if (pos < s.length() && s.charAt(pos) == 'L') {
          pos++;
        }
        skip();
        if (peek() == ',') {
          pos++;
          skip();
        } else if (peek() != ')') {
          throw error("',' or ')'");
        }
      }
      pos++;
      long[] out = new long[dims.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = dims.get(k);
      }
      return out;
    }
  }
}
