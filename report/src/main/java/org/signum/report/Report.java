package org.signum.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a report says about a run, per inference: the run's totals divided by the number of
 * inferences it covered. Built by {@link ReportBuilder}, written and read by {@link ReportJson},
 * rendered by {@link ReportText} and {@link ReportCsv}, compared by {@link ReportComparison}. The
 * schema is {@code docs/reports.md}; every map keeps its documented key order.
 *
 * @param program what ran: the program's file name, or the model's
 * @param machine the machine's name
 * @param parameters every machine parameter by key, in machine-description order
 * @param inferences how many runs the figures are averaged over
 * @param table the energy table and technology node the energy was priced with
 * @param cycles the cycle model's figures
 * @param energy the energy, by class, level and role
 * @param traffic bytes moved per storage level and direction, and what a bit costs there
 * @param baselines the same multiply-accumulates in wider arithmetic over the same memories
 * @param ratios the ratio of a 32-bit multiply to a bit operation under the table
 * @param layers the figures per layer (per code region for hand-written programs)
 * @param lines cycles and instructions per source line
 * @param prices what each event priced cost per unit, and how the table gave it
 */
public record Report(
    String program,
    String machine,
    Map<String, Long> parameters,
    long inferences,
    Table table,
    Cycles cycles,
    Energy energy,
    List<Traffic> traffic,
    List<Baseline> baselines,
    Ratios ratios,
    List<Layer> layers,
    List<Line> lines,
    List<PriceUsed> prices) {

  /** The schema this version writes and reads. */
  public static final String SCHEMA = "signum-report/1";

  public Report {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    traffic = List.copyOf(traffic);
    baselines = List.copyOf(baselines);
    layers = List.copyOf(layers);
    lines = List.copyOf(lines);
    prices = List.copyOf(prices);
  }

  /**
   * The energy table behind the figures.
   *
   * @param name the table's name, with any overrides
   * @param nodeNm the node every figure was scaled to
   * @param entries every entry with its source
   */
  public record Table(String name, int nodeNm, List<TableEntry> entries) {
    public Table {
      entries = List.copyOf(entries);
    }
  }

  /**
   * One entry of the table.
   *
   * @param key as in table files, {@code int_add[32]}
   * @param picojoules the figure as given
   * @param nodeNm the node it was given at
   * @param scaling {@code cmos} or {@code none}
   * @param scaledPicojoules the figure at the report's node
   * @param source where it comes from
   */
  public record TableEntry(
      String key,
      double picojoules,
      int nodeNm,
      String scaling,
      double scaledPicojoules,
      String source) {}

  /**
   * The cycle model's figures for one inference.
   *
   * @param total cycles
   * @param microseconds the cycles at the clock
   * @param clockMhz the clock
   * @param stalls idle issue cycles by cause key, every cause, in cause order
   * @param binaryMacs binary multiply-accumulates executed: the vector width per popcount
   *     instruction, padding included
   * @param networkMacs the network's own multiply-accumulates when the host gave them per layer
   *     ({@link ReportBuilder#networkMacs}), else the executed ones
   * @param peakBinaryMacsPerCycle popcount units x min(datapath width, vector width)
   * @param lowerBound network MACs over the peak, rounded up
   * @param popcountUtilization busy unit-cycles over popcount units x cycles
   */
  public record Cycles(
      double total,
      double microseconds,
      int clockMhz,
      Map<String, Double> stalls,
      double binaryMacs,
      double networkMacs,
      long peakBinaryMacsPerCycle,
      double lowerBound,
      double popcountUtilization) {
    public Cycles {
      stalls = ordered(stalls);
    }
  }

  /**
   * Energy of one inference, in picojoules.
   *
   * @param total every priced event
   * @param byClass by {@link EventClass} key, every class, in class order
   * @param byLevel by {@link Level} key, every level, in level order
   * @param byRole by {@link Role} key: what the baselines replace, scale, or keep
   */
  public record Energy(
      double total,
      Map<String, Double> byClass,
      Map<String, Double> byLevel,
      Map<String, Double> byRole) {
    public Energy {
      byClass = ordered(byClass);
      byLevel = ordered(byLevel);
      byRole = ordered(byRole);
    }
  }

  /**
   * Traffic at one storage level per inference.
   *
   * @param level the {@link Level} key
   * @param sizeBytes the level's size, which its SRAM energy is interpolated at
   * @param bytesRead bytes read from it
   * @param bytesWritten bytes written to it
   * @param picojoulesPerBitRead what reading one bit costs there
   * @param picojoulesPerBitWritten what writing one bit costs there
   * @param energy the energy of that traffic, in picojoules
   */
  public record Traffic(
      String level,
      long sizeBytes,
      double bytesRead,
      double bytesWritten,
      double picojoulesPerBitRead,
      double picojoulesPerBitWritten,
      double energy) {}

  /**
   * One baseline: the run's binary multiply-accumulates done in wider arithmetic.
   *
   * @param name {@code fp32}, {@code int32} or {@code int8}
   * @param mac how one multiply-accumulate is priced, as table keys
   * @param dataBits bits per weight and activation
   * @param macs multiply-accumulates: the network MACs
   * @param picojoulesPerMac what one costs
   * @param arithmetic macs x picojoulesPerMac
   * @param data the binary run's weight and activation traffic energy x dataBits
   * @param other the binary run's remaining energy, unchanged
   * @param total arithmetic + data + other
   * @param ratio total over the binary run's total
   */
  public record Baseline(
      String name,
      String mac,
      int dataBits,
      double macs,
      double picojoulesPerMac,
      double arithmetic,
      double data,
      double other,
      double total,
      double ratio) {}

  /**
   * Multiplies against bit operations under the report's table.
   *
   * @param bitOp one bit operation, in picojoules
   * @param int32Mul one 32-bit integer multiply
   * @param fp32Mul one 32-bit float multiply
   * @param int32MulToBitOp int32Mul / bitOp
   * @param fp32MulToBitOp fp32Mul / bitOp
   */
  public record Ratios(
      double bitOp,
      double int32Mul,
      double fp32Mul,
      double int32MulToBitOp,
      double fp32MulToBitOp) {}

  /**
   * One layer, or one code region of a hand-written program, per inference.
   *
   * @param name the layer's name
   * @param instructions instructions executed
   * @param cycles cycles charged to its instructions
   * @param stalls idle cycles by cause key, every cause
   * @param binaryMacs binary multiply-accumulates executed, padding included
   * @param networkMacs the layer's own multiply-accumulates, as given, else the executed ones
   * @param lowerBound network MACs over the machine's peak, rounded up
   * @param popcountUtilization busy unit-cycles over popcount units x its cycles
   * @param energy its events' energy, in picojoules
   * @param energyByClass the same by event class
   */
  public record Layer(
      String name,
      double instructions,
      double cycles,
      Map<String, Double> stalls,
      double binaryMacs,
      double networkMacs,
      double lowerBound,
      double popcountUtilization,
      double energy,
      Map<String, Double> energyByClass) {
    public Layer {
      stalls = ordered(stalls);
      energyByClass = ordered(energyByClass);
    }
  }

  /**
   * One source line, per inference.
   *
   * @param source {@code file:line}
   * @param layer the layer its instructions count under
   * @param instructions instructions executed
   * @param cycles cycles charged to them
   */
  public record Line(String source, String layer, double instructions, double cycles) {}

  /**
   * What one event cost per unit.
   *
   * @param event the event, as a table key would name it
   * @param unit {@code op} or {@code bit}
   * @param picojoules per unit
   * @param derivation the entries used and how
   */
  public record PriceUsed(String event, String unit, double picojoules, String derivation) {}

  private static Map<String, Double> ordered(Map<String, Double> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
