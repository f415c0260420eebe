package org.signum.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.Diagnostic;
import org.signum.asm.ObjectFile;
import org.signum.asm.ObjectFileWriter;
import org.signum.isa.MachineDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum asm}: assembles a source file into an object file. */
@Command(
    name = "asm",
    header = "Assemble a source file into an object file.",
    mixinStandardHelpOptions = true,
    description = {
      "Assemble SOURCE into an object file (docs/assembly.md, docs/object-format.md).",
      "Errors are printed as path:line:col: error: message, with the line and a caret."
    })
final class AsmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MachineOption machine;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Assembly source (.s).")
  Path source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Object file to write; default: SOURCE with the extension .sgo.")
  Path output;

  @Option(
      names = "-I",
      paramLabel = "DIR",
      description = "Directory searched by .include after the including file's own.")
  List<Path> includeDirs = new ArrayList<>();

  @Option(names = "--listing", description = "Also print a listing (pc, word, source, text).")
  boolean listing;

  @Override
  public Integer call() {
    MachineDescription m = machine.load();
    ObjectFile object = assemble(spec, m, source, includeDirs);
    Path out = output != null ? output : defaultOutput(source);
    Outputs.writeBytes(out, ObjectFileWriter.toBytes(object));
    if (listing) {
      spec.commandLine().getOut().print(org.signum.asm.Disassembler.listing(object));
    }
    spec.commandLine()
        .getOut()
        .printf("%s: %d instructions -> %s%n", source, object.code().length, out);
    return Main.EXIT_OK;
  }

  /** Assembles {@code source}, printing every diagnostic and failing when there are any. */
  static ObjectFile assemble(
      CommandSpec spec, MachineDescription m, Path source, List<Path> includeDirs) {
    AssemblyResult r = new Assembler(m, includeDirs).assemble(source);
    if (!r.ok()) {
      StringBuilder s = new StringBuilder();
      for (Diagnostic d : r.diagnostics()) {
        s.append(d.render()).append('\n');
      }
      int n = r.diagnostics().size();
      s.append(n).append(n == 1 ? " error" : " errors");
      throw new CliException(s.toString());
    }
    return r.object();
  }

  private static Path defaultOutput(Path source) {
    String name = source.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return source.resolveSibling(base + ".sgo");
  }
}
