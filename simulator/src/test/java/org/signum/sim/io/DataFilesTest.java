package org.signum.sim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by NumPy 2 ({@code np.save}) sit in the test resources beside this class. */
class DataFilesTest {
  @TempDir Path dir;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DataFilesTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  /** Copies a resource (or given bytes) to a file in the temp dir. */
  private Path file(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private Path npy(String name) throws IOException {
    return file(name, resource(name));
  }

  private String error(Path p) {
    return assertThrows(DataFileException.class, () -> DataFiles.read(p)).getMessage();
  }

  private static byte[] le(int... values) {
    byte[] b = new byte[values.length * 4];
    for (int k = 0; k < b.length; k++) {
      b[k] = (byte) (values[k / 4] >>> (8 * (k % 4)));
    }
    return b;
  }

  @Test
  void readsTheRawBytesOfNumpyArrays() throws Exception {
    assertArrayEquals(le(0, 1, 2, 3, 4, 5), DataFiles.read(npy("i4_2x3.npy")));
    assertArrayEquals(
        new byte[] {1, 2, 3, (byte) 254, (byte) 255}, DataFiles.read(npy("u1_5.npy")));
    assertArrayEquals(new byte[] {1, 0, 1}, DataFiles.read(npy("bool_3.npy")));
    assertArrayEquals(
        new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xF8, 0x3F}, DataFiles.read(npy("f8_scalar.npy")));
    assertArrayEquals(new byte[0], DataFiles.read(npy("i8_empty.npy")));
    assertArrayEquals(le('a', 'b'), DataFiles.read(npy("unicode.npy")));
  }

  @Test
  void readsVersionsTwoAndThree() throws Exception {
    byte[] expected = {0, 0, 1, 0, 2, 0, 3, 0};
    assertArrayEquals(expected, DataFiles.read(npy("v2.npy")));
    assertArrayEquals(expected, DataFiles.read(npy("v3.npy")));
  }

  @Test
  void anyOtherFileIsRawBytes() throws Exception {
    byte[] bytes = {(byte) 0x93, 'N', 'U', 'M', 'P', 'X', 1, 2};
    assertArrayEquals(bytes, DataFiles.read(file("data.bin", bytes)));
    assertArrayEquals(new byte[0], DataFiles.read(file("empty.bin", new byte[0])));
  }

  @Test
  void writesWhatNumpyWrites() throws Exception {
    Path u1 = dir.resolve("out_u1.npy");
    DataFiles.writeNpy(u1, new byte[] {1, 2, 3, (byte) 254, (byte) 255}, "|u1", new long[] {5});
    assertArrayEquals(resource("u1_5.npy"), Files.readAllBytes(u1));

    Path i4 = dir.resolve("out_i4.npy");
    DataFiles.writeNpy(i4, le(0, 1, 2, 3, 4, 5), "<i4", new long[] {2, 3});
    assertArrayEquals(resource("i4_2x3.npy"), Files.readAllBytes(i4));

    Path scalar = dir.resolve("out_f8.npy");
    DataFiles.writeNpy(scalar, DataFiles.read(npy("f8_scalar.npy")), "<f8", new long[0]);
    assertArrayEquals(resource("f8_scalar.npy"), Files.readAllBytes(scalar));
  }

  @Test
  void roundTripsLargeArrays() throws Exception {
    byte[] data = new byte[1 << 20];
    new java.util.Random(7).nextBytes(data);
    Path p = dir.resolve("big.npy");
    DataFiles.writeNpy(p, data, "<u8", new long[] {1 << 7, 1 << 10});
    assertArrayEquals(data, DataFiles.read(p));
    Path raw = dir.resolve("big.bin");
    DataFiles.writeRaw(raw, data);
    assertArrayEquals(data, DataFiles.read(raw));
  }

  @Test
  void headersAreAlignedToSixtyFourBytes() throws Exception {
    Path p = dir.resolve("many.npy");
    long[] shape = new long[30];
    Arrays.fill(shape, 1);
    DataFiles.writeNpy(p, new byte[] {9}, "|i1", shape);
    byte[] file = Files.readAllBytes(p);
    assertEquals(0, (file.length - 1) % 64);
    assertEquals('\n', file[file.length - 2]);
    assertArrayEquals(new byte[] {9}, DataFiles.read(p));
  }

  @Test
  void writingReplacesAFileWholeAndLeavesNoTemporaryFiles() throws Exception {
    Path p = file("out.bin", new byte[100]);
    DataFiles.writeRaw(p, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(p));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void writingIntoAMissingDirectoryFailsClearly() {
    Path p = dir.resolve("no/such/dir/out.bin");
    String msg =
        assertThrows(DataFileException.class, () -> DataFiles.writeRaw(p, new byte[1]))
            .getMessage();
    assertEquals(p + ": cannot write: no such file or directory", msg);
  }

  @Test
  void writeNpyChecksShapeAndDtype() {
    Path p = dir.resolve("x.npy");
    assertEquals(
        "shape (3,) of dtype '<i4' needs 12 bytes, got 8",
        assertThrows(
                IllegalArgumentException.class,
                () -> DataFiles.writeNpy(p, new byte[8], "<i4", new long[] {3}))
            .getMessage());
    assertEquals(
        "dtype '>i4' is big-endian; only little-endian ('<') or byte-sized data is supported",
        assertThrows(
                IllegalArgumentException.class,
                () -> DataFiles.writeNpy(p, new byte[8], ">i4", new long[] {2}))
            .getMessage());
    assertTrue(Files.notExists(p));
  }

  @Test
  void missingFile() {
    Path p = dir.resolve("absent.npy");
    assertEquals(p + ": cannot read: no such file or directory", error(p));
  }

  @Test
  void unsupportedLayoutsAndTypes() throws Exception {
    Path f = npy("fortran.npy");
    assertEquals(
        f
            + ": not a valid .npy file: fortran_order is True; only C-order arrays are supported"
            + " (save with numpy.ascontiguousarray)",
        error(f));
    Path b = npy("bigendian.npy");
    assertEquals(
        b
            + ": not a valid .npy file: dtype '>i4' is big-endian; only little-endian ('<') or"
            + " byte-sized data is supported",
        error(b));
    Path s = npy("structured.npy");
    assertEquals(
        s + ": not a valid .npy file: structured dtypes (a list in 'descr') are not supported",
        error(s));
    Path o = npy("object.npy");
    assertEquals(
        o
            + ": not a valid .npy file: dtype '|O' holds Python objects, which have no raw bytes to"
            + " load",
        error(o));
  }

  @Test
  void dataSizeMustMatchTheShape() throws Exception {
    byte[] good = resource("i4_2x3.npy");
    Path shortFile = file("short.npy", Arrays.copyOf(good, good.length - 4));
    assertEquals(
        shortFile
            + ": not a valid .npy file: shape (2, 3) of dtype '<i4' needs 24 bytes of data, the"
            + " file holds 20",
        error(shortFile));
    Path longFile = file("long.npy", Arrays.copyOf(good, good.length + 1));
    assertEquals(
        longFile
            + ": not a valid .npy file: shape (2, 3) of dtype '<i4' needs 24 bytes of data, the"
            + " file holds 25",
        error(longFile));
  }

  @Test
  void brokenHeaders() throws Exception {
    byte[] good = resource("u1_5.npy");

    Path truncated = file("t.npy", Arrays.copyOf(good, 8));
    assertEquals(
        truncated
            + ": not a valid .npy file: the file has 8 bytes, too few for the magic, version and"
            + " header length",
        error(truncated));

    byte[] longHeader = good.clone();
    longHeader[8] = (byte) 0xFF;
    longHeader[9] = (byte) 0xFF;
    Path hl = file("hl.npy", longHeader);
    assertEquals(
        hl
            + ": not a valid .npy file: header length 65535 runs past the end of the file (133"
            + " bytes)",
        error(hl));

    byte[] version = good.clone();
    version[6] = 4;
    Path v = file("v.npy", version);
    assertEquals(
        v + ": not a valid .npy file: format version 4.0 is not 1.0, 2.0 or 3.0", error(v));

    Path garbage = file("g.npy", replace(good, "{'descr'", "['descr'"));
    assertTrue(
        error(garbage)
            .startsWith(
                garbage
                    + ": not a valid .npy file: malformed header:"
                    + " expected '{' at offset 0"));

    Path noShape = file("ns.npy", replace(good, "'shape'", "'shapf'"));
    assertEquals(
        noShape + ": not a valid .npy file: unexpected header key 'shapf'", error(noShape));

    Path badDtype = file("bd.npy", replace(good, "'|u1'", "'|q1'"));
    assertEquals(
        badDtype
            + ": not a valid .npy file: dtype '|q1' is not a simple dtype such as '<i4', '|u1' or"
            + " '<f8'",
        error(badDtype));

    Path badBool = file("bb.npy", replace(good, "False", "Fals "));
    assertTrue(error(badBool).contains("expected True or False"));
  }

  private static byte[] replace(byte[] file, String from, String to) {
    String s = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(s.contains(from));
    return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
  }
}
