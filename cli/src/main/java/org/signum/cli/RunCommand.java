package org.signum.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.onnx.Idx;
import org.signum.compiler.onnx.IdxException;
import org.signum.isa.MachineDescription;
import org.signum.report.Report;
import org.signum.report.ReportFormat;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum run}: a network compiled, assembled and simulated on a batch of images. */
@Command(
    name = "run",
    header = "Compile, assemble and simulate a model on every image of a data set.",
    mixinStandardHelpOptions = true,
    description = {
      "Compile MODEL (.onnx or .sgm), assemble it and simulate it on every image of",
      "IDX files such as MNIST's, on all cores; print the accuracy and the wall time.",
      "Every simulated class is checked against the golden reference and, for ONNX,",
      "the model's float evaluator on the same input. Exits with 1 if a check fails",
      "(the float evaluator may differ only where classes share its top score)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MachineOption machine;
  @Mixin ReportOptions reportOptions;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The network: .onnx or .sgm.")
  Path model;

  @Option(
      names = "--images",
      required = true,
      paramLabel = "IDX",
      description = "Images, IDX format (gzip or plain), one byte per pixel.")
  Path imagesFile;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "IDX",
      description = "Labels, IDX format (gzip or plain), one per image.")
  Path labelsFile;

  @Option(
      names = "--input-scale",
      paramLabel = "S",
      converter = InputScaleConverter.class,
      description =
          "What each raw pixel is multiplied by, as the model was trained (1/255 for pixels in"
              + " [0, 1]); a number or a fraction. Default: from the model (FINN's UINT8"
              + " annotation: 1; a model file's own scale), else 1.")
  Rational inputScale;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description = "Write the simulated class of each image, one per line.")
  Path predictionsFile;

  @Option(names = "--limit", paramLabel = "N", description = "Run only the first N images.")
  Integer limit;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Simulate on N threads (default: one per processor).")
  Integer threads;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON.")
  Path jsonFile;

  @Option(
      names = "--progress",
      description = "Show the progress line on standard error even when it is not a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    checkOptions();
    MachineDescription m = machine.load();
    long start = System.nanoTime();
    LoadedModel loaded = LoadedModel.load(model, Optional.ofNullable(inputScale));
    Idx.Images images = readImages();
    int[] labels = readLabels();
    checkData(
        model.toString(), loaded, imagesFile.toString(), images, labelsFile.toString(), labels);
    int count = limit == null ? images.count() : Math.min(limit, images.count());
    CompiledProgram p = CompileCommand.compile(loaded, m, CompileOptions.defaults());
    ObjectFile object = assemble(p, m, model + ".s");
    double compileSeconds = (System.nanoTime() - start) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    out.printf("model %s: %s, %s%n", model, loaded.shapeSummary(), loaded.inputSummary());
    out.println(CounterReport.machineLine(m));
    out.flush();
    int n = Math.max(1, Math.min(threadCount(), count));
    BatchRun run = new BatchRun(m, object, p.host(), loaded, images, count);
    BatchRun.Result result = run.run(n, Progress.of(spec.commandLine().getErr(), count, progress));
    RunReport report = new RunReport(result, labels);
    if (predictionsFile != null) {
      Outputs.writeBytes(predictionsFile, report.predictions().getBytes(StandardCharsets.UTF_8));
    }
    if (jsonFile != null) {
      String json = Json.write(report.json(header(loaded, m), n, compileSeconds));
      Outputs.writeBytes(jsonFile, json.getBytes(StandardCharsets.UTF_8));
    }
    report.print(out, n, compileSeconds);
    if (reportOptions.requested()) {
      printReport(out, m, run, p);
    }
    out.flush();
    if (!report.agrees()) {
      spec.commandLine()
          .getErr()
          .println(
              "signum: error: the simulated classes disagree with the "
                  + "golden reference or the float evaluator (listed above)");
      return Main.EXIT_FAILURE;
    }
    return Main.EXIT_OK;
  }

  /** Times every image again with the cycle model, prices it, writes and prints the report. */
  private void printReport(PrintWriter out, MachineDescription m, BatchRun run, CompiledProgram p) {
    Simulator timed;
    try {
      timed = run.timed();
    } catch (SimulatorException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
    Report r = reportOptions.write(run.report(timed, p), m);
    out.println();
    out.print(ReportFormat.TEXT.render(r));
    out.println("report written to " + reportOptions.file);
  }

  private void checkOptions() {
    reportOptions.validate(spec);
    if (limit != null && limit < 1) {
      throw new ParameterException(
          spec.commandLine(), "--limit must be a positive number, got " + limit);
    }
    if (threads != null && threads < 1) {
      throw new ParameterException(
          spec.commandLine(), "--threads must be a positive number, got " + threads);
    }
  }

  private int threadCount() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }

  private Idx.Images readImages() {
    try {
      return Idx.readImages(imagesFile);
    } catch (IdxException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
  }

  private int[] readLabels() {
    try {
      return Idx.readLabels(labelsFile);
    } catch (IdxException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
  }

  /** Assembles a compiled program, which always assembles; {@code name} is its source's name. */
  static ObjectFile assemble(CompiledProgram p, MachineDescription m, String name) {
    AssemblyResult asm = new Assembler(m, List.of()).assembleSource(p.assembly(), name);
    if (!asm.ok()) {
      throw new IllegalStateException(
          "the compiled program does not assemble: " + asm.diagnostics());
    }
    return asm.object();
  }

  /**
   * Checks that the images fit the network and the labels the images, and that the network gives a
   * class; the names stand for the model and the files in messages.
   */
  static void checkData(
      String model,
      LoadedModel loaded,
      String imagesFile,
      Idx.Images images,
      String labelsFile,
      int[] labels) {
    if (!loaded.takesBytes()) {
      throw new CliException(
          "signum: error: "
              + model
              + ": the network's input is bipolar (+1/-1); images of 8-bit pixels need an 8-bit"
              + " input");
    }
    if (!(loaded.network().layer(loaded.network().size() - 1) instanceof Argmax)) {
      throw new CliException(
          "signum: error: "
              + model
              + ": the network does not end in argmax; signum run needs a class for each image");
    }
    int pixels = images.rows() * images.columns();
    if (pixels != loaded.inputElements()) {
      throw new CliException(
          "signum: error: "
              + imagesFile
              + ": images of "
              + images.rows()
              + "x"
              + images.columns()
              + " = "
              + pixels
              + " pixels, but "
              + model
              + " takes "
              + loaded.inputElements()
              + " values");
    }
    if (labels.length != images.count()) {
      throw new CliException(
          "signum: error: "
              + labelsFile
              + ": "
              + labels.length
              + " labels for the "
              + images.count()
              + " images of "
              + imagesFile);
    }
  }

  private Map<String, Object> header(LoadedModel loaded, MachineDescription m) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("model", model.toString());
    h.put("images_file", imagesFile.toString());
    h.put("labels_file", labelsFile.toString());
    h.put("network", loaded.shapeSummary());
    h.put("input_scale", loaded.takesBytes() ? loaded.inputScale().toString() : null);
    h.put("input_scale_origin", loaded.takesBytes() ? loaded.scaleOrigin() : null);
    h.put("machine", m.name());
    return h;
  }
}
