package org.signum.asm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * An object file taken apart into its chunks, so a test can replace one chunk's payload, add or
 * drop chunks, and seal the result again with a correct length and CRC. Knows only the envelope of
 * the format (header, chunk headers, trailer), as written in {@code docs/object-format.md}.
 */
final class RawObject {
  record Chunk(String type, byte[] payload) {}

  private final List<Chunk> chunks;
  private int version = 1;

  private RawObject(List<Chunk> chunks) {
    this.chunks = chunks;
  }

  static RawObject of(ObjectFile f) {
    byte[] b = ObjectFileWriter.toBytes(f);
    List<Chunk> chunks = new ArrayList<>();
    int pos = 16;
    while (pos < b.length - 4) {
      String type = new String(b, pos, 4, StandardCharsets.US_ASCII);
      int length = ChunkInput.littleEndianInt(b, pos + 4);
      byte[] payload = new byte[length];
      System.arraycopy(b, pos + 8, payload, 0, length);
      chunks.add(new Chunk(type, payload));
      pos += 8 + length;
    }
    return new RawObject(chunks);
  }

  RawObject version(int v) {
    version = v;
    return this;
  }

  /** Replaces the first chunk of {@code type}. */
  RawObject replace(String type, byte[] payload) {
    chunks.set(indexOf(type), new Chunk(type, payload));
    return this;
  }

  RawObject remove(String type) {
    chunks.remove(indexOf(type));
    return this;
  }

  RawObject add(String type, byte[] payload) {
    chunks.add(new Chunk(type, payload));
    return this;
  }

  byte[] payload(String type) {
    return chunks.get(indexOf(type)).payload().clone();
  }

  /** File offset of the first byte of the payload of the first chunk of {@code type}. */
  int payloadOffset(String type) {
    int pos = 16;
    for (Chunk c : chunks) {
      if (c.type().equals(type)) {
        return pos + 8;
      }
      pos += 8 + c.payload().length;
    }
    throw new IllegalArgumentException("no chunk " + type);
  }

  /** File offset where the CRC trailer will start. */
  int trailerOffset() {
    int pos = 16;
    for (Chunk c : chunks) {
      pos += 8 + c.payload().length;
    }
    return pos;
  }

  byte[] bytes() {
    return bytesWithTail(new byte[0]);
  }

  /** The file with {@code tail} placed after the last chunk, before the trailer. */
  byte[] bytesWithTail(byte[] tail) {
    Payload p = new Payload().bytes(ObjectFileFormat.magic()).u32(version).u32(0);
    for (Chunk c : chunks) {
      p.bytes(c.type().getBytes(StandardCharsets.ISO_8859_1)).u32(c.payload().length);
      p.bytes(c.payload());
    }
    return reseal(p.bytes(tail).u32(0).build());
  }

  /** {@code b} with its header length and CRC trailer made to match its bytes. */
  static byte[] reseal(byte[] b) {
    byte[] out = b.clone();
    if (out.length >= 20) {
      put(out, 12, out.length);
      CRC32 crc = new CRC32();
      crc.update(out, 0, out.length - 4);
      put(out, out.length - 4, (int) crc.getValue());
    }
    return out;
  }

  private static void put(byte[] b, int at, int v) {
    for (int i = 0; i < 4; i++) {
      b[at + i] = (byte) (v >>> (8 * i));
    }
  }

  private int indexOf(String type) {
    for (int i = 0; i < chunks.size(); i++) {
      if (chunks.get(i).type().equals(type)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no chunk " + type);
  }

  /** A little-endian payload under construction. */
  static final class Payload {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Payload u32(long v) {
      for (int i = 0; i < 4; i++) {
        out.write((int) (v >>> (8 * i)));
      }
      return this;
    }

    Payload i64(long v) {
      for (int i = 0; i < 8; i++) {
        out.write((int) (v >>> (8 * i)));
      }
      return this;
    }

    Payload bytes(byte[] b) {
      out.write(b, 0, b.length);
      return this;
    }

    /** A string-table entry: its UTF-8 length, then its bytes. */
    Payload string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      return u32(b.length).bytes(b);
    }

    byte[] build() {
      return out.toByteArray();
    }
  }
}
