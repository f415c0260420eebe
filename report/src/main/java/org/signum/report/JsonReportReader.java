package org.signum.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON {@link ReportJson} writes back into a {@link Report}, strictly: every field must
 * be there with its type, and the first problem is reported with the file and the field's path.
 */
final class JsonReportReader {
  /** Where Gson says a document breaks: its complaint, then line, column and path. */
  private static final Pattern WHERE =
      Pattern.compile("(.*) at line (\\d+) column (\\d+) path (\\S+).*", Pattern.DOTALL);

  private JsonReportReader() {}

  /** Parses report JSON; {@code file} names it in messages. */
  static Report read(String text, String file) throws ReportException {
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
