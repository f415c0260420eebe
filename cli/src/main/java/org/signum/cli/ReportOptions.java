package org.signum.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.signum.energy.EnergyException;
import org.signum.energy.EnergyModel;
import org.signum.energy.EnergyTable;
import org.signum.isa.MachineDescription;
import org.signum.report.Report;
import org.signum.report.ReportBuilder;
import org.signum.report.ReportException;
import org.signum.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --report FILE} with the energy table options, shared by every command that runs a program:
 * check them with {@link #validate} before running, turn the simulator's timing on when {@link
 * #requested}, and {@link #write} the report afterwards.
 */
final class ReportOptions {
  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Time the run with the cycle model, price it with the energy model and write the report"
              + " (docs/reports.md) to FILE: .json, .csv or .txt by its extension.")
  Path file;

  @Option(
      names = "--energy-table",
      paramLabel = "FILE",
      description =
          "Energy table for the report (docs/energy-model.md); default: Horowitz, ISSCC 2014,"
              + " 45 nm.")
  Path table;

  @Option(
      names = "--energy-override",
      paramLabel = "FILE",
      description =
          "Energy table entries that replace or add to the table's, in its format; may be"
              + " repeated, later files winning.")
  List<Path> overrides = new ArrayList<>();

  boolean requested() {
    return file != null;
  }

  /** Refuses a report name without a known extension, and energy options without a report. */
  void validate(CommandSpec spec) {
    if (file == null) {
      if (table != null || !overrides.isEmpty()) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--energy-table and --energy-override need --report FILE");
      }
      return;
    }
    try {
      ReportFormat.of(file);
    } catch (ReportException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--report " + e.getMessage());
    }
  }

  /** The energy model these options choose, at the machine's technology node. */
  EnergyModel model(MachineDescription machine) {
    try {
      EnergyTable t = table == null ? EnergyTable.defaults() : EnergyTable.load(table);
      for (Path o : overrides) {
        t = t.withOverrides(EnergyTable.load(o));
      }
      return EnergyModel.of(t, machine.technologyNm());
    } catch (EnergyException e) {
      throw new CliException(e.getMessage());
    }
  }

  /**
   * Prices the run {@code builder} describes with these options' energy model, writes the report to
   * {@link #file} and returns it.
   */
  Report write(ReportBuilder builder, MachineDescription machine) {
    Report r;
    try {
      r = builder.energy(model(machine)).build();
    } catch (EnergyException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
    try {
      String text = ReportFormat.of(file).render(r);
      Outputs.writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (ReportException e) {
      throw new CliException(e.getMessage());
    }
    return r;
  }
}
