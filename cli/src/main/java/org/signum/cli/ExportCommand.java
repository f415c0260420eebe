package org.signum.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.model.ModelFile;
import org.signum.compiler.onnx.OnnxExportException;
import org.signum.compiler.onnx.OnnxExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum export}: a network from one model format to the other. */
@Command(
    name = "export",
    header = "Convert a model between ONNX/QONNX and the Signum model file.",
    mixinStandardHelpOptions = true,
    description = {
      "Write MODEL, an ONNX model (.onnx) or a Signum model file (.sgm), in the format",
      "OUT's extension names: .sgm (docs/model-format.md) or .onnx, an ONNX/QONNX graph",
      "that Signum's importer reads back to the same network (docs/onnx-import.md, Export)."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The network: .onnx or .sgm.")
  Path model;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "OUT",
      description = "The file to write, whole or not at all: .onnx or .sgm.")
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

  @Override
  public Integer call() {
    boolean onnx = outputFormat().equals(".onnx");
    LoadedModel loaded = LoadedModel.load(model, Optional.ofNullable(inputScale));
    byte[] bytes;
    if (onnx) {
      try {
        bytes = OnnxExporter.export(loaded.network());
      } catch (OnnxExportException e) {
        throw new CliException(
            "signum: error: " + model + ": cannot export to ONNX: " + e.getMessage());
      }
    } else {
      bytes = ModelFile.format(loaded.network()).getBytes(StandardCharsets.UTF_8);
    }
    Outputs.writeBytes(output, bytes);
    spec.commandLine()
        .getOut()
        .printf("%s -> %s: %s, %s%n", model, output, loaded.shapeSummary(), loaded.inputSummary());
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }

  /** {@code .onnx} or {@code .sgm}, from OUT's name; anything else is a usage error. */
  private String outputFormat() {
    String name = output.getFileName() == null ? "" : output.getFileName().toString();
    for (String ext : new String[] {".onnx", ".sgm"}) {
      if (name.endsWith(ext)) {
        return ext;
      }
    }
    throw new ParameterException(
        spec.commandLine(),
        "-o "
            + output
            + ": expected a name ending in .onnx (an ONNX model) or .sgm (a Signum model file)");
  }
}
