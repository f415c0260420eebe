package org.signum.report;

import java.util.Map;

/**
 * A {@link Report} as one CSV table of {@code section,name,metric,value,unit} rows, every figure
 * per inference, for spreadsheets and scripts. {@code docs/reports.md} lists the rows.
 */
public final class ReportCsv {
  private ReportCsv() {}

  public static String render(Report r) {
    StringBuilder s = new StringBuilder("section,name,metric,value,unit\n");
    row(s, "run", "program", "name", r.program(), "");
    row(s, "run", "machine", "name", r.machine(), "");
    row(s, "run", "inferences", "count", Long.toString(r.inferences()), "");
    row(s, "run", "energy_table", "name", r.table().name(), "");
    row(s, "run", "energy_table", "node", Integer.toString(r.table().nodeNm()), "nm");
    for (Map.Entry<String, Long> p : r.parameters().entrySet()) {
      row(s, "machine", p.getKey(), "value", Long.toString(p.getValue()), "");
    }
    Report.Cycles c = r.cycles();
    num(s, "cycles", "total", "cycles", c.total(), "cycles");
    num(s, "cycles", "total", "time", c.microseconds(), "us");
    num(s, "cycles", "lower_bound", "cycles", c.lowerBound(), "cycles");
    num(s, "cycles", "binary_macs", "count", c.binaryMacs(), "MACs");
    num(s, "cycles", "network_macs", "count", c.networkMacs(), "MACs");
    num(s, "cycles", "peak_binary_macs", "per_cycle", c.peakBinaryMacsPerCycle(), "MACs/cycle");
    num(s, "cycles", "popcount_units", "utilization", c.popcountUtilization(), "fraction");
    for (Map.Entry<String, Double> e : c.stalls().entrySet()) {
      num(s, "stall", e.getKey(), "cycles", e.getValue(), "cycles");
    }
    Report.Energy e = r.energy();
    num(s, "energy", "total", "energy", e.total(), "pJ");
    map(s, "energy_class", e.byClass(), "energy", "pJ");
    map(s, "energy_level", e.byLevel(), "energy", "pJ");
    map(s, "energy_role", e.byRole(), "energy", "pJ");
    for (Report.Traffic t : r.traffic()) {
      num(s, "traffic", t.level(), "size", t.sizeBytes(), "bytes");
      num(s, "traffic", t.level(), "read", t.bytesRead(), "bytes");
      num(s, "traffic", t.level(), "written", t.bytesWritten(), "bytes");
      num(s, "traffic", t.level(), "read_per_bit", t.picojoulesPerBitRead(), "pJ");
      num(s, "traffic", t.level(), "written_per_bit", t.picojoulesPerBitWritten(), "pJ");
      num(s, "traffic", t.level(), "energy", t.energy(), "pJ");
    }
    for (Report.Baseline b : r.baselines()) {
      num(s, "baseline", b.name(), "macs", b.macs(), "MACs");
      num(s, "baseline", b.name(), "per_mac", b.picojoulesPerMac(), "pJ");
      num(s, "baseline", b.name(), "arithmetic", b.arithmetic(), "pJ");
      num(s, "baseline", b.name(), "data", b.data(), "pJ");
      num(s, "baseline", b.name(), "other", b.other(), "pJ");
      num(s, "baseline", b.name(), "total", b.total(), "pJ");
      num(s, "baseline", b.name(), "ratio_to_binary", b.ratio(), "");
    }
    Report.Ratios q = r.ratios();
    num(s, "ratio", "bit_op", "energy", q.bitOp(), "pJ");
    num(s, "ratio", "int32_mul", "energy", q.int32Mul(), "pJ");
    num(s, "ratio", "fp32_mul", "energy", q.fp32Mul(), "pJ");
    num(s, "ratio", "int32_mul_to_bit_op", "ratio", q.int32MulToBitOp(), "");
    num(s, "ratio", "fp32_mul_to_bit_op", "ratio", q.fp32MulToBitOp(), "");
    for (Report.Layer l : r.layers()) {
      num(s, "layer", l.name(), "instructions", l.instructions(), "instructions");
      num(s, "layer", l.name(), "cycles", l.cycles(), "cycles");
      num(s, "layer", l.name(), "binary_macs", l.binaryMacs(), "MACs");
      num(s, "layer", l.name(), "network_macs", l.networkMacs(), "MACs");
      num(s, "layer", l.name(), "lower_bound", l.lowerBound(), "cycles");
      num(s, "layer", l.name(), "popcount_utilization", l.popcountUtilization(), "fraction");
      num(s, "layer", l.name(), "energy", l.energy(), "pJ");
      for (Map.Entry<String, Double> x : l.stalls().entrySet()) {
        num(s, "layer", l.name(), "stall." + x.getKey(), x.getValue(), "cycles");
      }
      for (Map.Entry<String, Double> x : l.energyByClass().entrySet()) {
        num(s, "layer", l.name(), "energy." + x.getKey(), x.getValue(), "pJ");
      }
    }
    for (Report.Line l : r.lines()) {
      num(s, "line", l.source(), "instructions", l.instructions(), "instructions");
      num(s, "line", l.source(), "cycles", l.cycles(), "cycles");
    }
    for (Report.PriceUsed p : r.prices()) {
      num(s, "price", p.event(), "energy", p.picojoules(), "pJ/" + p.unit());
    }
    for (Report.TableEntry t : r.table().entries()) {
      num(s, "table", t.key(), "energy", t.picojoules(), "pJ");
      num(s, "table", t.key(), "scaled", t.scaledPicojoules(), "pJ");
      row(s, "table", t.key(), "node", Integer.toString(t.nodeNm()), "nm");
      row(s, "table", t.key(), "source", t.source(), "");
    }
    return s.toString();
  }

  private static void map(
      StringBuilder s, String section, Map<String, Double> m, String metric, String unit) {
    for (Map.Entry<String, Double> e : m.entrySet()) {
      num(s, section, e.getKey(), metric, e.getValue(), unit);
    }
  }

  private static void num(
      StringBuilder s, String section, String name, String metric, double v, String unit) {
    row(s, section, name, metric, Fmt.exact(v), unit);
  }

  private static void row(
      StringBuilder s, String section, String name, String metric, String value, String unit) {
    s.append(field(section)).append(',').append(field(name)).append(',').append(field(metric));
    s.append(',').append(field(value)).append(',').append(field(unit)).append('\n');
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
  private static String field(String v) {
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
