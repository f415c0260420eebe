package org.signum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON schema, pinned by a golden report of {@link Small}'s program, and every message a saved
 * report that cannot be read gives. To rewrite the golden after a deliberate schema change: {@code
 * mvn -pl report test -Dsignum.updateGoldens=true}, then review the diff and docs/reports.md.
 */
class ReportJsonTest {
  private static final Path GOLDEN =
      Path.of("src", "test", "resources", "org", "signum", "report", "small.report.json");

  @Test
  void theSchemaMatchesTheGolden() throws IOException {
    String json = ReportJson.write(Small.report());
    if (Boolean.getBoolean("signum.updateGoldens")) {
      Files.writeString(GOLDEN, json, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), json);
  }

  @Test
  void aReportReadsBackAsItWasWritten() throws ReportException {
    Report r = Small.report();
    Report back = ReportJson.read(ReportJson.write(r), "r.json");
    assertEquals(ReportJson.write(r), ReportJson.write(back));
    // Written to 12 significant digits: 505.84799999999984 reads back as 505.848.
    assertEquals(505.848, back.energy().total());
    assertEquals(r.layers().size(), back.layers().size());
    assertEquals(r.table().entries().size(), back.table().entries().size());
  }

  private static String golden() {
    return ReportJson.write(Small.report());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"schema\": \"signum-report/1\"|\"schema\": \"signum-report/9\"|r.json: error: schema:"
            + " expected \"signum-report/1\", got \"signum-report/9\"",
        "\"inferences\": 1,|\"inferences\": \"one\",|r.json: error: inferences: expected a number,"
            + " got \"one\"",
        "\"inferences\": 1,|\"inferences\": 1.5,|r.json: error: inferences: expected an integer,"
            + " got 1.5",
        "\"inferences\": 1,|\"inferences\": 0,|r.json: error: inferences: expected an integer of at"
            + " least 1, got 0",
        "\"program\": \"small.s\",|\"program\": 7,|r.json: error: program: expected a string, got 7",
        "\"program\": \"small.s\",|\"prog\": \"small.s\",|r.json: error: program: missing",
        "\"peak_binary_macs_per_cycle\": 256,|\"peak_binary_macs_per_cycle\": null,|r.json:"
            + " error: cycles.peak_binary_macs_per_cycle: expected a number, got null",
        "\"name\": \"count\",|\"name\": [],|r.json: error: layers[2].name: expected a string, got an"
            + " array",
        "\"fetch\": 64,|\"fetch\": true,|r.json: error: energy_pj.by_class.fetch: expected a number,"
            + " got true",
        "\"bytes_read\": 80,|\"bytes_read\": 80,,|r.json:LINE:25: error: not valid JSON:"
            + " malformed JSON, at $.traffic[0].bytes_read",
      })
  void everyBadFieldIsNamedWithItsPath(String from, String to, String message) {
    String json = golden();
    int at = json.indexOf(from);
    assertEquals(true, at >= 0, from);
    String bad = json.substring(0, at) + to + json.substring(at + from.length());
    ReportException e = assertThrows(ReportException.class, () -> ReportJson.read(bad, "r.json"));
    // LINE stands for the line of the change, so the message need not follow the golden's layout.
    long line = json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    assertEquals(message.replace("LINE", Long.toString(line)), e.getMessage());
  }

  @Test
  void somethingThatIsNotAReportIsNamedAsSuch() {
    assertEquals(
        "r.json: error: expected a JSON object, got an array",
        assertThrows(ReportException.class, () -> ReportJson.read("[1, 2]", "r.json"))
            .getMessage());
    assertEquals(
        "r.json:1:13: error: not valid JSON: end of input, at $.schema",
        assertThrows(ReportException.class, () -> ReportJson.read("{\"schema\": 1", "r.json"))
            .getMessage());
    assertEquals(
        "r.json: error: the file is empty, expected a JSON report",
        assertThrows(ReportException.class, () -> ReportJson.read("", "r.json")).getMessage());
  }

  @Test
  void anUnreadableFileIsNamed() {
    Path missing = Path.of("no", "such", "report.json");
    ReportException e = assertThrows(ReportException.class, () -> ReportJson.read(missing));
    assertEquals(true, e.getMessage().startsWith(missing + ": error: cannot read report: "));
  }
}
