package org.signum.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Model.CommandSpec;

/** Writing command output: to standard output, or to a file whole or not at all. */
final class Outputs {
  private Outputs() {}

  /** Writes {@code text} to {@code file}, or to the command's standard output when null. */
  static void writeText(CommandSpec spec, Path file, String text) {
    if (file == null) {
      spec.commandLine().getOut().print(text);
      spec.commandLine().getOut().flush();
    } else {
      writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Writes {@code bytes} to {@code file} through a temporary file in the same directory. */
  static void writeBytes(Path file, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new CliException("signum: error: cannot write " + file + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The temporary file is hidden and harmless; the write itself already succeeded or
          // failed.
        }
      }
    }
  }
}
