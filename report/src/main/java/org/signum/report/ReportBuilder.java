package org.signum.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.signum.asm.ObjectFile;
import org.signum.energy.Action;
import org.signum.energy.EnergyEntry;
import org.signum.energy.EnergyException;
import org.signum.energy.EnergyModel;
import org.signum.energy.EnergyTable;
import org.signum.energy.Event;
import org.signum.isa.DecodeException;
import org.signum.isa.InsnClass;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.sim.Simulator;
import org.signum.sim.StallCause;
import org.signum.sim.Timing;

/**
 * Builds a {@link Report} from a timed run: the machine, the program, the cycle model's {@link
 * Timing} and an {@link EnergyModel}. A host that runs many inputs restarts one simulator between
 * them, since timing accumulates over restarts, and says how many with {@link #inferences}; every
 * figure is then per inference.
 *
 * <pre>{@code
 * Simulator sim = new Simulator(machine, object);
 * sim.enableTiming();
 * for (byte[] input : inputs) { ...write, run, read...; sim.restart(); }
 * Report r = ReportBuilder.of(sim)
 *     .program("mnist.sgm")
 *     .layers(LayerMap.byLines(object, compiled::layersAt))
 *     .inferences(inputs.size())
 *     .build();
 * }</pre>
 */
public final class ReportBuilder {
  private final MachineDescription machine;
  private final ObjectFile program;
  private final Timing timing;
  private String name = "program";
  private EnergyModel model;
  private IntFunction<String> layers;
  private long inferences = 1;
  private Map<String, Long> networkMacs = Map.of();

  private ReportBuilder(MachineDescription machine, ObjectFile program, Timing timing) {
    this.machine = Objects.requireNonNull(machine, "machine");
    this.program = Objects.requireNonNull(program, "program");
    this.timing = Objects.requireNonNull(timing, "timing");
  }

  /**
   * A report of everything {@code sim} ran since it enabled timing.
   *
   * @throws IllegalStateException if its timing was never enabled
   */
  public static ReportBuilder of(Simulator sim) {
    return new ReportBuilder(sim.machine(), sim.program(), sim.timing());
  }

  /** A report of {@code timing}, a run of {@code program} on {@code machine}. */
  public static ReportBuilder of(MachineDescription machine, ObjectFile program, Timing timing) {
    return new ReportBuilder(machine, program, timing);
  }

  /** The name the report gives what ran; default {@code program}. */
  public ReportBuilder program(String programName) {
    this.name = Objects.requireNonNull(programName, "programName");
    return this;
  }

  /**
   * The energy model; default the built-in table at the machine's {@code technology_nm}, scaled by
   * Stillmaker and Baas 2017.
   */
  public ReportBuilder energy(EnergyModel energyModel) {
    this.model = Objects.requireNonNull(energyModel, "energyModel");
    return this;
  }

  /**
   * Names the layer of each instruction index; default {@link LayerMap#byLabels}, the code-label
   * regions of a hand-written program.
   */
  public ReportBuilder layers(IntFunction<String> layerOfPc) {
    this.layers = Objects.requireNonNull(layerOfPc, "layerOfPc");
    return this;
  }

  /** How many inferences the timed runs covered; every figure is divided by it. Default 1. */
  public ReportBuilder inferences(long count) {
    if (count < 1) {
      throw new IllegalArgumentException("inferences must be at least 1, got " + count);
    }
    this.inferences = count;
    return this;
  }

  /**
   * The network's own multiply-accumulates per inference, by layer name as {@link #layers} names
   * them: what the static lower bound and the baselines count, rather than the executed popcount
   * bits, which include every row's padding. Layers left out count their executed bits.
   */
  public ReportBuilder networkMacs(Map<String, Long> macsPerLayer) {
    this.networkMacs = Map.copyOf(macsPerLayer);
    return this;
  }

  /**
   * Prices every event and assembles the report.
   *
   * @throws EnergyException if the table cannot price an event the run caused
   * @throws IllegalArgumentException if {@link #networkMacs} names a layer no instruction ran in
   */
  public Report build() throws EnergyException {
    EnergyModel energy =
        model != null ? model : EnergyModel.of(EnergyTable.defaults(), machine.technologyNm());
    IntFunction<String> layerOf = layers != null ? layers : LayerMap.byLabels(program);
    Prices prices = new Prices(energy);
    Tally total = new Tally();
    Map<String, Tally> byLayer = new LinkedHashMap<>();
    Map<String, double[]> byLine = new LinkedHashMap<>();
    Map<String, String> lineLayer = new LinkedHashMap<>();
    long[] code = program.code();
    for (int pc = 0; pc < Math.min(code.length, timing.length()); pc++) {
      long runs = timing.executionsAt(pc);
      if (runs == 0) {
        continue;
      }
      Instruction ins = decode(code[pc]);
      String named = layerOf.apply(pc);
      String layer = named == null ? LayerMap.UNASSIGNED : named;
      Tally t = byLayer.computeIfAbsent(layer, k -> new Tally());
      for (Tally scope : new Tally[] {total, t}) {
        scope.instructions += runs;
        scope.cycles += timing.cyclesAt(pc);
        scope.binaryMacs += timing.binaryMacsAt(pc);
        if (ins.opcode().insnClass() == InsnClass.POPCOUNT) {
          scope.popcountBusy += (double) runs * machine.beats();
        }
        for (StallCause c : StallCause.values()) {
          scope.stalls.merge(c, (double) timing.stallCyclesAt(pc, c), Double::sum);
        }
      }
      for (Charge c : InstructionEvents.of(ins, machine)) {
        double pj = prices.of(c.event()).picojoules();
        total.charge(c, (double) runs * c.units(), pj);
        t.charge(c, (double) runs * c.units(), pj);
      }
      long bytes = timing.dmaBytesAt(pc);
      for (Charge c : InstructionEvents.dma(ins, machine)) {
        double pj = prices.of(c.event()).picojoules();
        total.charge(c, (double) bytes * c.units(), pj);
        t.charge(c, (double) bytes * c.units(), pj);
      }
      String source = program.sourceOf(pc);
      source = source == null ? "pc " + pc : source;
      double[] line = byLine.computeIfAbsent(source, k -> new double[2]);
      line[0] += runs;
      line[1] += timing.cyclesAt(pc);
      lineLayer.putIfAbsent(source, layer);
    }
    for (String layer : networkMacs.keySet()) {
      if (!byLayer.containsKey(layer)) {
        throw new IllegalArgumentException(
            "network MACs given for layer '"
                + layer
                + "', which no instruction ran in; layers: "
                + byLayer.keySet());
      }
    }
    double n = inferences;
    double macs = 0;
    for (Map.Entry<String, Tally> l : byLayer.entrySet()) {
      macs += layerMacs(l.getKey(), l.getValue());
    }
    Report.Energy e =
        new Report.Energy(
            total.energy / n,
            Tally.keyed(total.byClass, EventClass::key, n),
            Tally.keyed(total.byLevel, Level::key, n),
            Tally.keyed(total.byRole, Role::key, n));
    List<Report.Layer> layerList = new ArrayList<>();
    byLayer.forEach((layerName, t) -> layerList.add(layer(layerName, t)));
    List<Report.Line> lineList = new ArrayList<>();
    byLine.forEach(
        (src, v) -> lineList.add(new Report.Line(src, lineLayer.get(src), v[0] / n, v[1] / n)));
    return new Report(
        name,
        machine.name(),
        parameters(),
        inferences,
        table(energy),
        cycles(macs),
        e,
        traffic(total, prices),
        baselines(total, prices, macs),
        ratios(prices),
        layerList,
        lineList,
        prices.used());
  }

  private static Instruction decode(long word) {
    try {
      return Instruction.decode(word);
    } catch (DecodeException e) {
      throw new IllegalStateException("an executed instruction does not decode: " + e.getMessage());
    }
  }

  private Map<String, Long> parameters() {
    Map<String, Long> p = new LinkedHashMap<>();
    for (MachineParameter mp : MachineParameter.values()) {
      p.put(mp.key(), machine.get(mp));
    }
    return p;
  }

  private static Report.Table table(EnergyModel energy) throws EnergyException {
    List<Report.TableEntry> entries = new ArrayList<>();
    for (EnergyEntry en : energy.table().entries()) {
      entries.add(
          new Report.TableEntry(
              en.key(),
              en.picojoules(),
              en.nodeNm(),
              en.scaling().text(),
              energy.scaled(en),
              en.source()));
    }
    return new Report.Table(energy.table().name(), energy.nodeNm(), entries);
  }

  /** The layer's network MACs per inference: as given, else its executed popcount bits. */
  private double layerMacs(String layer, Tally t) {
    Long given = networkMacs.get(layer);
    return given != null ? given : t.binaryMacs / inferences;
  }

  private Report.Cycles cycles(double networkMacsPerInference) {
    double n = inferences;
    Map<String, Double> stalls = new LinkedHashMap<>();
    timing.stalls().forEach((c, v) -> stalls.put(c.key(), v / n));
    return new Report.Cycles(
        timing.cycles() / n,
        timing.cycles() / n / machine.clockMhz(),
        machine.clockMhz(),
        stalls,
        timing.binaryMacs() / n,
        networkMacsPerInference,
        timing.peakBinaryMacsPerCycle(),
        Math.ceil(networkMacsPerInference / timing.peakBinaryMacsPerCycle()),
        timing.popcountUtilization());
  }

  private Report.Layer layer(String layerName, Tally t) {
    double n = inferences;
    double macs = layerMacs(layerName, t);
    double util = t.cycles == 0 ? 0 : t.popcountBusy / (machine.popcountUnits() * t.cycles);
    return new Report.Layer(
        layerName,
        t.instructions / n,
        t.cycles / n,
        Tally.keyed(t.stalls, StallCause::key, n),
        t.binaryMacs / n,
        macs,
        Math.ceil(macs / timing.peakBinaryMacsPerCycle()),
        util,
        t.energy / n,
        Tally.keyed(t.byClass, EventClass::key, n));
  }

  private List<Report.Traffic> traffic(Tally total, Prices prices) throws EnergyException {
    List<Report.Traffic> out = new ArrayList<>();
    for (Level l : Level.values()) {
      long size = l.bytes(machine);
      if (size == 0) {
        continue;
      }
      Event read = l == Level.DRAM ? Event.of(Action.DRAM_READ) : new Event(Action.SRAM_READ, size);
      Event write =
          l == Level.DRAM ? Event.of(Action.DRAM_WRITE) : new Event(Action.SRAM_WRITE, size);
      out.add(
          new Report.Traffic(
              l.key(),
              size,
              total.bitsRead.get(l) / 8 / inferences,
              total.bitsWritten.get(l) / 8 / inferences,
              prices.of(read).picojoules(),
              prices.of(write).picojoules(),
              total.byLevel.get(l) / inferences));
    }
    return out;
  }

  private List<Report.Baseline> baselines(Tally total, Prices prices, double macs)
      throws EnergyException {
    double n = inferences;
    double data = total.byRole.get(Role.BINARY_DATA) / n;
    double other = total.byRole.get(Role.OTHER) / n;
    double binary = total.energy / n;
    List<Report.Baseline> out = new ArrayList<>();
    for (BaselineKind k : BaselineKind.values()) {
      double perMac = prices.of(k.multiply()).picojoules() + prices.of(k.add()).picojoules();
      double arithmetic = macs * perMac;
      double dataEnergy = data * k.dataBits();
      double sum = arithmetic + dataEnergy + other;
      out.add(
          new Report.Baseline(
              k.key(),
              k.multiply() + " + " + k.add(),
              k.dataBits(),
              macs,
              perMac,
              arithmetic,
              dataEnergy,
              other,
              sum,
              binary == 0 ? 0 : sum / binary));
    }
    return out;
  }

  private static Report.Ratios ratios(Prices prices) throws EnergyException {
    double bit = prices.of(Event.of(Action.BIT_OP)).picojoules();
    double imul = prices.of(new Event(Action.INT_MUL, 32)).picojoules();
    double fmul = prices.of(new Event(Action.FLOAT_MUL, 32)).picojoules();
    return new Report.Ratios(bit, imul, fmul, imul / bit, fmul / bit);
  }
}
