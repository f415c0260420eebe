package org.signum.report;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A {@link Report} as JSON, in the schema of {@code docs/reports.md}, and back. */
public final class ReportJson {
  private ReportJson() {}

  /** The report as an indented JSON document ending in a newline. */
  public static String write(Report r) {
    StringWriter s = new StringWriter();
    try (JsonWriter w = new JsonWriter(s)) {
      w.setIndent("  ");
      w.beginObject();
      w.name("schema").value(Report.SCHEMA);
      w.name("program").value(r.program());
      w.name("machine").beginObject();
      w.name("name").value(r.machine());
      w.name("parameters").beginObject();
      for (Map.Entry<String, Long> p : r.parameters().entrySet()) {
        w.name(p.getKey()).value(p.getValue());
      }
      w.endObject().endObject();
      w.name("inferences").value(r.inferences());
      table(w, r.table());
      cycles(w, r.cycles());
      energy(w, r.energy());
      w.name("traffic").beginArray();
      for (Report.Traffic t : r.traffic()) {
        w.beginObject();
        w.name("level").value(t.level());
        w.name("size_bytes").value(t.sizeBytes());
        number(w, "bytes_read", t.bytesRead());
        number(w, "bytes_written", t.bytesWritten());
        number(w, "pj_per_bit_read", t.picojoulesPerBitRead());
        number(w, "pj_per_bit_written", t.picojoulesPerBitWritten());
        number(w, "energy_pj", t.energy());
        w.endObject();
      }
      w.endArray();
      w.name("baselines").beginArray();
      for (Report.Baseline b : r.baselines()) {
        w.beginObject();
        w.name("name").value(b.name());
        w.name("mac").value(b.mac());
        w.name("data_bits").value(b.dataBits());
        number(w, "macs", b.macs());
        number(w, "pj_per_mac", b.picojoulesPerMac());
        number(w, "arithmetic_pj", b.arithmetic());
        number(w, "data_pj", b.data());
        number(w, "other_pj", b.other());
        number(w, "total_pj", b.total());
        number(w, "ratio_to_binary", b.ratio());
        w.endObject();
      }
      w.endArray();
      Report.Ratios q = r.ratios();
      w.name("ratios").beginObject();
      number(w, "bit_op_pj", q.bitOp());
      number(w, "int32_mul_pj", q.int32Mul());
      number(w, "fp32_mul_pj", q.fp32Mul());
      number(w, "int32_mul_to_bit_op", q.int32MulToBitOp());
      number(w, "fp32_mul_to_bit_op", q.fp32MulToBitOp());
      w.endObject();
      w.name("layers").beginArray();
      for (Report.Layer l : r.layers()) {
        w.beginObject();
        w.name("name").value(l.name());
        number(w, "instructions", l.instructions());
        number(w, "cycles", l.cycles());
        numbers(w, "stalls", l.stalls());
        number(w, "binary_macs", l.binaryMacs());
        number(w, "network_macs", l.networkMacs());
        number(w, "lower_bound", l.lowerBound());
        number(w, "popcount_utilization", l.popcountUtilization());
        number(w, "energy_pj", l.energy());
        numbers(w, "energy_by_class_pj", l.energyByClass());
        w.endObject();
      }
      w.endArray();
      w.name("lines").beginArray();
      for (Report.Line l : r.lines()) {
        w.beginObject();
        w.name("source").value(l.source());
        w.name("layer").value(l.layer());
        number(w, "instructions", l.instructions());
        number(w, "cycles", l.cycles());
        w.endObject();
      }
      w.endArray();
      w.name("prices").beginArray();
      for (Report.PriceUsed p : r.prices()) {
        w.beginObject();
        w.name("event").value(p.event());
        w.name("unit").value(p.unit());
        number(w, "pj", p.picojoules());
        w.name("derivation").value(p.derivation());
        w.endObject();
      }
      w.endArray();
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s + "\n";
  }

  private static void table(JsonWriter w, Report.Table t) throws IOException {
    w.name("energy_table").beginObject();
    w.name("name").value(t.name());
    w.name("node_nm").value(t.nodeNm());
    w.name("entries").beginArray();
    for (Report.TableEntry e : t.entries()) {
      w.beginObject();
      w.name("key").value(e.key());
      number(w, "pj", e.picojoules());
      w.name("node_nm").value(e.nodeNm());
      w.name("scaling").value(e.scaling());
      number(w, "scaled_pj", e.scaledPicojoules());
      w.name("source").value(e.source());
      w.endObject();
    }
    w.endArray().endObject();
  }

  private static void cycles(JsonWriter w, Report.Cycles c) throws IOException {
    w.name("cycles").beginObject();
    number(w, "total", c.total());
    number(w, "microseconds", c.microseconds());
    w.name("clock_mhz").value(c.clockMhz());
    numbers(w, "stalls", c.stalls());
    number(w, "binary_macs", c.binaryMacs());
    number(w, "network_macs", c.networkMacs());
    w.name("peak_binary_macs_per_cycle").value(c.peakBinaryMacsPerCycle());
    number(w, "lower_bound", c.lowerBound());
    number(w, "popcount_utilization", c.popcountUtilization());
    w.endObject();
  }

  private static void energy(JsonWriter w, Report.Energy e) throws IOException {
    w.name("energy_pj").beginObject();
    number(w, "total", e.total());
    numbers(w, "by_class", e.byClass());
    numbers(w, "by_level", e.byLevel());
    numbers(w, "by_role", e.byRole());
    w.endObject();
  }

  private static void numbers(JsonWriter w, String name, Map<String, Double> m) throws IOException {
    w.name(name).beginObject();
    for (Map.Entry<String, Double> e : m.entrySet()) {
      number(w, e.getKey(), e.getValue());
    }
    w.endObject();
  }

  /** Numbers as {@link Fmt#rounded}; whole numbers without a fraction, so counts read as counts. */
  private static void number(JsonWriter w, String name, double v) throws IOException {
    w.name(name);
    double rounded = Fmt.rounded(v);
    if (rounded == Math.rint(rounded) && Math.abs(rounded) < 9.007199254740992E15) {
      w.value((long) rounded);
    } else {
      w.value(rounded);
    }
  }

  /** Reads a report saved as JSON. */
  public static Report read(Path file) throws ReportException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReportException(file + ": error: cannot read report: " + e.getMessage());
    }
    return read(text, file.toString());
  }

  /** Parses report JSON; {@code file} names it in messages. */
  public static Report read(String text, String file) throws ReportException {
    return JsonReportReader.read(text, file);
  }
}
