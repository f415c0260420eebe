package org.signum.isa;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files written whole or not at all: through a temporary file in the same folder, then a move. The
 * file gets the permissions any new file gets (the process's umask), not the owner-only ones of
 * {@link Files#createTempFile}.
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Replaces {@code path} with {@code bytes}.
   *
   * @throws IOException when the file cannot be written; {@code path} is then unchanged and no
   *     temporary file is left
   */
  public static void write(Path path, byte[] bytes) throws IOException {
    Path tmp = temporaryBeside(path);
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // Only reached after a failed write, which is what the caller hears about.
      }
    }
  }

  /**
   * A new empty file beside {@code target}, hidden and named after it, to be moved over it once
   * written (for outputs written as a stream rather than as bytes).
   */
  public static Path temporaryBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int attempt = 0; ; attempt++) {
      Path p =
          dir.resolve("." + target.getFileName() + "." + Long.toHexString(r.nextLong()) + ".tmp");
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        if (attempt == 99) {
          throw e;
        }
      }
    }
  }
}
