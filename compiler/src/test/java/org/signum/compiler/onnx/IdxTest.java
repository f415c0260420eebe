package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  @TempDir Path dir;

  /** An IDX file: magic 0, 0, type, rank; big-endian dimensions; then {@code data}. */
  private static byte[] idx(int type, int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static final byte[] TWO_IMAGES = {
    0, 1, 2, 3, 4, 5, (byte) 128, (byte) 200, 7, 8, 9, (byte) 255
  };

  @Test
  void readsPlainImages() throws Exception {
    Idx.Images images = Idx.readImages(write("img", idx(8, new int[] {2, 2, 3}, TWO_IMAGES)));
    assertEquals(2, images.count());
    assertEquals(2, images.rows());
    assertEquals(3, images.columns());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, images.image(0));
    assertArrayEquals(new int[] {128, 200, 7, 8, 9, 255}, images.image(1));
  }

  @Test
  void readsGzippedImagesAndLabels() throws Exception {
    Idx.Images images =
        Idx.readImages(write("img.gz", gzip(idx(8, new int[] {2, 2, 3}, TWO_IMAGES))));
    assertArrayEquals(new int[] {128, 200, 7, 8, 9, 255}, images.image(1));
    int[] labels =
        Idx.readLabels(write("lbl.gz", gzip(idx(8, new int[] {3}, new byte[] {7, 2, 1}))));
    assertArrayEquals(new int[] {7, 2, 1}, labels);
  }

  @Test
  void readsFromMemoryUnderTheGivenName() throws Exception {
    Idx.Images images = Idx.readImages(gzip(idx(8, new int[] {2, 2, 3}, TWO_IMAGES)), "img.gz");
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, images.image(0));
    assertArrayEquals(
        new int[] {7, 2, 1}, Idx.readLabels(idx(8, new int[] {3}, new byte[] {7, 2, 1}), "lbl"));
    IdxException e =
        assertThrows(
            IdxException.class, () -> Idx.readLabels(idx(8, new int[] {2}, new byte[1]), "lbl"));
    assertEquals("lbl: truncated: 1 of 2 label bytes present", e.getMessage());
  }

  @Test
  void readsAnEmptySet() throws Exception {
    assertEquals(
        0, Idx.readImages(write("none", idx(8, new int[] {0, 28, 28}, new byte[0]))).count());
  }

  private String error(String name, byte[] content, boolean images) throws IOException {
    Path p = write(name, content);
    IdxException e =
        assertThrows(
            IdxException.class,
            () -> {
              if (images) {
                Idx.readImages(p);
              } else {
                Idx.readLabels(p);
              }
            });
    return e.getMessage().substring(p.toString().length());
  }

  @Test
  void aWrongMagic() throws Exception {
    byte[] bad = idx(8, new int[] {1}, new byte[] {1});
    bad[1] = 1;
    assertEquals(
        ": not an IDX file: the magic starts with 0x0001, expected 0x0000", error("m", bad, false));
  }

  @Test
  void anElementTypeOtherThanUnsignedBytes() throws Exception {
    assertEquals(
        ": element type 0x0D is not supported; expected 0x08 (unsigned byte)",
        error("t", idx(0x0D, new int[] {1}, new byte[4]), false));
  }

  @Test
  void labelsWhereImagesAreExpected() throws Exception {
    assertEquals(
        ": 1 dimensions; expected 3 for images (count, rows, columns)",
        error("r", idx(8, new int[] {2}, new byte[2]), true));
  }

  @Test
  void aFileShorterThanTheMagic() throws Exception {
    assertEquals(
        ": 3 bytes, too short for an IDX header of 4 bytes",
        error("s", new byte[] {0, 0, 8}, false));
  }

  @Test
  void aHeaderCutShort() throws Exception {
    byte[] cut = Arrays.copyOf(idx(8, new int[] {2, 2, 3}, new byte[0]), 10);
    assertEquals(": the file ends inside the header, after 10 of 16 bytes", error("h", cut, true));
  }

  @Test
  void truncatedData() throws Exception {
    assertEquals(
        ": truncated: 11 of 12 pixel bytes present",
        error("d", idx(8, new int[] {2, 2, 3}, Arrays.copyOf(TWO_IMAGES, 11)), true));
  }

  @Test
  void bytesAfterTheData() throws Exception {
    assertEquals(
        ": 1 bytes follow the 2 label bytes the header announces",
        error("x", idx(8, new int[] {2}, new byte[3]), false));
  }

  @Test
  void aDimensionBeyondTwoToThe31() throws Exception {
    byte[] huge = idx(8, new int[] {-1}, new byte[0]);
    assertEquals(
        ": dimension 0 is 4294967295, more than Signum reads (2^31 - 1)", error("u", huge, false));
  }

  @Test
  void imagesWithoutColumns() throws Exception {
    assertEquals(
        ": dimension 2 is 0; images need rows and columns",
        error("z", idx(8, new int[] {1, 28, 0}, new byte[0]), true));
  }

  @Test
  void brokenGzip() throws Exception {
    byte[] z = gzip(idx(8, new int[] {2}, new byte[] {1, 2}));
    byte[] cut = Arrays.copyOf(z, z.length - 6);
    String message = error("g.gz", cut, false);
    assertTrue(message.startsWith(": broken gzip data: "), message);
  }

  @Test
  void aMissingFile() {
    Path p = dir.resolve("absent");
    IdxException e = assertThrows(IdxException.class, () -> Idx.readLabels(p));
    assertEquals(p + ": no such file", e.getMessage());
  }
}
