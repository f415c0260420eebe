package org.signum.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.signum.compiler.CompileException;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.ir.IrPrinter;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.passes.Pipeline;
import org.signum.isa.MachineDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum compile}: a trained network to Signum assembly. */
@Command(
    name = "compile",
    header = "Compile an ONNX model or a Signum model file to assembly.",
    mixinStandardHelpOptions = true,
    description = {
      "Compile MODEL, an ONNX model (.onnx, docs/onnx-import.md) or a Signum model",
      "file (.sgm, docs/model-format.md), to readable assembly (docs/compiler.md)."
    })
final class CompileCommand implements Callable<Integer> {
  /** The name {@code --dump-after} takes for the IR as imported, before any pass. */
  static final String IMPORT = "import";

  @Spec CommandSpec spec;
  @Mixin MachineOption machine;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The network: .onnx or .sgm.")
  Path model;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT.s",
      description = "Assembly file to write.")
  Path output;

  @Option(
      names = "--input-scale",
      paramLabel = "S",
      converter = InputScaleConverter.class,
      description =
          "What each raw 8-bit input value is multiplied by, as the model was trained (1/255 for"
              + " pixels in [0, 1]); a number or a fraction. Default: from the model (FINN's UINT8"
              + " annotation: 1; a model file's own scale), else 1.")
  Rational inputScale;

  @Option(
      names = "--dump-after",
      paramLabel = "PASS",
      description =
          "Print the IR after PASS (repeatable): 'import', or one of the passes in"
              + " docs/compiler.md.")
  List<String> dumpAfter = new ArrayList<>();

  @Override
  public Integer call() {
    MachineDescription m = machine.load();
    checkDumpNames();
    LoadedModel loaded = LoadedModel.load(model, Optional.ofNullable(inputScale));
    PrintWriter out = spec.commandLine().getOut();
    if (dumpAfter.contains(IMPORT)) {
      out.println("IR after import:");
      out.print(IrPrinter.print(loaded.network()));
    }
    CompiledProgram p = compile(loaded, m, passDumps());
    for (Map.Entry<String, String> dump : p.dumps().entrySet()) {
      out.println("IR after " + dump.getKey() + ":");
      out.print(dump.getValue());
    }
    Outputs.writeBytes(output, p.assembly().getBytes(StandardCharsets.UTF_8));
    out.printf(
        "%s -> %s: %s, %s; %d folds certified, %,d lines of assembly%n",
        model,
        output,
        loaded.shapeSummary(),
        loaded.inputSummary(),
        p.certificates().size(),
        p.assembly().lines().count());
    out.flush();
    return Main.EXIT_OK;
  }

  /** Compiles {@code loaded}, turning a refusal into a message naming the model. */
  static CompiledProgram compile(LoadedModel loaded, MachineDescription m, CompileOptions options) {
    try {
      return org.signum.compiler.Compiler.compile(loaded.network(), m, options);
    } catch (CompileException e) {
      throw new CliException("signum: error: " + loaded.path() + ": " + e.getMessage());
    }
  }

  private void checkDumpNames() {
    List<String> known = new ArrayList<>(List.of(IMPORT));
    known.addAll(Pipeline.passNames());
    for (String name : dumpAfter) {
      if (!known.contains(name)) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "--dump-after: unknown pass '"
                + name
                + "'; expected one of "
                + String.join(", ", known));
      }
    }
  }

  private CompileOptions passDumps() {
    List<String> passes = new ArrayList<>(dumpAfter);
    passes.removeIf(IMPORT::equals);
    return CompileOptions.defaults().withDumpAfter(passes.toArray(new String[0]));
  }
}
