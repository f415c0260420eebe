package org.signum.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.signum.sim.io.DataFileException;
import org.signum.sim.io.DataFiles;
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
    try {
      DataFiles.writeRaw(file, bytes);
    } catch (DataFileException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
  }
}
