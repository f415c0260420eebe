package org.signum.compiler.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Verifier;
import org.signum.isa.OutputFile;

/**
 * Signum's own model file: a versioned, human-readable text form of a {@link Network}, for networks
 * written by hand or produced by other tools. The format is documented in docs/model-format.md.
 * Writing then reading gives back an equal network, every float bit and every weight included.
 */
public final class ModelFile {
  static final String MAGIC = "signum-model";
  static final int VERSION = 1;

  private ModelFile() {}

  /**
   * Reads a model file.
   *
   * @throws ModelFormatException listing each problem as {@code file:line: error: message}
   */
  public static Network read(Path path) throws ModelFormatException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ModelFormatException(List.of(path + ":1: error: cannot read the file: " + why));
    }
    return parse(text, path.toString());
  }

  /** Reads model-file text as if from {@code fileName}, which messages name. */
  public static Network parse(String text, String fileName) throws ModelFormatException {
    return ModelReader.read(fileName, text.replace("\r\n", "\n"));
  }

  /**
   * The model-file text of {@code net}.
   *
   * @throws IllegalArgumentException when the network is not valid
   */
  public static String format(Network net) {
    Verifier.Result r = Verifier.check(net);
    if (!r.ok()) {
      throw new IllegalArgumentException(
          "cannot write an invalid network:\n" + String.join("\n", r.problems()));
    }
    return ModelWriter.format(net);
  }

  /** Writes {@code net} to {@code path}, replacing the file whole or not at all. */
  public static void write(Network net, Path path) throws IOException {
    OutputFile.write(path, format(net).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Row {@code r} as hex digits: four weights a digit, the first in its most significant bit, 1 for
   * +1; bits past the last weight are 0.
   */
  static String hexRow(BitMatrix m, int r) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < m.cols(); c += 4) {
      int digit = 0;
      for (int k = 0; k < 4; k++) {
        boolean plus = c + k < m.cols() && m.isPlus(r, c + k);
        digit = digit << 1 | (plus ? 1 : 0);
      }
      s.append(Character.forDigit(digit, 16));
    }
    return s.toString();
  }

  /** Reads a row written by {@link #hexRow} into row {@code r}; returns a problem or null. */
  static String readHexRow(String hex, int digits, int cols, BitMatrix.Builder b, int r) {
    if (hex.length() != digits) {
      return "expected "
          + digits
          + " hex digits (4 weights each, the first weight in the most "
          + "significant bit), got "
          + hex.length();
    }
    for (int d = 0; d < digits; d++) {
      char ch = hex.charAt(d);
      int v = ch < 0x80 ? Character.digit(ch, 16) : -1;
      if (v < 0) {
        return "character " + (d + 1) + " is '" + ch + "', expected a hex digit";
      }
      for (int k = 0; k < 4; k++) {
        boolean plus = (v >> (3 - k) & 1) == 1;
        int c = 4 * d + k;
        if (c < cols) {
          b.set(r, c, plus);
        } else if (plus) {
          return "bits past weight " + (cols - 1) + " must be 0, the last digit is '" + ch + "'";
        }
      }
    }
    return null;
  }
}
