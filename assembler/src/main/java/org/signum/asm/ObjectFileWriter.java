package org.signum.asm;

import static org.signum.asm.ObjectFileFormat.OFFSET_LENGTH;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;

/**
 * Writes the binary object-file format ({@code docs/object-format.md}). The output is a pure
 * function of the {@link ObjectFile}, so the same program always gives the same bytes.
 *
 * <p>Before returning, the writer reads its own output back through {@link ObjectFileReader}: an
 * object that breaks a loader rule (entry outside the code, data outside a memory, a line table of
 * the wrong length) is refused here rather than discovered when the simulator loads it.
 */
public final class ObjectFileWriter {
  private ObjectFileWriter() {}

  /**
   * The file's bytes.
   *
   * @throws IllegalArgumentException if {@code f} breaks a rule the reader enforces; the message is
   *     the reader's
   */
  public static byte[] toBytes(ObjectFile f) {
    byte[] bytes = encode(f);
    try {
      ObjectFileReader.read(bytes, "object file");
    } catch (ObjectFileException e) {
      throw new IllegalArgumentException("refusing to write an invalid " + e.getMessage(), e);
    }
    return bytes;
  }

  /**
   * Writes {@code f} to {@code path} whole or not at all: the bytes go to a temporary file in the
   * same directory, which is flushed to disk and then atomically renamed over {@code path}. A
   * reader never sees a partial file, and a failure leaves any previous file in place.
   *
   * @throws IllegalArgumentException as {@link #toBytes}
   */
  public static void write(ObjectFile f, Path path) throws IOException {
    byte[] bytes = toBytes(f);
    Path target = path.toAbsolutePath();
    Path tmp = createTemporary(target);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * A new empty file beside {@code target}. Not {@link Files#createTempFile}, whose owner-only
   * permissions would end up on the object file; this one gets the usual default permissions.
   */
  private static Path createTemporary(Path target) throws IOException {
    Path dir = target.getParent();
    String base = "." + target.getFileName() + ".";
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
      Path tmp = dir.resolve(base + suffix + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 16) {
          throw e;
        }
      }
    }
  }

  private static byte[] encode(ObjectFile f) {
    Map<String, Integer> strings = new LinkedHashMap<>();

    Out mach = new Out();
    mach.u32(f.machine().size());
    for (Map.Entry<String, Long> e : f.machine().entrySet()) {
      mach.u32(intern(strings, e.getKey()));
      mach.i64(e.getValue());
    }

    Out code = new Out();
    code.u32(f.entry());
    code.u32(f.code().length);
    for (long w : f.code()) {
      code.i64(w);
    }

    Out line = new Out();
    line.u32(f.files().size());
    for (String file : f.files()) {
      line.u32(intern(strings, file));
    }
    line.u32(f.lines().size());
    for (LineEntry e : f.lines()) {
      line.u32(e.file());
      line.u32(e.line());
      line.u32(e.column());
    }

    Out data = new Out();
    data.u32(f.data().size());
    for (DataSection s : f.data()) {
      data.u32(ObjectFileFormat.memoryCode(s.memory()));
      data.u32(s.address());
      data.u32(s.bytes().length);
      data.bytes(s.bytes());
    }

    Out symb = new Out();
    symb.u32(f.symbols().size());
    for (Symbol s : f.symbols()) {
      symb.u32(intern(strings, s.name()));
      symb.u32(ObjectFileFormat.symbolKindCode(s.kind()));
      symb.i64(s.value());
    }

    Out strs = new Out();
    strs.u32(strings.size());
    CharsetEncoder utf8 =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (String s : strings.keySet()) {
      byte[] b = utf8(utf8, s);
      strs.u32(b.length);
      strs.bytes(b);
    }

    Out file = new Out();
    file.bytes(ObjectFileFormat.magic());
    file.u32(ObjectFileFormat.VERSION);
    file.u32(0);
    file.chunk(ObjectFileFormat.STRS, strs);
    file.chunk(ObjectFileFormat.MACH, mach);
    file.chunk(ObjectFileFormat.CODE, code);
    file.chunk(ObjectFileFormat.LINE, line);
    file.chunk(ObjectFileFormat.DATA, data);
    file.chunk(ObjectFileFormat.SYMB, symb);
    file.u32(0);
    byte[] bytes = file.toByteArray();
    putInt(bytes, OFFSET_LENGTH, bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - ObjectFileFormat.TRAILER_BYTES);
    putInt(bytes, bytes.length - ObjectFileFormat.TRAILER_BYTES, (int) crc.getValue());
    return bytes;
  }

  private static int intern(Map<String, Integer> strings, String s) {
    return strings.computeIfAbsent(s, k -> strings.size());
  }

  private static byte[] utf8(CharsetEncoder encoder, String s) {
    try {
      ByteBuffer b = encoder.encode(CharBuffer.wrap(s));
      byte[] out = new byte[b.remaining()];
      b.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("string is not valid Unicode: " + s, e);
    }
  }

  private static void putInt(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  /** A growable little-endian byte buffer. */
  private static final class Out extends ByteArrayOutputStream {
    void u32(int v) {
      for (int i = 0; i < 4; i++) {
        write(v >>> (8 * i));
      }
    }

    void i64(long v) {
      for (int i = 0; i < 8; i++) {
        write((int) (v >>> (8 * i)));
      }
    }

    void bytes(byte[] b) {
      write(b, 0, b.length);
    }

    void chunk(String type, Out payload) {
      bytes(type.getBytes(StandardCharsets.US_ASCII));
      u32(payload.size());
      write(payload.buf, 0, payload.count);
    }
  }
}
