package org.signum.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.OutputFile;
import org.signum.report.Report;
import org.signum.report.ReportBuilder;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;
import org.signum.sim.TraceWriter;
import org.signum.sim.Trap;
import org.signum.sim.io.DataFileException;
import org.signum.sim.io.MemorySpec;
import org.signum.sim.io.MemoryTransfer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum sim}: runs a program on the bit-accurate simulator. */
@Command(
    name = "sim",
    header = "Run a program on the simulator and report what it did.",
    mixinStandardHelpOptions = true,
    description = {
      "Run PROGRAM (assembly source .s, or an object file) on the simulator and report",
      "how it stopped, the instructions executed by class and the bits moved per memory.",
      "--report FILE also times the run and prices its energy (docs/reports.md).",
      "A trap or the step limit exits with 1 after writing the requested outputs."
    })
final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MachineOption machine;
  @Mixin ReportOptions report;

  @Parameters(index = "0", paramLabel = "PROGRAM", description = "Assembly source or object file.")
  Path program;

  @Option(
      names = "-I",
      paramLabel = "DIR",
      description = "Include directory, when PROGRAM is assembly source.")
  List<Path> includeDirs = new ArrayList<>();

  @Option(
      names = "--load",
      paramLabel = "MEM:ADDR=FILE",
      description =
          "Load FILE (raw bytes, or a NumPy .npy array's data) into MEM (wmem, amem, tmem, dram)"
              + " at byte ADDR before running; MEM:ADDR:LEN=FILE also checks the length.")
  List<String> loads = new ArrayList<>();

  @Option(
      names = "--dump",
      paramLabel = "MEM:ADDR[:LEN]=FILE",
      description =
          "After the run, write LEN bytes of MEM from ADDR (default: to the end of MEM) to FILE;"
              + " a .npy name gives a uint8 array, anything else raw bytes.")
  List<String> dumps = new ArrayList<>();

  @Option(
      names = "--dump-registers",
      paramLabel = "FILE",
      description = "After the run, write pc, scalar registers, accumulators and vectors as JSON.")
  Path registersFile;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description = "Write a JSON Lines trace, one object per instruction (docs/simulator.md).")
  Path traceFile;

  @Option(
      names = "--max-steps",
      paramLabel = "N",
      defaultValue = "100000000",
      description = "Stop after N instructions (default: ${DEFAULT-VALUE}).")
  long maxSteps;

  @Option(
      names = "--stats",
      paramLabel = "FILE",
      description = "Write the outcome and every counter as JSON.")
  Path statsFile;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    if (maxSteps <= 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-steps must be a positive number, got " + maxSteps);
    }
    List<MemorySpec> loadSpecs = parseSpecs(loads, "--load");
    List<MemorySpec> dumpSpecs = parseSpecs(dumps, "--dump");
    report.validate(spec);
    MachineDescription m = machine.load();
    ObjectFile object = Programs.load(spec, m, program, includeDirs);
    Simulator sim = Programs.simulator(m, object, program);
    if (report.requested()) {
      sim.enableTiming();
    }
    for (MemorySpec s : loadSpecs) {
      try {
        MemoryTransfer.load(sim, s);
      } catch (DataFileException e) {
        throw new CliException("signum: error: " + e.getMessage());
      }
    }
    RunResult result = traceFile == null ? sim.run(maxSteps) : runTraced(sim);
    for (MemorySpec s : dumpSpecs) {
      try {
        MemoryTransfer.dump(sim, s);
      } catch (DataFileException e) {
        throw new CliException("signum: error: " + e.getMessage());
      }
    }
    if (registersFile != null) {
      Outputs.writeBytes(
          registersFile, Json.write(registers(sim)).getBytes(StandardCharsets.UTF_8));
    }
    if (statsFile != null) {
      Outputs.writeBytes(
          statsFile, Json.write(stats(m, result, sim)).getBytes(StandardCharsets.UTF_8));
    }
    Report written =
        report.requested()
            ? report.write(ReportBuilder.of(sim).program(program.toString()), m)
            : null;
    PrintWriter out = spec.commandLine().getOut();
    if (!quiet) {
      out.println(program + ": " + outcome(result, sim));
      out.println(CounterReport.machineLine(m));
      CounterReport.print(out, sim.counters());
      if (written != null) {
        out.printf(
            "report %s: %s cycles (%s us at %d MHz), %s pJ, table %s at %d nm%n",
            report.file,
            String.format(Locale.ROOT, "%,.0f", written.cycles().total()),
            String.format(Locale.ROOT, "%.3f", written.cycles().microseconds()),
            written.cycles().clockMhz(),
            String.format(Locale.ROOT, "%,.1f", written.energy().total()),
            written.table().name(),
            written.table().nodeNm());
      }
      out.flush();
    }
    if (result.stop() != RunResult.Stop.HALTED) {
      spec.commandLine().getErr().println(result.trap().message());
      return Main.EXIT_FAILURE;
    }
    return Main.EXIT_OK;
  }

  private RunResult runTraced(Simulator sim) {
    Path dir = traceFile.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = OutputFile.temporaryBeside(traceFile);
      RunResult r;
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8),
              1 << 16)) {
        TraceWriter trace = new TraceWriter(w);
        r = sim.run(maxSteps, trace);
        trace.flush();
        if (trace.error() != null) {
          throw trace.error();
        }
      }
      Files.move(tmp, traceFile, StandardCopyOption.REPLACE_EXISTING);
      return r;
    } catch (IOException e) {
      throw new CliException(
          "signum: error: cannot write trace " + traceFile + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Only a leftover hidden temporary file; the trace itself was written or reported.
        }
      }
    }
  }

  private static List<MemorySpec> parseSpecs(List<String> specs, String option) {
    List<MemorySpec> out = new ArrayList<>();
    for (String s : specs) {
      try {
        out.add(MemorySpec.parse(s));
      } catch (DataFileException e) {
        throw new CliException("signum: error: " + option + " " + e.getMessage());
      }
    }
    return out;
  }

  static String outcome(RunResult r, Simulator sim) {
    long steps = sim.counters().steps();
    return switch (r.stop()) {
      case HALTED -> String.format("halted after %,d instructions (pc %d)", steps, sim.pc());
      case TRAPPED -> String.format("trapped after %,d instructions (pc %d)", steps, r.trap().pc());
      case STEP_LIMIT -> String.format("stopped at the step limit after %,d instructions", steps);
    };
  }

  private static Map<String, Object> registers(Simulator sim) {
    MachineDescription m = sim.machine();
    Map<String, Object> regs = new LinkedHashMap<>();
    regs.put("pc", sim.pc());
    for (int i = 0; i < m.scalarRegisters(); i++) {
      regs.put("r" + i, sim.scalar(i));
    }
    for (int i = 0; i < m.accumulators(); i++) {
      regs.put("a" + i, sim.accumulator(i));
    }
    for (int i = 0; i < m.vectorRegisters(); i++) {
      regs.put("v" + i, TraceWriter.vectorHex(sim.vector(i)));
    }
    return regs;
  }

  private Map<String, Object> stats(MachineDescription m, RunResult r, Simulator sim) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("program", program.toString());
    s.put("machine", m.name());
    s.put("stop", r.stop().name().toLowerCase());
    s.put("pc", sim.pc());
    Trap t = r.trap();
    if (t != null) {
      Map<String, Object> trap = new LinkedHashMap<>();
      trap.put("kind", t.kind().name().toLowerCase());
      trap.put("pc", t.pc());
      trap.put("instruction", t.instruction());
      trap.put("source", t.source());
      trap.put("step", t.step());
      trap.put("detail", t.detail());
      s.put("trap", trap);
    } else {
      s.put("trap", null);
    }
    s.put("counters", sim.counters().asMap());
    return s;
  }
}
