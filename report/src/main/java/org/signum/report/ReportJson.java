package org.signum.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link Report} as JSON, in the schema of {@code docs/reports.md}, and back. */
public final class ReportJson {
  /** Where Gson says a document breaks: its complaint, then line, column and path. */
  private static final Pattern WHERE =
      Pattern.compile("(.*) at line (\\d+) column (\\d+) path (\\S+).*", Pattern.DOTALL);

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
    if (text.isBlank()) {
      throw new ReportException(file + ": error: the file is empty, expected a JSON report");
    }
    JsonElement tree;
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      tree = JsonParser.parseReader(reader);
    } catch (JsonParseException e) {
      throw invalid(file, e);
    }
    JsonIn root = JsonIn.root(file, tree);
    String schema = root.string("schema");
    if (!schema.equals(Report.SCHEMA)) {
      throw new ReportException(
          file + ": error: schema: expected \"" + Report.SCHEMA + "\", got \"" + schema + "\"");
    }
    // Fields are read in document order, so the first problem reported is the first in the file.
    String program = root.string("program");
    JsonIn machine = root.object("machine");
    String machineName = machine.string("name");
    Map<String, Long> parameters = machine.integers("parameters");
    long inferences = root.integer("inferences");
    if (inferences < 1) {
      throw root.error(
          "inferences", "an integer of at least 1", tree.getAsJsonObject().get("inferences"));
    }
    Report.Table table = readTable(root.object("energy_table"));
    Report.Cycles cycles = readCycles(root.object("cycles"));
    Report.Energy energy = readEnergy(root.object("energy_pj"));
    List<Report.Traffic> traffic = readTraffic(root);
    List<Report.Baseline> baselines = readBaselines(root);
    Report.Ratios ratios = readRatios(root.object("ratios"));
    List<Report.Layer> layers = readLayers(root);
    List<Report.Line> lines = readLines(root);
    List<Report.PriceUsed> prices = readPrices(root);
    return new Report(
        program,
        machineName,
        parameters,
        inferences,
        table,
        cycles,
        energy,
        traffic,
        baselines,
        ratios,
        layers,
        lines,
        prices);
  }

  /**
   * Gson's complaint as {@code file:line:column: error: not valid JSON: what, at path}, without its
   * exception class, troubleshooting link or advice to parse leniently.
   */
  private static ReportException invalid(String file, JsonParseException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    Matcher w = WHERE.matcher(m);
    if (!w.matches()) {
      return new ReportException(
          file + ": error: not valid JSON: " + m.lines().findFirst().orElse(m));
    }
    String what = w.group(1).contains("setStrictness") ? "malformed JSON" : w.group(1);
    what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
    return new ReportException(
        file
            + ":"
            + w.group(2)
            + ":"
            + w.group(3)
            + ": error: not valid JSON: "
            + what
            + ", at "
            + w.group(4));
  }

  private static Report.Table readTable(JsonIn t) throws ReportException {
    List<Report.TableEntry> entries = new ArrayList<>();
    for (JsonIn e : t.objects("entries")) {
      entries.add(
          new Report.TableEntry(
              e.string("key"),
              e.number("pj"),
              e.smallInteger("node_nm"),
              e.string("scaling"),
              e.number("scaled_pj"),
              e.string("source")));
    }
    return new Report.Table(t.string("name"), t.smallInteger("node_nm"), entries);
  }

  private static Report.Cycles readCycles(JsonIn c) throws ReportException {
    return new Report.Cycles(
        c.number("total"),
        c.number("microseconds"),
        c.smallInteger("clock_mhz"),
        c.numbers("stalls"),
        c.number("binary_macs"),
        c.number("network_macs"),
        c.integer("peak_binary_macs_per_cycle"),
        c.number("lower_bound"),
        c.number("popcount_utilization"));
  }

  private static Report.Energy readEnergy(JsonIn e) throws ReportException {
    return new Report.Energy(
        e.number("total"), e.numbers("by_class"), e.numbers("by_level"), e.numbers("by_role"));
  }

  private static List<Report.Traffic> readTraffic(JsonIn root) throws ReportException {
    List<Report.Traffic> out = new ArrayList<>();
    for (JsonIn t : root.objects("traffic")) {
      out.add(
          new Report.Traffic(
              t.string("level"),
              t.integer("size_bytes"),
              t.number("bytes_read"),
              t.number("bytes_written"),
              t.number("pj_per_bit_read"),
              t.number("pj_per_bit_written"),
              t.number("energy_pj")));
    }
    return out;
  }

  private static List<Report.Baseline> readBaselines(JsonIn root) throws ReportException {
    List<Report.Baseline> out = new ArrayList<>();
    for (JsonIn b : root.objects("baselines")) {
      out.add(
          new Report.Baseline(
              b.string("name"),
              b.string("mac"),
              b.smallInteger("data_bits"),
              b.number("macs"),
              b.number("pj_per_mac"),
              b.number("arithmetic_pj"),
              b.number("data_pj"),
              b.number("other_pj"),
              b.number("total_pj"),
              b.number("ratio_to_binary")));
    }
    return out;
  }

  private static Report.Ratios readRatios(JsonIn q) throws ReportException {
    return new Report.Ratios(
        q.number("bit_op_pj"),
        q.number("int32_mul_pj"),
        q.number("fp32_mul_pj"),
        q.number("int32_mul_to_bit_op"),
        q.number("fp32_mul_to_bit_op"));
  }

  private static List<Report.Layer> readLayers(JsonIn root) throws ReportException {
    List<Report.Layer> out = new ArrayList<>();
    for (JsonIn l : root.objects("layers")) {
      out.add(
          new Report.Layer(
              l.string("name"),
              l.number("instructions"),
              l.number("cycles"),
              l.numbers("stalls"),
              l.number("binary_macs"),
              l.number("network_macs"),
              l.number("lower_bound"),
              l.number("popcount_utilization"),
              l.number("energy_pj"),
              l.numbers("energy_by_class_pj")));
    }
    return out;
  }

  private static List<Report.Line> readLines(JsonIn root) throws ReportException {
    List<Report.Line> out = new ArrayList<>();
    for (JsonIn l : root.objects("lines")) {
      out.add(
          new Report.Line(
              l.string("source"), l.string("layer"), l.number("instructions"), l.number("cycles")));
    }
    return out;
  }

  private static List<Report.PriceUsed> readPrices(JsonIn root) throws ReportException {
    List<Report.PriceUsed> out = new ArrayList<>();
    for (JsonIn p : root.objects("prices")) {
      out.add(
          new Report.PriceUsed(
              p.string("event"), p.string("unit"), p.number("pj"), p.string("derivation")));
    }
    return out;
  }
}
