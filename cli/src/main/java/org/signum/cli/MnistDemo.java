package org.signum.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompileOptions;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.TensorType;
import org.signum.compiler.onnx.Idx;
import org.signum.compiler.onnx.IdxException;
import org.signum.energy.EnergyException;
import org.signum.energy.EnergyModel;
import org.signum.energy.EnergyTable;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.report.Report;
import org.signum.report.ReportJson;
import org.signum.report.ReportText;
import org.signum.sim.SimulatorException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code signum demo}: the bundled trained network on the bundled MNIST sample. It loads both from
 * the command line's own resources, compiles the network for the machine, assembles it, runs every
 * image on one simulator with the cycle model on ({@link BatchRun#timedAndChecked}), compares every
 * stored output with the golden reference ({@link OutputCheck}), and prints the network, the
 * accuracy ({@link RunReport}) and the report's headline figures ({@link ReportText#summary}).
 */
final class MnistDemo {
  static final String MODEL = "models/mnist-demo.sgm";
  static final String IMAGES = "data/mnist-sample/t10k-images-100-idx3-ubyte.gz";
  static final String LABELS = "data/mnist-sample/t10k-labels-100-idx1-ubyte.gz";

  /** Mismatches listed on standard error; the JSON has them all. */
  private static final int SHOWN = 20;

  private final CommandSpec spec;
  private final MachineDescription machine;
  private final Integer limit;
  private final Path jsonFile;

  /**
   * @param limit how many images of the sample to run, all of them when null
   * @param jsonFile where to write the results as JSON, or null
   */
  MnistDemo(CommandSpec spec, MachineDescription machine, Integer limit, Path jsonFile) {
    this.spec = spec;
    this.machine = machine;
    this.limit = limit;
    this.jsonFile = jsonFile;
  }

  int run() {
    long start = System.nanoTime();
    LoadedModel loaded =
        LoadedModel.modelFile(
            MODEL, new String(DemoCommand.bundled(MODEL), StandardCharsets.UTF_8));
    Idx.Images images;
    int[] labels;
    try {
      images = Idx.readImages(DemoCommand.bundled(IMAGES), IMAGES);
      labels = Idx.readLabels(DemoCommand.bundled(LABELS), LABELS);
    } catch (IdxException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
    RunCommand.checkData(MODEL, loaded, IMAGES, images, LABELS, labels);
    if (limit != null && limit > images.count()) {
      throw new ParameterException(
          spec.commandLine(),
          "--images: the sample has " + images.count() + " images, got " + limit);
    }
    int count = limit == null ? images.count() : limit;
    CompiledProgram p = CompileCommand.compile(loaded, machine, CompileOptions.defaults());
    ObjectFile object = RunCommand.assemble(p, machine, MODEL + ".s");
    double compileSeconds = (System.nanoTime() - start) / 1e9;

    PrintWriter out = spec.commandLine().getOut();
    printNetwork(out, loaded, p, object, count);
    out.flush();

    BatchRun run = new BatchRun(machine, object, p.host(), loaded, images, count);
    OutputCheck check = new OutputCheck(p, loaded.network(), object);
    BatchRun.Checked checked;
    Report report;
    try {
      checked = run.timedAndChecked(check, Progress.of(spec.commandLine().getErr(), count, false));
      EnergyModel energy = EnergyModel.of(EnergyTable.defaults(), machine.technologyNm());
      report = run.report(checked.timed(), p).energy(energy).build();
    } catch (SimulatorException | EnergyException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
    RunReport result = new RunReport(checked.result(), labels);
    boolean passed = checked.mismatches().isEmpty() && result.agrees();
    if (jsonFile != null) {
      Map<String, Object> header = header(loaded, p);
      Map<String, Object> j = result.json(header, 1, compileSeconds);
      j.put("checked_per_image", check.scope());
      j.put("mismatches", checked.mismatches());
      j.put("passed", passed);
      j.put("report", new Json.Raw(ReportJson.write(report)));
      Outputs.writeBytes(jsonFile, Json.write(j).getBytes(StandardCharsets.UTF_8));
    }

    out.println();
    out.printf(
        "accuracy: %s on the sample; the whole MNIST test set is scored with%n",
        result.accuracyText());
    out.printf(
        "  signum run %s --images t10k-images-idx3-ubyte.gz --labels t10k-labels-idx1-ubyte.gz%n",
        MODEL);
    out.println();
    out.printf(
        Locale.ROOT,
        "Per image, with the cycle model and the energy model (%s over %d images)%n",
        count == 1 ? "one image" : "averages",
        count);
    out.print(ReportText.summary(report));
    out.println();
    if (passed) {
      out.printf(
          "check: the machine agrees with the golden reference on all %d images, in every output"
              + " it stores:%n  %s%n",
          count, check.scope());
    } else {
      out.println("check: the machine DISAGREES with the golden reference (listed on stderr)");
    }
    out.flush();
    if (!passed) {
      PrintWriter err = spec.commandLine().getErr();
      List<String> all = new ArrayList<>(checked.mismatches());
      if (!result.agrees()) {
        all.add("the simulated classes disagree with the golden reference's");
      }
      err.println("signum: error: the machine disagrees with the golden reference:");
      for (String m : all.subList(0, Math.min(SHOWN, all.size()))) {
        err.println("  " + m);
      }
      if (all.size() > SHOWN) {
        err.printf("  and %d more%s%n", all.size() - SHOWN, jsonFile == null ? "" : " (--json)");
      }
      err.flush();
      return Main.EXIT_FAILURE;
    }
    return Main.EXIT_OK;
  }

  /** The model, the layers the machine runs, the machine and the program's size. */
  private void printNetwork(
      PrintWriter out, LoadedModel loaded, CompiledProgram p, ObjectFile object, int count) {
    Network folded = p.folded();
    out.println(
        "Signum demo: a trained binarized network reads handwritten digits on the simulated"
            + " machine");
    out.printf("model %s (bundled): network %s, %s%n", MODEL, folded.name(), loaded.shapeSummary());
    out.println("  " + loaded.inputSummary());
    out.printf(
        "the layers the machine runs (after %d folds, each certified exact):%n",
        p.certificates().size());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"layer", "kind", "output", "weights"});
    List<TensorType> types = folded.types();
    for (int i = 0; i < folded.size(); i++) {
      Layer l = folded.layer(i);
      rows.add(new String[] {l.name(), l.kind(), types.get(i).toString(), weights(l)});
    }
    out.print(table(rows));
    long bits = weightBits(folded);
    out.printf(
        Locale.ROOT,
        "  weights: %,d of 1 bit, %,d bytes (%,d bytes as 32-bit floats)%n",
        bits,
        (bits + 7) / 8,
        bits * 4);
    out.println(CounterReport.machineLine(machine));
    Map<MemorySpace, Integer> data = new LinkedHashMap<>();
    for (ObjectFile.DataSection d : object.data()) {
      data.merge(d.memory(), d.bytes().length, Integer::sum);
    }
    StringBuilder program =
        new StringBuilder(String.format(Locale.ROOT, "%,d instructions", object.code().length));
    for (Map.Entry<MemorySpace, Integer> e : data.entrySet()) {
      program.append(
          String.format(Locale.ROOT, ", %s %,d bytes", e.getKey().assemblyName(), e.getValue()));
    }
    out.println("program: " + program);
    out.printf(
        Locale.ROOT,
        "images: the first %d of the MNIST test set (data/mnist-sample, bundled)%n",
        count);
  }

  private static String weights(Layer l) {
    return l instanceof BinaryDense d
        ? String.format(
            Locale.ROOT, "%d x %d = %,d bits", d.outputs(), d.inputs(), d.outputs() * d.inputs())
        : "";
  }

  private static long weightBits(Network net) {
    long bits = 0;
    for (Layer l : net.layers()) {
      if (l instanceof BinaryDense d) {
        bits += (long) d.inputs() * d.outputs();
      }
    }
    return bits;
  }

  /** Rows as columns padded to their widest cell, indented by two spaces. */
  private static String table(List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    StringBuilder s = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(" ");
      for (int c = 0; c < r.length; c++) {
        line.append(' ').append(r[c]).append(" ".repeat(width[c] - r[c].length() + 1));
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  private Map<String, Object> header(LoadedModel loaded, CompiledProgram p) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("model", MODEL);
    h.put("images_file", IMAGES);
    h.put("labels_file", LABELS);
    h.put("network", loaded.shapeSummary());
    h.put("network_name", p.folded().name());
    h.put("input_scale", loaded.inputScale().toString());
    List<Object> layers = new ArrayList<>();
    List<TensorType> types = p.folded().types();
    for (int i = 0; i < p.folded().size(); i++) {
      Layer l = p.folded().layer(i);
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("name", l.name());
      layer.put("kind", l.kind());
      layer.put("output", types.get(i).toString());
      layer.put("weights", l instanceof BinaryDense d ? List.of(d.outputs(), d.inputs()) : null);
      layers.add(layer);
    }
    h.put("layers", layers);
    h.put("weight_bits", weightBits(p.folded()));
    h.put("machine", machine.name());
    return h;
  }
}
