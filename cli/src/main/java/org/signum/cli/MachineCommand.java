package org.signum.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signum.isa.MachineDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signum machine}: prints or checks a machine description. */
@Command(
    name = "machine",
    header = "Print a machine description: the defaults, or a file as read.",
    mixinStandardHelpOptions = true,
    description = {
      "Print a machine description in its file format: the built-in defaults, or the file given",
      "with --machine after validating it (every parameter written out, with its meaning)."
    })
final class MachineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MachineOption machine;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    MachineDescription m = machine.load();
    Outputs.writeText(spec, output, m.toText());
    return Main.EXIT_OK;
  }
}
