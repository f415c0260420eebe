package org.signum.compiler.onnx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files MNIST is distributed in (LeCun et al.), gzip-compressed or plain: a magic of
 * two zero bytes, the element type (0x08, unsigned byte, the only one MNIST uses) and the number of
 * dimensions, then each dimension as a big-endian 32-bit count, then the data in row-major order.
 */
public final class Idx {
  private static final int UNSIGNED_BYTE = 0x08;

  private Idx() {}

  /** MNIST images: {@code count} images of {@code rows} x {@code columns} pixels, 0 to 255. */
  public static final class Images {
    private final int count;
    private final int rows;
    private final int columns;
    private final byte[] pixels;

    Images(int count, int rows, int columns, byte[] pixels) {
      this.count = count;
      this.rows = rows;
      this.columns = columns;
      this.pixels = pixels;
    }

    public int count() {
      return count;
    }

    public int rows() {
      return rows;
    }

    public int columns() {
      return columns;
    }

    /** The pixels of image {@code index}, row-major, each 0 to 255. */
    public int[] image(int index) {
      int size = rows * columns;
      int[] image = new int[size];
      int base = index * size;
      for (int i = 0; i < size; i++) {
        image[i] = pixels[base + i] & 0xFF;
      }
      return image;
    }
  }

  /** Reads an IDX file of images: three dimensions (count, rows, columns) of unsigned bytes. */
  public static Images readImages(Path path) throws IdxException {
    return readImages(read(path), path.toString());
  }

  /**
   * Reads the contents of an IDX file of images, gzip-compressed or plain, from memory (a resource,
   * say); {@code name} stands for the file in messages.
   */
  public static Images readImages(byte[] raw, String name) throws IdxException {
    byte[] data = contents(raw, name);
    int[] dims = header(name, data, 3, "images (count, rows, columns)");
    int size = payload(name, data, dims, "pixel");
    byte[] pixels = new byte[size];
    System.arraycopy(data, 4 + 4 * dims.length, pixels, 0, size);
    return new Images(dims[0], dims[1], dims[2], pixels);
  }

  /** Reads an IDX file of labels: one dimension of unsigned bytes, each returned as 0 to 255. */
  public static int[] readLabels(Path path) throws IdxException {
    return readLabels(read(path), path.toString());
  }

  /**
   * Reads the contents of an IDX file of labels from memory, as {@link #readImages(byte[],
   * String)}.
   */
  public static int[] readLabels(byte[] raw, String name) throws IdxException {
    byte[] data = contents(raw, name);
    int[] dims = header(name, data, 1, "labels (count)");
    int size = payload(name, data, dims, "label");
    int[] labels = new int[size];
    for (int i = 0; i < size; i++) {
      labels[i] = data[8 + i] & 0xFF;
    }
    return labels;
  }

  private static byte[] read(Path path) throws IdxException {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new IdxException(path + ": no such file", e);
    } catch (IOException | OutOfMemoryError e) {
      throw new IdxException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The file's bytes, uncompressed when they start with gzip's magic. */
  private static byte[] contents(byte[] raw, String name) throws IdxException {
    if (raw.length < 2 || (raw[0] & 0xFF) != 0x1F || (raw[1] & 0xFF) != 0x8B) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IdxException(name + ": broken gzip data: " + e.getMessage(), e);
    }
  }

  private static int[] header(String name, byte[] data, int rank, String what) throws IdxException {
    if (data.length < 4) {
      throw new IdxException(
          name + ": " + data.length + " bytes, too short for an IDX header of 4 bytes");
    }
    if (data[0] != 0 || data[1] != 0) {
      throw new IdxException(
          String.format(
              "%s: not an IDX file: the magic starts with 0x%02X%02X, expected 0x0000",
              name, data[0] & 0xFF, data[1] & 0xFF));
    }
    int type = data[2] & 0xFF;
    if (type != UNSIGNED_BYTE) {
      throw new IdxException(
          String.format(
              "%s: element type 0x%02X is not supported; expected 0x08 (unsigned byte)",
              name, type));
    }
    int dimensions = data[3] & 0xFF;
    if (dimensions != rank) {
      throw new IdxException(
          name + ": " + dimensions + " dimensions; expected " + rank + " for " + what);
    }
    if (data.length < 4 + 4 * rank) {
      throw new IdxException(
          name
              + ": the file ends inside the header, after "
              + data.length
              + " of "
              + (4 + 4 * rank)
              + " bytes");
    }
    int[] dims = new int[rank];
    for (int i = 0; i < rank; i++) {
      int p = 4 + 4 * i;
      dims[i] =
          (data[p] & 0xFF) << 24
              | (data[p + 1] & 0xFF) << 16
              | (data[p + 2] & 0xFF) << 8
              | (data[p + 3] & 0xFF);
      if (dims[i] < 0) {
        throw new IdxException(
            name
                + ": dimension "
                + i
                + " is "
                + Integer.toUnsignedString(dims[i])
                + ", more than Signum reads (2^31 - 1)");
      }
      if (i > 0 && dims[i] == 0) {
        throw new IdxException(name + ": dimension " + i + " is 0; images need rows and columns");
      }
    }
    return dims;
  }

  /** The number of data bytes, checked against what the file holds after the header. */
  private static int payload(String name, byte[] data, int[] dims, String unit)
      throws IdxException {
    long size = 1;
    for (int d : dims) {
      size *= d;
    }
    int start = 4 + 4 * dims.length;
    long present = data.length - (long) start;
    if (present < size) {
      throw new IdxException(
          name + ": truncated: " + present + " of " + size + " " + unit + " bytes present");
    }
    if (present > size) {
      throw new IdxException(
          name
              + ": "
              + (present - size)
              + " bytes follow the "
              + size
              + " "
              + unit
              + " bytes the header announces");
    }
    return (int) size;
  }
}
