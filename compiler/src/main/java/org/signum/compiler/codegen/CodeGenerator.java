package org.signum.compiler.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.signum.compiler.CompileException;
import org.signum.compiler.CompileOptions.WeightPlacement;
import org.signum.compiler.HostInterface;
import org.signum.compiler.HostInterface.Buffer;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Threshold;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/**
 * Lowers a folded network (the output of the standard pipeline: inputs, dense layers, integer
 * thresholds, integer scores, argmax) to Signum assembly text for one machine. The layout of
 * memories, the registers each kernel uses and the host's calling convention are described in
 * docs/compiler.md.
 */
public final class CodeGenerator {
  /** Registers the kernels use: r0..r15, v0..v3, a0..a2. */
  static final int MIN_SCALAR_REGISTERS = 16;

  static final int MIN_VECTOR_REGISTERS = 4;
  static final int MIN_ACCUMULATORS = 3;

  private final MachineDescription machine;
  private final WeightPlacement placement;
  private final int vw;

  /** The assembly text, the host's view of it, and where each layer's code is. */
  public record Generated(String assembly, HostInterface host, List<LayerSpan> spans) {}

  public CodeGenerator(MachineDescription machine, WeightPlacement placement) {
    this.machine = machine;
    this.placement = placement;
    this.vw = machine.vectorWidth();
  }

  public Generated generate(Network net) throws CompileException {
    requireAtLeast(MachineParameter.SCALAR_REGISTERS, MIN_SCALAR_REGISTERS, "scalar registers");
    requireAtLeast(MachineParameter.VECTOR_REGISTERS, MIN_VECTOR_REGISTERS, "vector registers");
    requireAtLeast(MachineParameter.ACCUMULATORS, MIN_ACCUMULATORS, "accumulators");
    Plan plan = new Plan(net);
    int i = 1;
    while (i < net.size()) {
      Layer l = net.layer(i);
      Layer next = i + 1 < net.size() ? net.layer(i + 1) : null;
      if (l instanceof Threshold t && i == 1 && plan.uint8) {
        plan.binarize(t);
        i++;
      } else if (l instanceof BinaryDense && next instanceof Threshold t) {
        plan.denseThreshold(i, t);
        i += 2;
      } else if (l instanceof BinaryDense && next instanceof Scores sc) {
        plan.denseScores(i, sc);
        i += 2;
        if (i < net.size() && net.layer(i) instanceof Argmax am) {
          plan.argmax(am, ((BinaryDense) l).outputs());
          i++;
        }
      } else {
        throw unsupported(net, i);
      }
    }
    placeWeights(plan.layout, plan.dense);
    plan.layout.check();
    HostInterface host =
        new HostInterface(plan.input, plan.activations, plan.scores, plan.classIndex);
    return emit(net, plan.stages, host, plan.layout);
  }

  /** The stages of a program and the buffers and memory they take, built layer by layer. */
  private final class Plan {
    final Layout layout = new Layout(machine);
    final Network net;
    final Input in;
    final boolean uint8;
    final Buffer input;
    final List<Stage> stages = new ArrayList<>();
    final List<DenseStage> dense = new ArrayList<>();
    final List<Buffer> activations = new ArrayList<>();
    Optional<Buffer> scores = Optional.empty();
    Optional<Buffer> classIndex = Optional.empty();

    /** The buffer the next dense layer reads. */
    String current = "input";

    boolean currentUint8;

    Plan(Network net) {
      this.net = net;
      this.in = (Input) net.layer(0);
      this.uint8 = in.encoding() == Input.Encoding.UINT8;
      this.currentUint8 = uint8;
      int n = (int) in.shape().elements();
      int planeBytes = Rows.bytes(n, vw);
      HostInterface.Layout kind =
          uint8 ? HostInterface.Layout.UINT8_PLANES : HostInterface.Layout.BIPOLAR_ROWS;
      input =
          new Buffer(in.name(), "input", kind, n, uint8 ? 8 * planeBytes : planeBytes, planeBytes);
      layout.reserve(MemorySpace.AMEM, input.bytes(), "input");
    }

    void binarize(Threshold t) {
      String sym = "act1";
      int bytes = input.planeBytes();
      layout.reserve(MemorySpace.WMEM, 10L * bytes, "input thresholds of '" + t.name() + "'");
      bipolarOutput(t.name(), sym, input.elements(), bytes);
      stages.add(new BinarizeStage(vw, 1, in, t, sym));
    }

    void denseThreshold(int i, Threshold t) throws CompileException {
      BinaryDense d = (BinaryDense) net.layer(i);
      String sym = "act" + (i + 1);
      DenseStage s = new DenseStage(machine, net, i, current, currentUint8, sym);
      layout.reserve(MemorySpace.TMEM, 4L * d.outputs(), "thresholds of '" + t.name() + "'");
      bipolarOutput(t.name(), sym, d.outputs(), Rows.bytes(d.outputs(), vw));
      stages.add(s);
      dense.add(s);
    }

    private void bipolarOutput(String layer, String sym, int elements, int bytes) {
      layout.reserve(MemorySpace.AMEM, bytes, "output of '" + layer + "'");
      activations.add(
          new Buffer(layer, sym, HostInterface.Layout.BIPOLAR_ROWS, elements, bytes, bytes));
      current = sym;
      currentUint8 = false;
    }

    void denseScores(int i, Scores sc) throws CompileException {
      BinaryDense d = (BinaryDense) net.layer(i);
      DenseStage s = new DenseStage(machine, net, i, current, currentUint8, "scores");
      layout.reserve(MemorySpace.AMEM, 4L * d.outputs(), "scores");
      if (sc.table().isPresent()) {
        ScoreTable t = sc.table().get();
        long tableBytes = 4L * t.classes() * t.count();
        // The table goes to tmem with the thresholds; where they leave no room for it, to amem
        // after the activations.
        if (layout.used(MemorySpace.TMEM) + tableBytes <= machine.memoryBytes(MemorySpace.TMEM)
            || layout.used(MemorySpace.AMEM) + tableBytes > machine.memoryBytes(MemorySpace.AMEM)) {
          layout.reserve(MemorySpace.TMEM, tableBytes, "score table");
        } else {
          layout.reserve(MemorySpace.AMEM, tableBytes, "score table (tmem is full)");
          s.tableIn(MemorySpace.AMEM);
        }
      }
      int bytes = 4 * d.outputs();
      scores =
          Optional.of(
              new Buffer(
                  sc.name(),
                  "scores",
                  HostInterface.Layout.INT32_WORDS,
                  d.outputs(),
                  bytes,
                  bytes));
      stages.add(s);
      dense.add(s);
    }

    void argmax(Argmax am, int classes) {
      layout.reserve(MemorySpace.AMEM, 4, "class");
      classIndex =
          Optional.of(new Buffer(am.name(), "class", HostInterface.Layout.INT32_WORDS, 1, 4, 4));
      stages.add(new ArgmaxStage(am.name(), classes));
    }
  }

  private void requireAtLeast(MachineParameter p, int min, String what) throws CompileException {
    long have = machine.get(p);
    if (have < min) {
      throw new CompileException(
          "machine '"
              + machine.name()
              + "' has "
              + have
              + " "
              + what
              + "; the compiler's kernels need at least "
              + min
              + " ("
              + p.key()
              + " = "
              + min
              + ")");
    }
  }

  private static CompileException unsupported(Network net, int i) {
    Layer l = net.layer(i);
    String where = "layer " + i + " '" + l.name() + "' (" + l.kind() + ")";
    if (l instanceof BinaryDense) {
      return new CompileException(
          where
              + ": code generation needs a threshold, sign or scores "
              + "layer to read a dense layer's sums");
    }
    return new CompileException(
        where
            + ": code generation supports, after folding, a chain of dense layers each followed by"
            + " a threshold (or batch norm and affine layers ending in sign), then scores and"
            + " argmax; this layer does not fit that chain");
  }

  private void placeWeights(Layout layout, List<DenseStage> dense) throws CompileException {
    long total = 0;
    for (DenseStage s : dense) {
      total += (long) s.kernel().rowBytes() * s.dense().outputs();
    }
    if (!layout.streamed(placement, total)) {
      for (DenseStage s : dense) {
        layout.reserve(
            MemorySpace.WMEM,
            (long) s.kernel().rowBytes() * s.dense().outputs(),
            "weights of '" + s.dense().name() + "'");
      }
      return;
    }
    long buffer = layout.tileBufferBytes();
    long largest = 0;
    for (DenseStage s : dense) {
      long rows = Math.min(s.dense().outputs(), buffer / s.kernel().rowBytes());
      if (rows < 1) {
        throw new CompileException(
            "layer '"
                + s.dense().name()
                + "' (dense): one weight row needs "
                + s.kernel().rowBytes()
                + " bytes, but each of the two tile buffers gets only "
                + buffer
                + " bytes of the machine's "
                + machine.memoryBytes(MemorySpace.WMEM)
                + " bytes of wmem");
      }
      int tileBytes = (int) (rows * s.kernel().rowBytes());
      long tiles = (s.dense().outputs() + rows - 1) / rows;
      s.kernel().streamFrom(new DenseKernel.Tiles(s.prefix() + "_w", (int) rows, tileBytes));
      s.dramBytes(tiles * tileBytes);
      layout.reserve(MemorySpace.DRAM, tiles * tileBytes, "weights of '" + s.dense().name() + "'");
      largest = Math.max(largest, tileBytes);
    }
    layout.reserve(MemorySpace.WMEM, 2 * largest, "two weight tile buffers");
    layout.tileBuffer(largest);
  }

  private Generated emit(Network net, List<Stage> stages, HostInterface host, Layout layout)
      throws CompileException {
    Asm code = new Asm();
    Sections data = new Sections();
    // The host's buffers first, so that they start vector-aligned; a score table spilled to amem
    // follows them.
    amem(data.amem, host);
    List<int[]> lines = new ArrayList<>();
    code.directive(".text", "");
    code.label("start");
    for (Stage s : stages) {
      code.blank();
      int first = code.nextLine();
      s.code(code);
      lines.add(new int[] {first, code.nextLine() - 1});
      s.data(data);
    }
    code.blank();
    code.op("halt", "");
    if (code.instructions() > machine.imemWords()) {
      throw new CompileException(
          "the program has "
              + code.instructions()
              + " instructions, "
              + "machine '"
              + machine.name()
              + "' holds "
              + machine.imemWords()
              + " (imem_words)");
    }
    Asm header = header(net, host, layout);
    int offset = header.nextLine() - 1;
    List<LayerSpan> spans = new ArrayList<>();
    for (int k = 0; k < stages.size(); k++) {
      spans.add(
          new LayerSpan(
              stages.get(k).layers(), lines.get(k)[0] + offset, lines.get(k)[1] + offset));
    }
    StringBuilder text = new StringBuilder(header.text()).append(code.text());
    long tileBuffer = layout.tileBuffer();
    if (tileBuffer > 0) {
      data.wmem.label("wbuf0");
      data.wmem.directive(".space", String.valueOf(tileBuffer), "weight tile buffer");
      data.wmem.label("wbuf1");
      data.wmem.directive(".space", String.valueOf(tileBuffer), "weight tile buffer");
    }
    section(text, "wmem", data.wmem);
    section(text, "tmem", data.tmem);
    section(text, "amem", data.amem);
    section(text, "dram", data.dram);
    return new Generated(text.toString(), host, spans);
  }

  private static void section(StringBuilder text, String name, Asm a) {
    if (!a.text().isEmpty()) {
      text.append('\n').append("        .section ").append(name).append('\n').append(a.text());
    }
  }

  private static void amem(Asm a, HostInterface host) {
    List<Buffer> all = new ArrayList<>();
    all.add(host.input());
    all.addAll(host.activations());
    host.scores().ifPresent(all::add);
    host.classIndex().ifPresent(all::add);
    for (Buffer b : all) {
      a.label(b.symbol());
      a.directive(".space", String.valueOf(b.bytes()), describe(b));
    }
  }

  private static String describe(Buffer b) {
    return switch (b.layout()) {
      case UINT8_PLANES ->
          "'"
              + b.layer()
              + "': 8 bit-planes of "
              + b.elements()
              + " bytes, plane n at +"
              + b.planeBytes()
              + " * n";
      case BIPOLAR_ROWS -> "'" + b.layer() + "': " + b.elements() + " bits, padding 0";
      case INT32_WORDS ->
          "'"
              + b.layer()
              + "': "
              + b.elements()
              + " signed 32-bit word"
              + (b.elements() == 1 ? "" : "s");
    };
  }

  private Asm header(Network net, HostInterface host, Layout layout) {
    Asm h = new Asm();
    h.comment(
        "Network '"
            + net.name()
            + "' compiled by the Signum compiler for machine '"
            + machine.name()
            + "'");
    h.comment(
        "(vector_width "
            + vw
            + ", accumulator_width "
            + machine.accumulatorWidth()
            + ", weights "
            + (layout.tileBuffer() > 0 ? "streamed from DRAM in tiles" : "resident in wmem")
            + ").");
    h.comment("");
    h.comment("Host interface, all in amem: write the input (its padding bits 0), restart, run to");
    h.comment("halt, read the results.");
    h.comment(String.format(Locale.ROOT, "  %-8s %s", "input", describe(host.input())));
    for (Buffer b : host.activations()) {
      h.comment(String.format(Locale.ROOT, "  %-8s %s", b.symbol(), describe(b)));
    }
    host.scores().ifPresent(b -> h.comment("  scores   " + describe(b)));
    host.classIndex()
        .ifPresent(
            b -> h.comment("  class    " + describe(b) + ", the first index of the largest score"));
    h.comment("");
    h.comment(
        "Memory used: wmem "
            + layout.used(MemorySpace.WMEM)
            + ", tmem "
            + layout.used(MemorySpace.TMEM)
            + ", amem "
            + layout.used(MemorySpace.AMEM)
            + ", dram "
            + layout.used(MemorySpace.DRAM)
            + " bytes.");
    h.blank();
    return h;
  }
}
