package org.signum.compiler;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files written whole or not at all: through a temporary file in the same folder, then a move. */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Replaces {@code path} with {@code bytes}.
   *
   * @throws IOException when the file cannot be written; {@code path} is then unchanged and no
   *     temporary file is left
   */
  public static void write(Path path, byte[] bytes) throws IOException {
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
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
}
