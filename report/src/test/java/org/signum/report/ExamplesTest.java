package org.signum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.sim.Counters;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;

/**
 * Every bundled example, reported with the default table: the traffic the report prices is the
 * traffic the simulator's counters count, and layers and lines add up to the totals.
 */
class ExamplesTest {
  private static final double EPS = 1e-6;

  @ParameterizedTest
  @ValueSource(strings = {"dot.s", "fc.s", "mlp2.s"})
  void theReportAgreesWithTheCountersAndAddsUp(String example) throws Exception {
    for (int width : new int[] {256, 1024}) {
      MachineDescription m =
          MachineDescription.defaults().with(MachineParameter.VECTOR_WIDTH, width);
      AssemblyResult a = new Assembler(m, List.of()).assemble(Path.of("..", "examples", example));
      assertTrue(a.ok(), () -> a.diagnostics().toString());
      Simulator sim = new Simulator(m, a.object());
      sim.enableTiming();
      assertEquals(RunResult.Stop.HALTED, sim.run(1_000_000).stop());
      Report r = ReportBuilder.of(sim).program(example).build();
      Counters c = sim.counters();

      Map<String, Report.Traffic> t = new HashMap<>();
      r.traffic().forEach(x -> t.put(x.level(), x));
      assertEquals(c.wordsFetched() * 8, t.get("imem").bytesRead(), EPS);
      for (MemorySpace s : List.of(MemorySpace.WMEM, MemorySpace.AMEM, MemorySpace.TMEM)) {
        assertEquals(
            c.bitsRead(s) / 8.0 + c.dmaBytesOut(s), t.get(s.assemblyName()).bytesRead(), EPS);
        assertEquals(
            c.bitsWritten(s) / 8.0 + c.dmaBytesIn(s), t.get(s.assemblyName()).bytesWritten(), EPS);
      }
      assertEquals(c.dramBytesRead(), t.get("dram").bytesRead(), EPS);
      assertEquals(c.popcountBitOps(), r.cycles().binaryMacs(), EPS);
      assertEquals(sim.timing().cycles(), r.cycles().total(), EPS);

      assertEquals(c.steps(), sum(r.layers(), Report.Layer::instructions), EPS);
      assertEquals(r.cycles().total(), sum(r.layers(), Report.Layer::cycles), EPS);
      assertEquals(
          r.energy().total(), sum(r.layers(), Report.Layer::energy), 1e-9 * r.energy().total());
      assertEquals(c.steps(), sum(r.lines(), Report.Line::instructions), EPS);
      assertEquals(r.cycles().total(), sum(r.lines(), Report.Line::cycles), EPS);
      double byClass =
          r.energy().byClass().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(r.energy().total(), byClass, 1e-9 * r.energy().total());
      double byRole = r.energy().byRole().values().stream().mapToDouble(Double::doubleValue).sum();
      assertEquals(r.energy().total(), byRole, 1e-9 * r.energy().total());
    }
  }

  private static <T> double sum(List<T> items, java.util.function.ToDoubleFunction<T> f) {
    return items.stream().mapToDouble(f).sum();
  }
}
