package org.signum.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link Report} for people: sections of aligned tables, every figure per inference. */
public final class ReportText {
  private static final int HOTTEST_LINES = 10;

  private ReportText() {}

  public static String render(Report r) {
    StringBuilder s = new StringBuilder();
    s.append("Signum report: ").append(r.program()).append(" on machine ").append(r.machine());
    s.append(", ")
        .append(r.inferences() == 1 ? "1 inference" : Fmt.count(r.inferences()) + " inferences")
        .append(" (figures per inference)\n");
    s.append("energy table ").append(r.table().name()).append(" at ");
    s.append(r.table().nodeNm()).append(" nm\n\n");
    time(s, r);
    layers(s, r);
    energy(s, r);
    traffic(s, r);
    baselines(s, r);
    ratios(s, r);
    hottest(s, r);
    prices(s, r);
    return s.toString();
  }

  /**
   * The headline figures in a few lines: cycles and time; energy in four parts that add up to the
   * total (compute: the arithmetic and logic classes; memory: loads, stores and DMA, by level;
   * registers; fetch); and the baselines' totals with their ratios to the binary run.
   */
  public static String summary(Report r) {
    StringBuilder s = new StringBuilder();
    Report.Cycles c = r.cycles();
    s.append("Time: ").append(Fmt.count(c.total())).append(" cycles, ");
    s.append(Fmt.sig(c.microseconds())).append(" us at ").append(c.clockMhz()).append(" MHz");
    if (c.lowerBound() > 0) {
      s.append(" (static lower bound ").append(Fmt.count(c.lowerBound()));
      s.append(c.lowerBound() == 1 ? " cycle)" : " cycles)");
    }
    Report.Energy e = r.energy();
    s.append("\nEnergy: ").append(Fmt.energy(e.total())).append('\n');
    TextTable t = new TextTable("part", "energy", "share", "of which").left(3);
    part(
        t,
        "compute",
        e,
        classes(
            e,
            EventClass.BIT_OPS,
            EventClass.POPCOUNT,
            EventClass.ACCUMULATE,
            EventClass.COMPARE,
            EventClass.SCALAR));
    part(t, "memory", e, levels(e, Level.WMEM, Level.AMEM, Level.TMEM, Level.DRAM));
    part(
        t,
        "registers",
        e,
        levels(e, Level.VECTOR_REGISTERS, Level.SCALAR_REGISTERS, Level.ACCUMULATORS));
    part(t, "fetch", e, levels(e, Level.IMEM));
    s.append(t.render());
    if (!r.baselines().isEmpty()) {
      s.append("The same network in conventional arithmetic, same memories\n");
      TextTable b = new TextTable("arithmetic", "energy", "x binary");
      b.row("binary (this run)", Fmt.energy(e.total()), Fmt.times(1));
      for (Report.Baseline x : r.baselines()) {
        b.row(x.name() + ": " + arithmetic(x.name()), Fmt.energy(x.total()), Fmt.times(x.ratio()));
      }
      s.append(b.render());
    }
    return s.toString();
  }

  /** The energy of these classes, in their order. */
  private static Map<String, Double> classes(Report.Energy e, EventClass... classes) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (EventClass c : classes) {
      out.put(c.key(), e.byClass().getOrDefault(c.key(), 0.0));
    }
    return out;
  }

  /** The energy at these levels, in their order. */
  private static Map<String, Double> levels(Report.Energy e, Level... levels) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Level l : levels) {
      out.put(l.key(), e.byLevel().getOrDefault(l.key(), 0.0));
    }
    return out;
  }

  /**
   * A row of the summary's energy parts: the sum of {@code parts}, its share, the nonzero parts.
   */
  private static void part(TextTable t, String name, Report.Energy e, Map<String, Double> parts) {
    double sum = 0;
    StringBuilder of = new StringBuilder();
    for (Map.Entry<String, Double> p : parts.entrySet()) {
      sum += p.getValue();
      if (p.getValue() != 0) {
        of.append(of.length() == 0 ? "" : ", ").append(p.getKey()).append(' ');
        of.append(Fmt.energy(p.getValue()));
      }
    }
    t.row(name, Fmt.energy(sum), Fmt.percent(share(sum, e.total())), of.toString());
  }

  private static String arithmetic(String baseline) {
    return switch (baseline) {
      case "fp32" -> "32-bit float";
      case "int32" -> "32-bit integer";
      case "int8" -> "8-bit integer";
      default -> baseline;
    };
  }

  private static void time(StringBuilder s, Report r) {
    Report.Cycles c = r.cycles();
    s.append("Time\n");
    TextTable t = new TextTable("figure", "value", "").left(2);
    t.row(
        "cycles",
        Fmt.count(c.total()),
        Fmt.sig(c.microseconds()) + " us at " + c.clockMhz() + " MHz");
    t.row(
        "static lower bound",
        Fmt.count(c.lowerBound()),
        Fmt.count(c.networkMacs())
            + " binary MACs / "
            + Fmt.count(c.peakBinaryMacsPerCycle())
            + " per cycle at peak");
    if (c.networkMacs() != c.binaryMacs()) {
      t.row(
          "binary MACs executed",
          Fmt.count(c.binaryMacs()),
          "padding included: " + Fmt.percent(1 - c.networkMacs() / c.binaryMacs()) + " wasted");
    }
    if (c.lowerBound() > 0) {
      t.row("simulated / bound", Fmt.times(c.total() / c.lowerBound()), "");
    }
    t.row(
        "popcount unit use",
        Fmt.percent(c.popcountUtilization()),
        "busy unit-cycles / units x cycles");
    s.append(t.render());
    s.append("\nStalls (idle issue cycles) by cause\n");
    TextTable st = new TextTable("cause", "cycles", "of all cycles");
    double stalled = 0;
    for (Map.Entry<String, Double> e : c.stalls().entrySet()) {
      stalled += e.getValue();
      if (e.getValue() != 0) {
        st.row(e.getKey(), Fmt.count(e.getValue()), Fmt.percent(share(e.getValue(), c.total())));
      }
    }
    st.row("total", Fmt.count(stalled), Fmt.percent(share(stalled, c.total())));
    s.append(st.render()).append('\n');
  }

  private static void layers(StringBuilder s, Report r) {
    s.append("Layers\n");
    TextTable t =
        new TextTable(
            "layer",
            "instructions",
            "cycles",
            "stalls",
            "lower bound",
            "popcount use",
            "energy",
            "of energy");
    for (Report.Layer l : r.layers()) {
      double stalls = l.stalls().values().stream().mapToDouble(Double::doubleValue).sum();
      t.row(
          l.name(),
          Fmt.count(l.instructions()),
          Fmt.count(l.cycles()),
          Fmt.count(stalls),
          Fmt.count(l.lowerBound()),
          Fmt.percent(l.popcountUtilization()),
          Fmt.energy(l.energy()),
          Fmt.percent(share(l.energy(), r.energy().total())));
    }
    s.append(t.render()).append('\n');
  }

  private static void energy(StringBuilder s, Report r) {
    Report.Energy e = r.energy();
    s.append("Energy: ").append(Fmt.energy(e.total())).append('\n');
    s.append(breakdown("class", e.byClass(), e.total()));
    s.append(breakdown("level", e.byLevel(), e.total()));
    s.append('\n');
  }

  private static String breakdown(String what, Map<String, Double> m, double total) {
    TextTable t = new TextTable("by " + what, "energy", "share");
    for (Map.Entry<String, Double> x : m.entrySet()) {
      if (x.getValue() != 0) {
        t.row(x.getKey(), Fmt.energy(x.getValue()), Fmt.percent(share(x.getValue(), total)));
      }
    }
    return t.render();
  }

  private static void traffic(StringBuilder s, Report r) {
    s.append("Memory traffic\n");
    TextTable t =
        new TextTable(
            "level",
            "size",
            "bytes read",
            "bytes written",
            "pJ/bit read",
            "pJ/bit written",
            "energy");
    for (Report.Traffic x : r.traffic()) {
      t.row(
          x.level(),
          Fmt.bytes(x.sizeBytes()),
          Fmt.count(x.bytesRead()),
          Fmt.count(x.bytesWritten()),
          Fmt.sig(x.picojoulesPerBitRead()),
          Fmt.sig(x.picojoulesPerBitWritten()),
          Fmt.energy(x.energy()));
    }
    s.append(t.render()).append('\n');
  }

  private static void baselines(StringBuilder s, Report r) {
    s.append("The same multiply-accumulates in conventional arithmetic, same memories\n");
    TextTable t =
        new TextTable(
            "network", "MAC", "data bits", "arithmetic", "data", "other", "total", "x binary");
    Map<String, Double> role = r.energy().byRole();
    t.row(
        "binary (this run)",
        "xnor + popcount",
        "1",
        Fmt.energy(role.getOrDefault(Role.BINARY_ARITHMETIC.key(), 0.0)),
        Fmt.energy(role.getOrDefault(Role.BINARY_DATA.key(), 0.0)),
        Fmt.energy(role.getOrDefault(Role.OTHER.key(), 0.0)),
        Fmt.energy(r.energy().total()),
        Fmt.times(1));
    for (Report.Baseline b : r.baselines()) {
      t.row(
          b.name(),
          b.mac(),
          Integer.toString(b.dataBits()),
          Fmt.energy(b.arithmetic()),
          Fmt.energy(b.data()),
          Fmt.energy(b.other()),
          Fmt.energy(b.total()),
          Fmt.times(b.ratio()));
    }
    s.append(t.render());
    if (!r.baselines().isEmpty()) {
      s.append("  ").append(Fmt.count(r.baselines().get(0).macs()));
      s.append(" MACs; data: weight and activation traffic x data bits; other: unchanged\n");
    }
    s.append('\n');
  }

  private static void ratios(StringBuilder s, Report r) {
    Report.Ratios q = r.ratios();
    s.append("One multiply against one bit operation (").append(Fmt.sig(q.bitOp()));
    s.append(" pJ) under ").append(r.table().name()).append(" at ");
    s.append(r.table().nodeNm()).append(" nm\n");
    TextTable t = new TextTable("operation", "energy", "in bit operations");
    t.row("32-bit integer multiply", Fmt.sig(q.int32Mul()) + " pJ", Fmt.sig(q.int32MulToBitOp()));
    t.row("32-bit float multiply", Fmt.sig(q.fp32Mul()) + " pJ", Fmt.sig(q.fp32MulToBitOp()));
    s.append(t.render()).append('\n');
  }

  private static void hottest(StringBuilder s, Report r) {
    List<Report.Line> lines = new ArrayList<>(r.lines());
    lines.sort(Comparator.comparingDouble(Report.Line::cycles).reversed());
    s.append("Hottest source lines\n");
    TextTable t = new TextTable("line", "layer", "instructions", "cycles", "of cycles").left(1);
    for (Report.Line l : lines.subList(0, Math.min(HOTTEST_LINES, lines.size()))) {
      t.row(
          l.source(),
          l.layer(),
          Fmt.count(l.instructions()),
          Fmt.count(l.cycles()),
          Fmt.percent(share(l.cycles(), r.cycles().total())));
    }
    s.append(t.render()).append('\n');
  }

  private static void prices(StringBuilder s, Report r) {
    s.append("Prices (docs/energy-model.md)\n");
    TextTable t = new TextTable("event", "pJ", "per", "from").left(2, 3);
    for (Report.PriceUsed p : r.prices()) {
      t.row(p.event(), Fmt.sig(p.picojoules()), p.unit(), p.derivation());
    }
    s.append(t.render());
  }

  private static double share(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }
}
