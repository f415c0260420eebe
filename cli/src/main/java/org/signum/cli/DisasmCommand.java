package org.signum.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signum.asm.Disassembler;
import org.signum.asm.ObjectFile;
import org.signum.asm.ObjectFileException;
import org.signum.asm.ObjectFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum disasm}: turns an object file back into assembly. */
@Command(
    name = "disasm",
    header = "Disassemble an object file into source that reassembles identically.",
    mixinStandardHelpOptions = true,
    description = {
      "Disassemble an object file. The output reassembles to identical bytes;",
      "--listing prints a listing with pc, instruction word and source line instead."
    })
final class DisasmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OBJECT", description = "Object file (.sgo).")
  Path object;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output.")
  Path output;

  @Option(names = "--listing", description = "Print a listing rather than reassemblable source.")
  boolean listing;

  @Override
  public Integer call() {
    ObjectFile f = read(object);
    String text = listing ? Disassembler.listing(f) : Disassembler.disassemble(f);
    Outputs.writeText(spec, output, text);
    return Main.EXIT_OK;
  }

  static ObjectFile read(Path path) {
    try {
      return ObjectFileReader.read(path);
    } catch (ObjectFileException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
  }
}
