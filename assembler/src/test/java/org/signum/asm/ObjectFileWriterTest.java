package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;

class ObjectFileWriterTest {
  @TempDir Path dir;

  private static ObjectFile small() {
    return ObjectFileReaderTest.small();
  }

  /** {@code small()} with its entry moved past the code. */
  private static ObjectFile badEntry() {
    ObjectFile f = small();
    return new ObjectFile(f.machine(), 5, f.code(), f.data(), f.symbols(), f.lines(), f.files());
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** The bytes as lines of {@code offset: sixteen hex bytes}, the form of the golden file. */
  static String hexDump(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < b.length; i += 16) {
      s.append(String.format("%04x:", i));
      for (int k = i; k < Math.min(b.length, i + 16); k++) {
        s.append(String.format(" %02x", b[k] & 0xff));
      }
      s.append('\n');
    }
    return s.toString();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ObjectFileWriterTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The format is a file format: a change to these bytes must be deliberate (and documented). */
  @Test
  void smallFileMatchesTheGoldenBytes() throws IOException {
    assertEquals(resource("small.sgo.hex"), hexDump(ObjectFileWriter.toBytes(small())));
  }

  @Test
  void writtenFileReadsBack() throws Exception {
    Path p = dir.resolve("k.sgo");
    ObjectFileWriter.write(small(), p);
    assertEquals(small(), ObjectFileReader.read(p));
    assertArrayEquals(ObjectFileWriter.toBytes(small()), Files.readAllBytes(p));
  }

  @Test
  void writeReplacesAnOldFileAndLeavesNoTemporaryBehind() throws Exception {
    Path p = dir.resolve("k.sgo");
    Files.writeString(p, "old contents");
    ObjectFileWriter.write(small(), p);
    assertEquals(small(), ObjectFileReader.read(p));
    assertEquals(List.of("k.sgo"), listing());
  }

  @Test
  void invalidObjectIsRefusedWithTheReadersMessage() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> ObjectFileWriter.toBytes(badEntry()));
    int entryAt = RawObject.of(small()).payloadOffset("CODE");
    assertEquals(
        "refusing to write an invalid object file: offset "
            + entryAt
            + ": CODE.entry: expected an instruction index below 2 (CODE.count), got 5",
        e.getMessage());
  }

  @Test
  void refusedWriteLeavesTheOldFileUntouched() throws Exception {
    Path p = dir.resolve("k.sgo");
    Files.writeString(p, "old contents");
    assertThrows(IllegalArgumentException.class, () -> ObjectFileWriter.write(badEntry(), p));
    assertEquals("old contents", Files.readString(p));
    assertEquals(List.of("k.sgo"), listing());
  }

  @Test
  void writeIntoAMissingDirectoryFails() {
    Path p = dir.resolve("no-such-dir").resolve("k.sgo");
    assertThrows(NoSuchFileException.class, () -> ObjectFileWriter.write(small(), p));
  }

  @Test
  void writtenFileHasTheUsualPermissionsNotATemporaryFilesOwnerOnlyOnes() throws Exception {
    Path p = dir.resolve("k.sgo");
    ObjectFileWriter.write(small(), p);
    Path plain = Files.createFile(dir.resolve("plain"));
    PosixFileAttributeView written = Files.getFileAttributeView(p, PosixFileAttributeView.class);
    if (written != null) {
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(p));
    } else {
      assertTrue(Files.isReadable(p));
    }
  }

  @Test
  void stringsThatAreNotUnicodeAreRefused() {
    ObjectFile f = small();
    ObjectFile broken =
        new ObjectFile(
            f.machine(),
            f.entry(),
            f.code(),
            f.data(),
            List.of(new Symbol("bad\ud800", SymbolKind.CODE, 0)),
            f.lines(),
            f.files());
    var e = assertThrows(IllegalArgumentException.class, () -> ObjectFileWriter.toBytes(broken));
    assertEquals("string is not valid Unicode: bad\ud800", e.getMessage());
  }

  @Test
  void readingAMissingFileNamesIt() {
    Path p = dir.resolve("absent.sgo");
    var e = assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(p));
    assertEquals(p + ": cannot read: no such file", e.getMessage());
    assertEquals(-1, e.offset());
    assertNull(e.field());
  }

  @Test
  void readingADirectoryFailsCleanly() {
    var e = assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(dir));
    assertTrue(e.getMessage().startsWith(dir + ": cannot read: "), e.getMessage());
  }

  @Test
  void readingAFileCheckedOnDiskGivesOffsets() throws Exception {
    Path p = dir.resolve("text.sgo");
    Files.writeString(p, "; assembly source, not an object file\n");
    var e = assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(p));
    assertEquals(
        p
            + ": offset 0: header.magic: expected 7f 53 47 4e 4f 42 4a 0a (a Signum object file),"
            + " got 3b 20 61 73 73 65 6d 62",
        e.getMessage());
    assertEquals("header.magic", e.field());
  }

  /** A large file is judged by its header before it is loaded. */
  @Test
  void largeFileWithAWrongLengthIsRefusedWithoutLoadingIt() throws Exception {
    Path p = dir.resolve("big.sgo");
    long size = 64L << 20;
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.write(Arrays.copyOf(ObjectFileWriter.toBytes(small()), 16));
      f.setLength(size);
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    var e = assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(p));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(
        p
            + ": offset 12: header.length: expected the file's size, "
            + size
            + ", got 474 (the file has extra bytes at its end)",
        e.getMessage());
    assertTrue(allocated < size / 4, "allocated " + allocated + " bytes");
  }

  @Test
  void truncatedFileOnDiskGetsTheSameMessageAsInMemory() throws Exception {
    Path p = dir.resolve("cut.sgo");
    byte[] b = ObjectFileWriter.toBytes(small());
    Files.write(p, Arrays.copyOf(b, 100));
    var e = assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(p));
    assertEquals(
        p
            + ": offset 12: header.length: expected the file's size, 100, got 474 (the file is"
            + " truncated)",
        e.getMessage());
  }

  @Test
  void shortFileOnDiskReportsItsSize() throws Exception {
    Path p = dir.resolve("short.sgo");
    Files.write(p, Arrays.copyOf(ObjectFileWriter.toBytes(small()), 10));
    var e = assertThrows(ObjectFileException.class, () -> ObjectFileReader.read(p));
    assertEquals(
        p
            + ": offset 0: header: expected at least 20 bytes (a 16-byte header and a 4-byte CRC"
            + " trailer), got 10 bytes",
        e.getMessage());
  }
}
