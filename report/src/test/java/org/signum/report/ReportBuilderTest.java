package org.signum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signum.energy.EnergyException;
import org.signum.energy.EnergyModel;
import org.signum.energy.EnergyTable;
import org.signum.sim.Simulator;

/**
 * Energy of {@link Small}'s program against sums worked out by hand from the round test table (per
 * bit: imem/wmem/amem/tmem read 0.1, write 0.2; scalar file read 0.02, write 0.04; vector file read
 * 0.04, write 0.08; accumulators read 0.01, write 0.02; DRAM read 1 pJ).
 */
class ReportBuilderTest {
  private static final double EPS = 1e-9;

  @Test
  void theTotalIsTheSumOfEveryInstructionsEvents() {
    // Every instruction is fetched: 64 bits x 0.1 = 6.4 pJ.
    // li r2, 64 and li r3, 32: fetch 6.4 + r-write 32 x 0.04 + add 0.1 = 7.78 each.
    // dma.ld amem[0], r0, r3: fetch 6.4 + 3 reads (r0, r0, r3) 96 x 0.02 = 1.92 + address 0.1,
    //   then 32 bytes: DRAM read 256 x 1 = 256 + amem write 256 x 0.2 = 51.2: 315.62.
    // dwait: 6.4.
    // vld v1, wmem[0] and vld v2, amem[0]: fetch 6.4 + r0 read 0.64 + v write 256 x 0.08 = 20.48
    //   + address 0.1 + row read 256 x 0.1 = 25.6: 53.22 each.
    // xpopacc a0, v1, v2: fetch 6.4 + v reads 512 x 0.04 = 20.48 + a0 read 0.32 and write 0.64
    //   + XNOR 256 x 0.001 + popcount 256 x 0.002 + accumulate 0.1: 28.708.
    // thr v3, r0, a0, tmem[0]: fetch 6.4 + r0 twice 1.28 + a0 0.32 + one bit of v3 written 0.08
    //   + address 0.1 + threshold read 32 x 0.1 = 3.2 + compare 0.1: 11.48.
    // sta a0, amem[r2]+: fetch 6.4 + a0 0.32 + r2 read 0.64 and write 1.28 + two adds 0.2
    //   + amem write 32 x 0.2 = 6.4: 15.24.
    // halt: 6.4.
    // 2 x 7.78 + 315.62 + 6.4 + 2 x 53.22 + 28.708 + 11.48 + 15.24 + 6.4 = 505.848 pJ.
    Report r = Small.report();
    assertEquals(505.848, r.energy().total(), EPS);
    Map<String, Double> c = r.energy().byClass();
    assertEquals(64, c.get("fetch"), EPS);
    // 2.56 (li) + 1.92 (dma) + 2 x 21.12 (vld) + 21.44 (xpopacc) + 1.68 (thr) + 2.24 (sta).
    assertEquals(72.08, c.get("registers"), EPS);
    assertEquals(0.256, c.get("bit_ops"), EPS);
    assertEquals(0.512, c.get("popcount"), EPS);
    assertEquals(0.1, c.get("accumulate"), EPS);
    assertEquals(0.1, c.get("compare"), EPS);
    // Adds: li 2 x 0.1, dma 0.1, vld 2 x 0.1, thr address 0.1, sta 2 x 0.1.
    assertEquals(0.8, c.get("scalar"), EPS);
    assertEquals(51.2 + 3.2 + 6.4, c.get("memory"), EPS);
    assertEquals(256 + 51.2, c.get("dma"), EPS);
  }

  @Test
  void levelsRolesAndTrafficFollowTheSameEvents() {
    Report r = Small.report();
    Map<String, Double> level = r.energy().byLevel();
    assertEquals(64, level.get("imem"), EPS);
    assertEquals(25.6, level.get("wmem"), EPS);
    // vld 25.6 + DMA write 51.2 + sta 6.4.
    assertEquals(83.2, level.get("amem"), EPS);
    assertEquals(3.2, level.get("tmem"), EPS);
    assertEquals(256, level.get("dram"), EPS);
    // Roles: XNOR, popcount and accumulate are replaced by MACs in the baselines; the vector file,
    // row loads and the amem DMA are weights and activations.
    Map<String, Double> role = r.energy().byRole();
    assertEquals(0.868, role.get("binary_arithmetic"), EPS);
    assertEquals(40.96 + 20.48 + 0.08 + 51.2 + 307.2, role.get("binary_data"), EPS);
    assertEquals(505.848 - 0.868 - 419.92, role.get("other"), EPS);

    Map<String, Report.Traffic> t = new java.util.HashMap<>();
    r.traffic().forEach(x -> t.put(x.level(), x));
    assertEquals(80, t.get("imem").bytesRead(), EPS);
    assertEquals(32, t.get("amem").bytesRead(), EPS);
    assertEquals(36, t.get("amem").bytesWritten(), EPS);
    assertEquals(32, t.get("dram").bytesRead(), EPS);
    assertEquals(4, t.get("tmem").bytesRead(), EPS);
    // thr writes one bit of v3.
    assertEquals(64.125, t.get("vector_registers").bytesWritten(), EPS);
    assertEquals(0.2, t.get("amem").picojoulesPerBitWritten(), EPS);
    assertEquals(512, t.get("vector_registers").sizeBytes());
  }

  @Test
  void baselinesReplaceTheBinaryArithmeticAndWidenTheData() {
    Report r = Small.report();
    Report.Baseline fp32 = r.baselines().get(0);
    assertEquals("fp32", fp32.name());
    assertEquals(256, fp32.macs(), EPS);
    assertEquals(5, fp32.picojoulesPerMac(), EPS);
    assertEquals(1280, fp32.arithmetic(), EPS);
    assertEquals(419.92 * 32, fp32.data(), EPS);
    assertEquals(85.06, fp32.other(), EPS);
    assertEquals(1280 + 419.92 * 32 + 85.06, fp32.total(), EPS);
    assertEquals(fp32.total() / 505.848, fp32.ratio(), EPS);
    Report.Baseline int8 = r.baselines().get(2);
    assertEquals("int_mul[8] + int_add[32]", int8.mac());
    assertEquals(256 * 0.3 + 419.92 * 8 + 85.06, int8.total(), EPS);
    assertEquals(3000, r.ratios().int32MulToBitOp(), EPS);
    assertEquals(4000, r.ratios().fp32MulToBitOp(), EPS);
  }

  @Test
  void cyclesLayersAndLinesComeFromTheCycleModel() {
    Simulator sim = Small.run(1);
    Report r = Small.report();
    assertEquals(sim.timing().cycles(), r.cycles().total(), EPS);
    assertEquals(256, r.cycles().binaryMacs(), EPS);
    assertEquals(1, r.cycles().lowerBound(), EPS);
    assertEquals(
        List.of("(start)", "load", "count"), r.layers().stream().map(Report.Layer::name).toList());
    assertEquals(10, r.layers().stream().mapToDouble(Report.Layer::instructions).sum(), EPS);
    assertEquals(
        r.cycles().total(), r.layers().stream().mapToDouble(Report.Layer::cycles).sum(), EPS);
    assertEquals(
        r.energy().total(), r.layers().stream().mapToDouble(Report.Layer::energy).sum(), EPS);
    // load holds dma.ld and dwait: 315.62 + 6.4.
    assertEquals(322.02, r.layers().get(1).energy(), EPS);
    assertEquals(10, r.lines().size());
    assertEquals("small.s:3", r.lines().get(2).source());
    assertEquals("load", r.lines().get(2).layer());
  }

  @Test
  void layersMayComeFromTheLineTable() throws EnergyException {
    // As a compiler's layersAt would: lines 1-4 are "fc1", 5-7 "fc1" and "bn1" fused, none after.
    Report r =
        ReportBuilder.of(Small.run(1))
            .energy(EnergyModel.of(Small.table(), 45))
            .layers(
                LayerMap.byLines(
                    Small.object(),
                    line ->
                        line <= 4 ? List.of("fc1") : line <= 7 ? List.of("fc1", "bn1") : List.of()))
            .build();
    assertEquals(
        List.of("fc1", "fc1+bn1", LayerMap.UNASSIGNED),
        r.layers().stream().map(Report.Layer::name).toList());
    assertEquals(
        List.of(4.0, 3.0, 3.0), r.layers().stream().map(Report.Layer::instructions).toList());
  }

  @Test
  void networkMacsGivenPerLayerSetTheBoundAndTheBaselines() throws EnergyException {
    // Say the popcount in "count" stands for a 100-input neuron: 100 MACs, not the 256 executed.
    Report r =
        ReportBuilder.of(Small.run(1))
            .energy(EnergyModel.of(Small.table(), 45))
            .networkMacs(Map.of("count", 100L))
            .build();
    assertEquals(256, r.cycles().binaryMacs(), EPS);
    assertEquals(100, r.cycles().networkMacs(), EPS);
    assertEquals(1, r.cycles().lowerBound(), EPS);
    assertEquals(100, r.layers().get(2).networkMacs(), EPS);
    assertEquals(0, r.layers().get(1).networkMacs(), EPS);
    // fp32: 100 x 5 pJ of arithmetic; data and the rest as before.
    assertEquals(500 + 419.92 * 32 + 85.06, r.baselines().get(0).total(), EPS);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReportBuilder.of(Small.run(1))
                    .energy(EnergyModel.of(Small.table(), 45))
                    .networkMacs(Map.of("fc9", 1L))
                    .build());
    assertEquals(
        "network MACs given for layer 'fc9', which no instruction ran in; layers: [(start), load,"
            + " count]",
        e.getMessage());
  }

  @Test
  void manyInferencesAreAveraged() throws EnergyException {
    Report one = Small.report();
    Report three =
        ReportBuilder.of(Small.run(3))
            .program("small.s")
            .energy(EnergyModel.of(Small.table(), 45))
            .inferences(3)
            .build();
    assertEquals(3, three.inferences());
    assertEquals(one.energy().total(), three.energy().total(), EPS);
    assertEquals(one.cycles().total(), three.cycles().total(), EPS);
    assertEquals(one.layers().get(2).cycles(), three.layers().get(2).cycles(), EPS);
  }

  @Test
  void anEventTheTableCannotPriceStopsTheReport() throws EnergyException {
    EnergyTable noWrites =
        EnergyTable.parse(
            "table = reads-only\n"
                + Small.table().entries().stream()
                    .filter(e -> !e.key().startsWith("sram_write"))
                    .map(e -> e.key() + " | " + e.picojoules() + " pJ | 45 nm | cmos | s")
                    .reduce("", (a, b) -> a + b + "\n"),
            "t");
    EnergyException e =
        assertThrows(
            EnergyException.class,
            () -> ReportBuilder.of(Small.run(1)).energy(EnergyModel.of(noWrites, 45)).build());
    assertEquals(
        "energy table 'reads-only' cannot price sram_write_64b[128]: sizes are interpolated"
            + " between two sram_write_64b entries, and it has 0",
        e.getMessage());
  }

  @Test
  void timingMustBeOn() throws Exception {
    Simulator sim = new Simulator(Small.MACHINE, Small.object());
    sim.run(100);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ReportBuilder.of(sim));
    assertEquals("timing is off: call enableTiming() before the first run", e.getMessage());
  }
}
