package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.report.Report;
import org.signum.report.ReportException;
import org.signum.report.ReportJson;

/** {@code signum sim --report}, {@code signum report} and {@code signum compare}. */
class ReportCommandsTest {
  private static final String MLP2 = Path.of("..", "examples", "mlp2.s").toString();

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertNoStackTrace(CliRun r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
  }

  private Report simulate(Path report, String... more) throws ReportException {
    List<String> args =
        new java.util.ArrayList<>(List.of("sim", MLP2, "--report", report.toString()));
    args.addAll(List.of(more));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("report " + report + ": "), r::toString);
    return ReportJson.read(report);
  }

  @Test
  void simWritesTheReportInTheFormatItsNameSays() throws Exception {
    Report json = simulate(tmp.resolve("r.json"));
    assertEquals(MLP2, json.program());
    assertEquals("horowitz-45nm", json.table().name());
    assertEquals(
        List.of("start", "hidden", "output"),
        json.layers().stream().map(Report.Layer::name).toList());
    assertTrue(json.energy().total() > 0);

    Path txt = tmp.resolve("r.txt");
    assertEquals(0, CliRun.of("sim", MLP2, "-q", "--report", txt.toString()).exit());
    assertTrue(Files.readString(txt).startsWith("Signum report: " + MLP2 + " on machine default"));
    Path csv = tmp.resolve("r.csv");
    assertEquals(0, CliRun.of("sim", MLP2, "-q", "--report", csv.toString()).exit());
    assertTrue(Files.readString(csv).startsWith("section,name,metric,value,unit\n"));
  }

  @Test
  void reportRendersASavedReportAgain() throws Exception {
    Path json = tmp.resolve("r.json");
    Report r = simulate(json);
    CliRun text = CliRun.of("report", json.toString());
    assertEquals(0, text.exit(), text::toString);
    assertEquals(org.signum.report.ReportText.render(r), text.out());
    Path csv = tmp.resolve("again.csv");
    assertEquals(0, CliRun.of("report", json.toString(), "-o", csv.toString()).exit());
    assertEquals(org.signum.report.ReportCsv.render(r), Files.readString(csv));
  }

  @Test
  void compareShowsTwoMachinesSideBySide() throws Exception {
    Path a = tmp.resolve("a.json");
    simulate(a);
    Path slow = write("slow.machine", "name = slow\nlatency_vector_memory = 4\n");
    Path b = tmp.resolve("b.json");
    simulate(b, "--machine", slow.toString());
    CliRun r = CliRun.of("compare", a.toString(), b.toString());
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().startsWith("A: " + a + ": " + MLP2 + " on machine default"), r::toString);
    assertTrue(r.out().contains("B: " + b + ": " + MLP2 + " on machine slow"), r::toString);
    assertTrue(r.out().contains("Cycles by layer"), r::toString);
    assertTrue(r.out().contains("Energy by event class"), r::toString);
    assertTrue(r.out().matches("(?s).*\n  latency_vector_memory\\s+2\\s+4\n.*"), r::toString);
  }

  @Test
  void overridesChangeThePrices() throws Exception {
    Report plain = simulate(tmp.resolve("plain.json"));
    Path cheap =
        write(
            "cheap.energy",
            "sram_read_64b[512K] | 1 pJ | 45 nm | cmos | a small instruction buffer\n"
                + "sram_write_64b[512K] | 1 pJ | 45 nm | cmos | a small instruction buffer\n");
    Report over = simulate(tmp.resolve("over.json"), "--energy-override", cheap.toString());
    assertEquals("horowitz-45nm + cheap.energy", over.table().name());
    assertTrue(over.energy().byClass().get("fetch") < plain.energy().byClass().get("fetch") / 50);
    // A new point reshapes the size curve between its neighbours only: tmem (16 KB, between the
    // 8 and 32 KB points) costs the same.
    assertEquals(plain.energy().byLevel().get("tmem"), over.energy().byLevel().get("tmem"));
  }

  @Test
  void badReportOptionsAreUsageErrors() {
    CliRun ext = CliRun.of("sim", MLP2, "--report", tmp.resolve("r.xml").toString());
    assertEquals(2, ext.exit(), ext::toString);
    assertTrue(
        ext.err()
            .contains(
                "--report "
                    + tmp.resolve("r.xml")
                    + ": error: a report file must end in"
                    + " .json, .csv or .txt"),
        ext::toString);
    CliRun alone = CliRun.of("sim", MLP2, "--energy-table", "t.energy");
    assertEquals(2, alone.exit(), alone::toString);
    assertTrue(alone.err().contains("--energy-table and --energy-override need --report FILE"));
  }

  @Test
  void badTablesAndUnpricedEventsAreClearErrors() throws IOException {
    Path bad = write("bad.energy", "table = bad\nbit_op | 1 | 45 nm | cmos | s\n");
    CliRun r =
        CliRun.of(
            "sim",
            MLP2,
            "--report",
            tmp.resolve("r.json").toString(),
            "--energy-table",
            bad.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals(
        bad
            + ":2: error: bit_op: energy: expected a positive number and a unit (fJ, pJ or nJ),"
            + " got '1'\n",
        r.err());
    Path thin = write("thin.energy", "table = thin\nbit_op | 1 fJ | 45 nm | cmos | s\n");
    CliRun u =
        CliRun.of(
            "sim",
            MLP2,
            "--report",
            tmp.resolve("r.json").toString(),
            "--energy-table",
            thin.toString());
    assertEquals(1, u.exit(), u::toString);
    assertTrue(
        u.err().startsWith("signum: error: energy table 'thin' cannot price sram_read_64b[512K]"),
        u::toString);
    assertFalse(Files.exists(tmp.resolve("r.json")));
    assertNoStackTrace(u);
  }

  @Test
  void unreadableReportsNameTheFileAndField() throws IOException {
    Path broken = write("broken.json", "{\"schema\": \"signum-report/1\", \"program\": 3}");
    CliRun r = CliRun.of("report", broken.toString());
    assertEquals(1, r.exit(), r::toString);
    assertEquals(broken + ": error: program: expected a string, got 3\n", r.err());
    Path garbled = write("garbled.json", "{\"schema\": ");
    CliRun g = CliRun.of("compare", garbled.toString(), broken.toString());
    assertEquals(1, g.exit(), g::toString);
    assertEquals(garbled + ":1:12: error: not valid JSON: end of input, at $.schema\n", g.err());
    CliRun missing = CliRun.of("report", tmp.resolve("none.json").toString());
    assertEquals(1, missing.exit(), missing::toString);
    assertTrue(missing.err().startsWith(tmp.resolve("none.json") + ": error: cannot read report"));
    assertNoStackTrace(missing);
  }

  @Test
  void aTrappedRunStillWritesItsReport() throws Exception {
    Path src = write("bad.s", "li r1, 2\nvld v1, wmem[r1]\nhalt\n");
    Path json = tmp.resolve("trap.json");
    CliRun r = CliRun.of("sim", src.toString(), "--report", json.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("trap: misaligned access"), r::toString);
    assertEquals(1, ReportJson.read(json).cycles().total());
  }

  @Test
  void theNewCommandsHaveHelp() {
    for (String cmd : List.of("report", "compare")) {
      CliRun h = CliRun.of(cmd, "--help");
      assertEquals(0, h.exit(), h::toString);
      assertTrue(h.out().contains("Usage: signum " + cmd), h::toString);
    }
    assertTrue(CliRun.of("sim", "--help").out().contains("--report=FILE"));
  }
}
