package org.signum.asm;

/**
 * A little-endian cursor over one chunk's payload. Every read is checked against the end of the
 * chunk, so a corrupt length or count surfaces as an {@link ObjectFileException} naming the field,
 * never as an index error or an oversized array.
 */
final class ChunkInput {
  private final byte[] bytes;
  private final String fileName;
  private final String chunk;
  private final int end;
  private int pos;

  ChunkInput(byte[] bytes, String fileName, String chunk, int start, int end) {
    this.bytes = bytes;
    this.fileName = fileName;
    this.chunk = chunk;
    this.pos = start;
    this.end = end;
  }

  int position() {
    return pos;
  }

  int remaining() {
    return end - pos;
  }

  /** An error at {@code offset}. */
  ObjectFileException error(long offset, String field, String expected, String got) {
    return new ObjectFileException(fileName, offset, field, expected, got);
  }

  long u32(String field) throws ObjectFileException {
    need(4, field);
    long v = Integer.toUnsignedLong(littleEndianInt(bytes, pos));
    pos += 4;
    return v;
  }

  long i64(String field) throws ObjectFileException {
    need(8, field);
    long v = littleEndianLong(bytes, pos);
    pos += 8;
    return v;
  }

  byte[] bytes(int n, String field) throws ObjectFileException {
    need(n, field);
    byte[] out = new byte[n];
    System.arraycopy(bytes, pos, out, 0, n);
    pos += n;
    return out;
  }

  /**
   * Reads a count and checks that that many entries of at least {@code minEntryBytes} each can fit
   * in what is left of the chunk, so the caller may allocate for them.
   */
  int count(String field, int minEntryBytes) throws ObjectFileException {
    int at = pos;
    long n = u32(field);
    long room = remaining() / minEntryBytes;
    if (n > room) {
      throw error(
          at,
          field,
          "at most "
              + room
              + " (entries of at least "
              + minEntryBytes
              + " bytes in the "
              + remaining()
              + " bytes left in the "
              + chunk
              + " chunk)",
          Long.toString(n));
    }
    return (int) n;
  }

  /** Fails unless the whole payload has been consumed. */
  void expectEnd() throws ObjectFileException {
    if (pos != end) {
      throw error(
          pos,
          chunk,
          "the chunk to end at offset " + pos,
          (end - pos) + " more bytes before its recorded end at offset " + end);
    }
  }

  private void need(int n, String field) throws ObjectFileException {
    if (remaining() < n) {
      throw error(
          pos,
          field,
          n + " bytes",
          remaining() + " before the end of the " + chunk + " chunk at offset " + end);
    }
  }

  static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff)
        | (b[at + 1] & 0xff) << 8
        | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }

  static long littleEndianLong(byte[] b, int at) {
    return Integer.toUnsignedLong(littleEndianInt(b, at)) | (long) littleEndianInt(b, at + 4) << 32;
  }
}
