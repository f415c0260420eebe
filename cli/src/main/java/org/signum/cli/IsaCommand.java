package org.signum.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signum.isa.IsaReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code signum isa}: prints the instruction-set reference generated from the table. */
@Command(
    name = "isa",
    header = "Print the instruction-set reference, generated from the ISA table.",
    mixinStandardHelpOptions = true,
    description = "Print the instruction-set reference (Markdown), generated from the ISA table.")
final class IsaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--machine-doc", description = "Print the machine-description reference instead.")
  boolean machineDoc;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    String text = machineDoc ? IsaReference.machineMarkdown() : IsaReference.isaMarkdown();
    Outputs.writeText(spec, output, text);
    return Main.EXIT_OK;
  }
}
