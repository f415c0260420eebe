package org.signum.sim.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.signum.isa.OutputFile;

/**
 * Reads and writes the data files the command line loads into memories and dumps from them: NumPy
 * {@code .npy} files (versions 1.0, 2.0 and 3.0, C order, little-endian or byte-sized dtypes),
 * recognised by their magic, and raw bytes otherwise. What gets loaded is the array's raw bytes,
 * exactly as they lie in the file.
 */
public final class DataFiles {
  /** The first six bytes of every {@code .npy} file, as ISO-8859-1 text. */
  private static final String MAGIC = "\u0093NUMPY";

  private static final int ALIGN = 64;

  private DataFiles() {}

  /** The bytes to load from {@code path}: an {@code .npy} array's data, or the whole file. */
  public static byte[] read(Path path) throws DataFileException {
    byte[] file;
    try {
      file = Files.readAllBytes(path);
    } catch (IOException | OutOfMemoryError e) {
      throw new DataFileException(path + ": cannot read: " + describe(e), e);
    }
    if (!isNpy(file)) {
      return file;
    }
    try {
      return npyData(file);
    } catch (IllegalArgumentException e) {
      throw new DataFileException(path + ": not a valid .npy file: " + e.getMessage());
    }
  }

  /** Whether {@code file} starts with the {@code .npy} magic string. */
  public static boolean isNpy(byte[] file) {
    return file.length >= MAGIC.length()
        && new String(file, 0, MAGIC.length(), StandardCharsets.ISO_8859_1).equals(MAGIC);
  }

  private static byte[] npyData(byte[] file) {
    if (file.length < 10) {
      throw new IllegalArgumentException(
          "the file has "
              + file.length
              + " bytes, too few for the magic, version and header length");
    }
    int major = file[6] & 0xFF;
    int minor = file[7] & 0xFF;
    int headerStart;
    long headerLength;
    if (major == 1 && minor == 0) {
      headerStart = 10;
      headerLength = (file[8] & 0xFF) | (file[9] & 0xFF) << 8;
    } else if ((major == 2 || major == 3) && minor == 0) {
      if (file.length < 12) {
        throw new IllegalArgumentException(
            "the file has "
                + file.length
                + " bytes, too few for a version "
                + major
                + ".0 header length");
      }
      headerStart = 12;
      headerLength =
          (file[8] & 0xFFL)
              | (file[9] & 0xFFL) << 8
              | (file[10] & 0xFFL) << 16
              | (file[11] & 0xFFL) << 24;
    } else {
      throw new IllegalArgumentException(
          "format version " + major + "." + minor + " is not 1.0, 2.0 or 3.0");
    }
    if (headerStart + headerLength > file.length) {
      throw new IllegalArgumentException(
          "header length "
              + headerLength
              + " runs past the end of the file ("
              + file.length
              + " bytes)");
    }
    int dataStart = (int) (headerStart + headerLength);
    String text =
        new String(
            file,
            headerStart,
            (int) headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyHeader h = NpyHeader.parse(text);
    if (h.fortranOrder()) {
      throw new IllegalArgumentException(
          "fortran_order is True; only C-order arrays are supported (save with"
              + " numpy.ascontiguousarray)");
    }
    int item = NpyHeader.itemSize(h.descr());
    long need = dataBytes(h.shape(), item, h.descr());
    long have = file.length - (long) dataStart;
    if (need != have) {
      throw new IllegalArgumentException(
          "shape "
              + shapeText(h.shape())
              + " of dtype '"
              + h.descr()
              + "' needs "
              + need
              + " bytes of data, the file holds "
              + have);
    }
    return Arrays.copyOfRange(file, dataStart, file.length);
  }

  private static long dataBytes(long[] shape, int item, String descr) {
    long n = item;
    for (long d : shape) {
      if (d != 0 && n > Integer.MAX_VALUE / d) {
        throw new IllegalArgumentException(
            "shape " + shapeText(shape) + " of dtype '" + descr + "' is too large to load");
      }
      n *= d;
    }
    return n;
  }

  private static String shapeText(long[] shape) {
    StringBuilder s = new StringBuilder("(");
    for (int k = 0; k < shape.length; k++) {
      s.append(k == 0 ? "" : ", ").append(shape[k]);
    }
    return s.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** Writes {@code data} as raw bytes, whole or not at all. */
  public static void writeRaw(Path path, byte[] data) throws DataFileException {
    writeAtomically(path, data);
  }

  /**
   * Writes {@code data} as a version 1.0 {@code .npy} file (2.0 when the header needs it), whole or
   * not at all.
   *
   * @param dtype a little-endian or byte-sized dtype such as {@code |u1}, {@code <i4}
   * @param shape dimensions whose product times the dtype's size is {@code data.length}
   * @throws IllegalArgumentException if the dtype or shape does not fit the data
   */
  public static void writeNpy(Path path, byte[] data, String dtype, long[] shape)
      throws DataFileException {
    int item = NpyHeader.itemSize(dtype);
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + shapeText(shape));
      }
    }
    long need = dataBytes(shape, item, dtype);
    if (need != data.length) {
      throw new IllegalArgumentException(
          "shape "
              + shapeText(shape)
              + " of dtype '"
              + dtype
              + "' needs "
              + need
              + " bytes, got "
              + data.length);
    }
    byte[] header =
        new NpyHeader(dtype, false, shape.clone()).render().getBytes(StandardCharsets.ISO_8859_1);
    // The header, its newline and the prefix are padded to a multiple of 64 bytes, as NumPy does.
    boolean v1 = roundUp(10 + header.length + 1) - 10 <= 0xFFFF;
    int prefix = v1 ? 10 : 12;
    int padded = roundUp(prefix + header.length + 1);
    int headerLength = padded - prefix;
    byte[] out = new byte[padded + data.length];
    byte[] magic = MAGIC.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(magic, 0, out, 0, magic.length);
    out[6] = (byte) (v1 ? 1 : 2);
    out[7] = 0;
    out[8] = (byte) headerLength;
    out[9] = (byte) (headerLength >>> 8);
    if (!v1) {
      out[10] = (byte) (headerLength >>> 16);
      out[11] = (byte) (headerLength >>> 24);
    }
    System.arraycopy(header, 0, out, prefix, header.length);
    Arrays.fill(out, prefix + header.length, padded - 1, (byte) ' ');
    out[padded - 1] = '\n';
    System.arraycopy(data, 0, out, padded, data.length);
    writeAtomically(path, out);
  }

  private static int roundUp(int n) {
    return (n + ALIGN - 1) / ALIGN * ALIGN;
  }

  private static void writeAtomically(Path path, byte[] bytes) throws DataFileException {
    try {
      OutputFile.write(path, bytes);
    } catch (IOException e) {
      throw new DataFileException(path + ": cannot write: " + describe(e), e);
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof OutOfMemoryError) {
      return "the file is too large to load";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
