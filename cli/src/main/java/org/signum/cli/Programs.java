package org.signum.cli;

import java.nio.file.Path;
import java.util.List;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;
import picocli.CommandLine.Model.CommandSpec;

/** Loading a program given on the command line: assembly source or an object file. */
final class Programs {
  private Programs() {}

  /** Assembles {@code path} when it ends in {@code .s}, else reads it as an object file. */
  static ObjectFile load(
      CommandSpec spec, MachineDescription machine, Path path, List<Path> includeDirs) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (name.endsWith(".s") || name.endsWith(".asm")) {
      return AsmCommand.assemble(spec, machine, path, includeDirs);
    }
    return DisasmCommand.read(path);
  }

  static Simulator simulator(MachineDescription machine, ObjectFile object, Path path) {
    try {
      return new Simulator(machine, object);
    } catch (SimulatorException e) {
      throw new CliException(
          "signum: error: "
              + path
              + ": "
              + e.getMessage()
              + "\n(give the machine it was built for with --machine FILE)");
    }
  }
}
