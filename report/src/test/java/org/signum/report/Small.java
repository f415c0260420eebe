package org.signum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.ObjectFile;
import org.signum.energy.EnergyException;
import org.signum.energy.EnergyModel;
import org.signum.energy.EnergyTable;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/**
 * A ten-instruction program that causes every kind of event once, on a machine whose memory sizes
 * the {@code round.energy} test table prices exactly: imem, wmem, amem and tmem of 8 KB, a 128-byte
 * scalar file, a 512-byte vector file and a 32-byte accumulator file.
 */
final class Small {
  static final String SOURCE =
      """
              li      r2, 64
              li      r3, 32
      load:   dma.ld  amem[0], r0, r3
              dwait
      count:  vld     v1, wmem[0]
              vld     v2, amem[0]
              xpopacc a0, v1, v2
              thr     v3, r0, a0, tmem[0]
              sta     a0, amem[r2]+
              halt
      """;

  static final MachineDescription MACHINE =
      MachineDescription.defaults()
          .named("small")
          .with(MachineParameter.IMEM_WORDS, 1024)
          .with(MachineParameter.WMEM_BYTES, 8192)
          .with(MachineParameter.AMEM_BYTES, 8192)
          .with(MachineParameter.TMEM_BYTES, 8192)
          .with(MachineParameter.DRAM_BYTES, 4096);

  private Small() {}

  static EnergyTable table() {
    try (InputStream in = Small.class.getResourceAsStream("round.energy")) {
      return EnergyTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "round");
    } catch (IOException | EnergyException e) {
      throw new AssertionError(e);
    }
  }

  static ObjectFile object() {
    AssemblyResult r = new Assembler(MACHINE, List.of()).assembleSource(SOURCE, "small.s");
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    return r.object();
  }

  /** A timed simulator that has run the program {@code runs} times, restarting in between. */
  static Simulator run(int runs) {
    try {
      Simulator sim = new Simulator(MACHINE, object());
      sim.enableTiming();
      for (int i = 0; i < runs; i++) {
        if (i > 0) {
          sim.restart();
        }
        RunResult r = sim.run(1000);
        assertEquals(RunResult.Stop.HALTED, r.stop(), () -> r.trap().message());
      }
      return sim;
    } catch (SimulatorException e) {
      throw new AssertionError(e);
    }
  }

  static Report report() {
    try {
      return ReportBuilder.of(run(1))
          .program("small.s")
          .energy(EnergyModel.of(table(), 45))
          .build();
    } catch (EnergyException e) {
      throw new AssertionError(e);
    }
  }
}
