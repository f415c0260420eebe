package org.signum.asm;

import static org.signum.asm.ObjectFileFormat.CHUNKS;
import static org.signum.asm.ObjectFileFormat.CHUNK_HEADER_BYTES;
import static org.signum.asm.ObjectFileFormat.HEADER_BYTES;
import static org.signum.asm.ObjectFileFormat.OFFSET_LENGTH;
import static org.signum.asm.ObjectFileFormat.OFFSET_VERSION;
import static org.signum.asm.ObjectFileFormat.TRAILER_BYTES;
import static org.signum.asm.ObjectFileFormat.VERSION;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Loads and validates an object file (format: {@code docs/object-format.md}). Checks run in the
 * documented order: magic, length and CRC first, so that corruption is reported as such before any
 * field is interpreted; then the version, the chunk list and every chunk's contents. A file that
 * passes describes a program the simulator can load; its code words need not decode.
 */
public final class ObjectFileReader {
  /** The largest file a Java byte array can hold. */
  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private final byte[] bytes;
  private final String name;

  private ObjectFileReader(byte[] bytes, String name) {
    this.bytes = bytes;
    this.name = name;
  }

  /**
   * Reads an object file from memory.
   *
   * @param bytes the whole file
   * @param name names the file in error messages
   * @throws ObjectFileException if the bytes are not a valid object file
   */
  public static ObjectFile read(byte[] bytes, String name) throws ObjectFileException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(name, "name");
    return new ObjectFileReader(bytes, name).parse();
  }

  /**
   * Reads an object file from disk. The header is checked against the file's size before the rest
   * is read, so a large file that is not an object file is refused without loading it.
   *
   * @throws ObjectFileException if the file cannot be read or is not a valid object file
   */
  public static ObjectFile read(Path path) throws ObjectFileException {
    String name = path.toString();
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(path)) {
        head = in.readNBytes(HEADER_BYTES);
      }
      new ObjectFileReader(head, name).checkHead(Files.size(path));
      return read(Files.readAllBytes(path), name);
    } catch (NoSuchFileException e) {
      throw new ObjectFileException(name, "no such file", e);
    } catch (AccessDeniedException e) {
      throw new ObjectFileException(name, "permission denied", e);
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ObjectFileException(name, reason, e);
    }
  }

  /** Checks the magic and, where the header is whole, its length against {@code fileSize}. */
  private void checkHead(long fileSize) throws ObjectFileException {
    checkMagic();
    if (bytes.length < HEADER_BYTES || fileSize < HEADER_BYTES + TRAILER_BYTES) {
      return;
    }
    long length = Integer.toUnsignedLong(ChunkInput.littleEndianInt(bytes, OFFSET_LENGTH));
    checkLength(length, fileSize);
    if (length > MAX_FILE_BYTES) {
      throw error(
          OFFSET_LENGTH,
          "header.length",
          "at most " + MAX_FILE_BYTES + " (the largest file this reader loads)",
          Long.toString(length));
    }
  }

  private ObjectFile parse() throws ObjectFileException {
    checkEnvelope();
    Map<String, ChunkInput> chunks = indexChunks();
    ChunkParser p = new ChunkParser();
    for (String type : CHUNKS) {
      ChunkInput in = chunks.get(type);
      p.parse(type, in);
      in.expectEnd();
    }
    return p.result();
  }

  private ObjectFileException error(long offset, String field, String expected, String got) {
    return new ObjectFileException(name, offset, field, expected, got);
  }

  private void checkEnvelope() throws ObjectFileException {
    checkMagic();
    int minimum = HEADER_BYTES + TRAILER_BYTES;
    if (bytes.length < minimum) {
      throw error(
          0,
          "header",
          "at least " + minimum + " bytes (a 16-byte header and a 4-byte CRC trailer)",
          bytes.length + " bytes");
    }
    checkLength(
        Integer.toUnsignedLong(ChunkInput.littleEndianInt(bytes, OFFSET_LENGTH)), bytes.length);
    int crcAt = bytes.length - TRAILER_BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, crcAt);
    long stored = Integer.toUnsignedLong(ChunkInput.littleEndianInt(bytes, crcAt));
    if (stored != crc.getValue()) {
      throw error(
          crcAt,
          "trailer.crc32",
          String.format("0x%08x, the CRC-32 of bytes 0 to %s", crc.getValue(), crcAt - 1),
          String.format("0x%08x (the file is corrupt)", stored));
    }
    long version = Integer.toUnsignedLong(ChunkInput.littleEndianInt(bytes, OFFSET_VERSION));
    if (version != VERSION) {
      throw error(
          OFFSET_VERSION,
          "header.version",
          Integer.toString(VERSION),
          version + (version > VERSION ? " (a newer format: use a newer Signum)" : ""));
    }
  }

  /** Checks the magic over as many of its bytes as there are. */
  private void checkMagic() throws ObjectFileException {
    byte[] magic = ObjectFileFormat.magic();
    int magicSeen = Math.min(magic.length, bytes.length);
    for (int i = 0; i < magicSeen; i++) {
      if (bytes[i] != magic[i]) {
        throw error(
            0,
            "header.magic",
            hex(magic, magic.length) + " (a Signum object file)",
            hex(bytes, magicSeen));
      }
    }
  }

  private void checkLength(long length, long fileSize) throws ObjectFileException {
    if (length != fileSize) {
      throw error(
          OFFSET_LENGTH,
          "header.length",
          "the file's size, " + fileSize,
          length
              + (length > fileSize
                  ? " (the file is truncated)"
                  : " (the file has extra bytes at its end)"));
    }
  }

  /** Walks the chunk list, returning a cursor over each known chunk's payload. */
  private Map<String, ChunkInput> indexChunks() throws ObjectFileException {
    Map<String, ChunkInput> found = new HashMap<>();
    Map<String, Integer> foundAt = new HashMap<>();
    int end = bytes.length - TRAILER_BYTES;
    int pos = HEADER_BYTES;
    while (pos < end) {
      if (end - pos < CHUNK_HEADER_BYTES) {
        throw error(
            pos,
            "chunk header",
            CHUNK_HEADER_BYTES + " bytes",
            (end - pos) + " before the CRC trailer at offset " + end);
      }
      String type = chunkType(pos);
      long length = Integer.toUnsignedLong(ChunkInput.littleEndianInt(bytes, pos + 4));
      long room = end - pos - CHUNK_HEADER_BYTES;
      if (length > room) {
        throw error(
            pos + 4,
            "chunk.length (" + type + ")",
            "at most " + room + " (the bytes left before the CRC trailer)",
            Long.toString(length));
      }
      int start = pos + CHUNK_HEADER_BYTES;
      int chunkEnd = start + (int) length;
      if (CHUNKS.contains(type)) {
        if (foundAt.containsKey(type)) {
          throw error(
              pos,
              "chunk.type",
              "one " + type + " chunk",
              "a second one (the first is at offset " + foundAt.get(type) + ")");
        }
        foundAt.put(type, pos);
        found.put(type, new ChunkInput(bytes, name, type, start, chunkEnd));
      } else if (!ObjectFileFormat.isOptional(type)) {
        throw error(
            pos,
            "chunk.type",
            "a chunk this reader knows ("
                + String.join(", ", CHUNKS)
                + ") or an optional one (type starting with a lower-case letter)",
            "required chunk '" + type + "'");
      }
      pos = chunkEnd;
    }
    for (String type : CHUNKS) {
      if (!found.containsKey(type)) {
        throw error(end, "chunk.type", "a " + type + " chunk", "none before the CRC trailer");
      }
    }
    return found;
  }

  private String chunkType(int pos) throws ObjectFileException {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      char c = (char) (bytes[pos + i] & 0xff);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        byte[] tag = new byte[4];
        System.arraycopy(bytes, pos, tag, 0, 4);
        throw error(pos, "chunk.type", "four ASCII letters", hex(tag, 4));
      }
      s.append(c);
    }
    return s.toString();
  }

  private static String hex(byte[] b, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
    }
    return n == 0 ? "no bytes" : s.toString();
  }
}
