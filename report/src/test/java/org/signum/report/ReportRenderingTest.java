package org.signum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signum.energy.EnergyModel;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.sim.Simulator;

/** Text, CSV and comparison renderings, and the choice of format by file name. */
class ReportRenderingTest {
  /** Asserts that some line of {@code text} holds exactly these cells, whatever the spacing. */
  static void assertRow(String text, String... cells) {
    String pattern =
        "\\s*"
            + String.join(
                "\\s+", java.util.Arrays.stream(cells).map(java.util.regex.Pattern::quote).toList())
            + "\\s*";
    assertTrue(
        text.lines().anyMatch(l -> l.matches(pattern)),
        () -> "no row " + List.of(cells) + " in\n" + text);
  }

  @Test
  void theTextShowsEverySectionWithItsFigures() {
    String text = ReportText.render(Small.report());
    assertTrue(text.startsWith("Signum report: small.s on machine small, 1 inference"), text);
    assertTrue(text.contains("energy table round at 45 nm"), text);
    assertRow(text, "cycles", "77", "0.154 us at 500 MHz");
    assertRow(text, "static lower bound", "1", "256 binary MACs / 256 per cycle at peak");
    assertRow(text, "dma_wait", "65", "84.4 %");
    assertTrue(text.contains("Energy: 506 pJ"), text);
    assertRow(text, "dma", "307 pJ", "60.7 %");
    assertRow(text, "imem", "8 KiB", "80", "0", "0.100", "0.200", "64.0 pJ");
    assertRow(
        text,
        "fp32",
        "float_mul[32] + float_add[32]",
        "32",
        "1.28 nJ",
        "13.4 nJ",
        "85.1 pJ",
        "14.8 nJ",
        "29.3x");
    assertRow(text, "32-bit integer multiply", "3.00 pJ", "3,000");
    assertRow(text, "small.s:4", "load", "1", "66", "85.7 %");
    assertRow(text, "bit_op", "0.00100", "op", "bit_op");
  }

  @Test
  void theSummaryShowsTimeEnergyInPartsAndTheBaselines() {
    Report r = Small.report();
    assertEquals(
        """
        Time: 77 cycles, 0.154 us at 500 MHz (static lower bound 1 cycle)
        Energy: 506 pJ
          part        energy   share  of which
          compute    1.77 pJ   0.3 %  bit_ops 0.256 pJ, popcount 0.512 pJ, accumulate 0.100 pJ, \
        compare 0.100 pJ, scalar 0.800 pJ
          memory      368 pJ  72.7 %  wmem 25.6 pJ, amem 83.2 pJ, tmem 3.20 pJ, dram 256 pJ
          registers  72.1 pJ  14.2 %  vector_registers 61.5 pJ, scalar_registers 8.96 pJ, \
        accumulators 1.60 pJ
          fetch      64.0 pJ  12.7 %  imem 64.0 pJ
        The same network in conventional arithmetic, same memories
          arithmetic              energy  x binary
          binary (this run)       506 pJ     1.00x
          fp32: 32-bit float     14.8 nJ     29.3x
          int32: 32-bit integer  14.3 nJ     28.3x
          int8: 8-bit integer    3.52 nJ     6.96x
        """,
        ReportText.summary(r));
    // The four parts are the classes regrouped: together they are the whole energy.
    Map<String, Double> byClass = r.energy().byClass();
    double memory = byClass.get("memory") + byClass.get("dma");
    double levels = 0;
    for (String level : List.of("wmem", "amem", "tmem", "dram")) {
      levels += r.energy().byLevel().get(level);
    }
    assertEquals(memory, levels, 1e-9);
    assertEquals(byClass.get("fetch"), r.energy().byLevel().get("imem"), 1e-9);
  }

  @Test
  void csvRowsAreFlatAndQuotedWhereNeeded() throws Exception {
    Report r =
        ReportBuilder.of(Small.run(1))
            .program("a,\"b\"")
            .energy(EnergyModel.of(Small.table(), 45))
            .build();
    String csv = ReportCsv.render(r);
    List<String> lines = csv.lines().toList();
    assertEquals("section,name,metric,value,unit", lines.get(0));
    assertEquals("run,program,name,\"a,\"\"b\"\"\",", lines.get(1));
    assertTrue(lines.contains("energy,total,energy,505.848,pJ"), csv);
    assertTrue(lines.contains("energy_class,dma,energy,307.2,pJ"), csv);
    assertTrue(lines.contains("traffic,amem,written,36,bytes"), csv);
    assertTrue(lines.contains("layer,load,energy,322.02,pJ"), csv);
    assertTrue(lines.contains("stall,dma_wait,cycles,65,cycles"), csv);
    assertTrue(lines.contains("ratio,int32_mul_to_bit_op,ratio,3000,"), csv);
    for (String line : lines) {
      assertTrue(line.startsWith("\"") || line.split(",", -1).length >= 5, line);
    }
  }

  @Test
  void aComparisonShowsDifferencesByLayerAndClass() throws Exception {
    MachineDescription slow = Small.MACHINE.with(MachineParameter.DMA_LATENCY_CYCLES, 200);
    Simulator sim = new Simulator(slow, Small.object());
    sim.enableTiming();
    sim.run(1000);
    Report b =
        ReportBuilder.of(sim).program("small.s").energy(EnergyModel.of(Small.table(), 45)).build();
    String text = ReportComparison.render("a.json", Small.report(), "b.json", b);
    assertTrue(text.startsWith("A: a.json: small.s on machine small, round at 45 nm, 1 inference"));
    assertRow(text, "cycles", "77", "213", "136", "2.77x");
    assertRow(text, "load", "67", "203", "136", "3.03x");
    assertRow(text, "load", "322 pJ", "322 pJ", "0 pJ", "1.00x");
    assertRow(text, "dma", "307 pJ", "307 pJ", "0 pJ", "1.00x");
    assertRow(text, "dma_wait", "65", "201", "136", "3.09x");
    assertRow(text, "dma_latency_cycles", "64", "200");
    assertTrue(text.contains("Cycles by layer\n"), text);
    assertTrue(text.contains("Energy by event class\n"), text);
  }

  @Test
  void theFormatFollowsTheExtension() throws ReportException {
    assertEquals(ReportFormat.JSON, ReportFormat.of(Path.of("r.json")));
    assertEquals(ReportFormat.CSV, ReportFormat.of(Path.of("dir", "R.CSV")));
    assertEquals(ReportFormat.TEXT, ReportFormat.of(Path.of("r.txt")));
    ReportException e =
        assertThrows(ReportException.class, () -> ReportFormat.of(Path.of("r.xml")));
    assertEquals(
        "r.xml: error: a report file must end in .json, .csv or .txt, to choose its format",
        e.getMessage());
  }
}
