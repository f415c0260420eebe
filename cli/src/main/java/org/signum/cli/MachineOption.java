package org.signum.cli;

import java.nio.file.Path;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineDescriptionException;
import picocli.CommandLine.Option;

/** The {@code --machine FILE} option shared by every command that needs a machine. */
final class MachineOption {
  @Option(
      names = "--machine",
      paramLabel = "FILE",
      description = "Machine description (docs/machine.md); default: the built-in machine.")
  Path file;

  MachineDescription load() {
    if (file == null) {
      return MachineDescription.defaults();
    }
    try {
      return MachineDescription.load(file);
    } catch (MachineDescriptionException e) {
      throw new CliException(e.getMessage());
    }
  }
}
