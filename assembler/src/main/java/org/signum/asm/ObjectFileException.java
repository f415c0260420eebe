package org.signum.asm;

/**
 * An object file that cannot be loaded: unreadable, truncated, corrupt or inconsistent. The message
 * names the file, the byte offset and the field, what was expected and what was found, in the form
 * {@code name: offset n: field: expected ..., got ...}; a file that cannot be read at all gives
 * {@code name: cannot read: reason}.
 */
public final class ObjectFileException extends Exception {
  private final String fileName;
  private final long offset;
  private final String field;

  ObjectFileException(String fileName, long offset, String field, String expected, String got) {
    super(
        fileName + ": offset " + offset + ": " + field + ": expected " + expected + ", got " + got);
    this.fileName = fileName;
    this.offset = offset;
    this.field = field;
  }

  ObjectFileException(String fileName, String reason, Throwable cause) {
    super(fileName + ": cannot read: " + reason, cause);
    this.fileName = fileName;
    this.offset = -1;
    this.field = null;
  }

  /** The file's name as given to the reader. */
  public String fileName() {
    return fileName;
  }

  /** Byte offset of the offending field, or -1 when the file could not be read at all. */
  public long offset() {
    return offset;
  }

  /** The offending field as named in {@code docs/object-format.md}, or null for I/O errors. */
  public String field() {
    return field;
  }
}
