package org.signum.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two reports side by side: the headline figures, then cycles and energy by layer (matched by
 * name), energy by event class and by level, stalls by cause, and the machine parameters that
 * differ. Differences are B - A; ratios B / A.
 */
public final class ReportComparison {
  private static final String NONE = "-";

  private ReportComparison() {}

  public static String render(String nameA, Report a, String nameB, Report b) {
    StringBuilder s = new StringBuilder();
    s.append("A: ").append(nameA).append(": ").append(describe(a)).append('\n');
    s.append("B: ").append(nameB).append(": ").append(describe(b)).append("\n\n");
    s.append("Per inference\n");
    TextTable t = header("figure");
    compare(t, "cycles", a.cycles().total(), b.cycles().total(), false);
    t.row(
        "time",
        Fmt.sig(a.cycles().microseconds()) + " us",
        Fmt.sig(b.cycles().microseconds()) + " us",
        Fmt.sig(b.cycles().microseconds() - a.cycles().microseconds()) + " us",
        ratio(a.cycles().microseconds(), b.cycles().microseconds()));
    compare(t, "static lower bound", a.cycles().lowerBound(), b.cycles().lowerBound(), false);
    compare(t, "binary MACs executed", a.cycles().binaryMacs(), b.cycles().binaryMacs(), false);
    compare(t, "network MACs", a.cycles().networkMacs(), b.cycles().networkMacs(), false);
    compare(t, "energy", a.energy().total(), b.energy().total(), true);
    double ua = a.cycles().popcountUtilization();
    double ub = b.cycles().popcountUtilization();
    t.row(
        "popcount unit use",
        Fmt.percent(ua),
        Fmt.percent(ub),
        Fmt.sig(100 * (ub - ua)) + " points",
        ratio(ua, ub));
    s.append(t.render()).append('\n');

    s.append("Cycles by layer\n");
    s.append(byLayer(a, b, false)).append('\n');
    s.append("Energy by layer\n");
    s.append(byLayer(a, b, true)).append('\n');
    s.append("Energy by event class\n");
    s.append(maps(a.energy().byClass(), b.energy().byClass(), "class", true)).append('\n');
    s.append("Energy by level\n");
    s.append(maps(a.energy().byLevel(), b.energy().byLevel(), "level", true)).append('\n');
    s.append("Stalls by cause\n");
    s.append(maps(a.cycles().stalls(), b.cycles().stalls(), "cause", false)).append('\n');
    s.append("Baselines (x binary)\n");
    TextTable bt = new TextTable("network", "A", "B");
    Map<String, Double> ra = new LinkedHashMap<>();
    Map<String, Double> rb = new LinkedHashMap<>();
    a.baselines().forEach(x -> ra.put(x.name(), x.ratio()));
    b.baselines().forEach(x -> rb.put(x.name(), x.ratio()));
    for (String k : union(ra, rb)) {
      bt.row(k, ratio(ra.get(k)), ratio(rb.get(k)));
    }
    s.append(bt.render()).append('\n');
    s.append("Machine parameters that differ\n");
    TextTable pt = new TextTable("parameter", "A", "B");
    int differ = 0;
    Set<String> keys = new LinkedHashSet<>(a.parameters().keySet());
    keys.addAll(b.parameters().keySet());
    for (String k : keys) {
      Long va = a.parameters().get(k);
      Long vb = b.parameters().get(k);
      if (!Objects.equals(va, vb)) {
        differ++;
        pt.row(k, va == null ? NONE : va.toString(), vb == null ? NONE : vb.toString());
      }
    }
    if (!a.table().name().equals(b.table().name()) || a.table().nodeNm() != b.table().nodeNm()) {
      differ++;
      pt.row(
          "energy table",
          a.table().name() + " at " + a.table().nodeNm() + " nm",
          b.table().name() + " at " + b.table().nodeNm() + " nm");
    }
    s.append(differ == 0 ? "  none\n" : pt.render());
    return s.toString();
  }

  private static String describe(Report r) {
    return r.program()
        + " on machine "
        + r.machine()
        + ", "
        + r.table().name()
        + " at "
        + r.table().nodeNm()
        + " nm, "
        + (r.inferences() == 1 ? "1 inference" : r.inferences() + " inferences");
  }

  private static TextTable header(String first) {
    return new TextTable(first, "A", "B", "B - A", "B / A");
  }

  private static void compare(TextTable t, String name, Double a, Double b, boolean energy) {
    String sa = a == null ? NONE : energy ? Fmt.energy(a) : Fmt.count(a);
    String sb = b == null ? NONE : energy ? Fmt.energy(b) : Fmt.count(b);
    String diff = NONE;
    String ratio = NONE;
    if (a != null && b != null) {
      diff = energy ? Fmt.energy(b - a) : Fmt.count(b - a);
      ratio = ratio(a, b);
    }
    t.row(name, sa, sb, diff, ratio);
  }

  private static String byLayer(Report a, Report b, boolean energy) {
    Map<String, Double> ma = new LinkedHashMap<>();
    Map<String, Double> mb = new LinkedHashMap<>();
    a.layers().forEach(l -> ma.put(l.name(), energy ? l.energy() : l.cycles()));
    b.layers().forEach(l -> mb.put(l.name(), energy ? l.energy() : l.cycles()));
    return maps(ma, mb, "layer", energy);
  }

  private static String maps(
      Map<String, Double> a, Map<String, Double> b, String what, boolean energy) {
    TextTable t = header(what);
    for (String k : union(a, b)) {
      Double va = a.get(k);
      Double vb = b.get(k);
      if ((va == null || va == 0) && (vb == null || vb == 0)) {
        continue;
      }
      compare(t, k, va, vb, energy);
    }
    return t.render();
  }

  private static Set<String> union(Map<String, Double> a, Map<String, Double> b) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static String ratio(double a, double b) {
    return a == 0 ? (b == 0 ? Fmt.times(1) : NONE) : Fmt.times(b / a);
  }

  private static String ratio(Double v) {
    return v == null ? NONE : Fmt.times(v);
  }
}
