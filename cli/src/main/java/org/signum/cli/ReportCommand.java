package org.signum.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.signum.report.Report;
import org.signum.report.ReportException;
import org.signum.report.ReportFormat;
import org.signum.report.ReportJson;
import org.signum.report.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code signum report}: renders a saved JSON report again. */
@Command(
    name = "report",
    header = "Render a saved JSON report as text, CSV or JSON.",
    mixinStandardHelpOptions = true,
    description = {
      "Render a report saved as JSON (by 'signum sim --report FILE.json') as text,",
      "or with -o as text, CSV or JSON by the output's extension."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A report saved as JSON.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (.txt, .csv or .json) instead of printing text.")
  Path output;

  @Override
  public Integer call() {
    Report r = read(input);
    if (output == null) {
      Outputs.writeText(spec, null, ReportText.render(r));
      return Main.EXIT_OK;
    }
    try {
      String text = ReportFormat.of(output).render(r);
      Outputs.writeBytes(output, text.getBytes(StandardCharsets.UTF_8));
    } catch (ReportException e) {
      throw new CliException(e.getMessage());
    }
    return Main.EXIT_OK;
  }

  static Report read(Path file) {
    try {
      return ReportJson.read(file);
    } catch (ReportException e) {
      throw new CliException(e.getMessage());
    }
  }
}
