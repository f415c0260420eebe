package org.signum.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signum.report.ReportComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum compare}: two saved reports side by side. */
@Command(
    name = "compare",
    header = "Show two saved reports side by side.",
    mixinStandardHelpOptions = true,
    description = {
      "Show two reports saved as JSON side by side: cycles, energy and the static bound,",
      "then cycles and energy by layer, energy by event class and level, stalls by cause,",
      "baselines and the machine parameters that differ (B - A and B / A)."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The first report (JSON).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The second report (JSON).")
  Path b;

  @Override
  public Integer call() {
    String text =
        ReportComparison.render(
            a.toString(), ReportCommand.read(a), b.toString(), ReportCommand.read(b));
    Outputs.writeText(spec, null, text);
    return Main.EXIT_OK;
  }
}
