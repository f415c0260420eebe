package org.signum.asm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads source files as strict UTF-8, refusing files too large to be assembly. */
final class SourceReader {
  static final long MAX_FILE_BYTES = 64L << 20;

  private SourceReader() {}

  /** An I/O problem with a message fit for a diagnostic. */
  static final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    SourceException(String message) {
      super(message);
    }
  }

  static String read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new SourceException("it is a directory");
    }
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new SourceException(
          "the file has " + size + " bytes; the assembler reads at most " + MAX_FILE_BYTES);
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new SourceException("it is not UTF-8 text");
    }
  }

  /** Why reading failed, in words. */
  static String describe(IOException e) {
    if (e instanceof SourceException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The canonical path of an existing file, to recognise it when it is included again. */
  static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  static Path realPath(String fileName) {
    try {
      Path p = Path.of(fileName);
      return Files.isRegularFile(p) ? realPath(p) : null;
    } catch (InvalidPathException | SecurityException e) {
      return null;
    }
  }
}
