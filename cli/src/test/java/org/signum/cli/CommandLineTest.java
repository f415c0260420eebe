package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.signum.asm.ObjectFile;
import org.signum.asm.ObjectFileException;
import org.signum.asm.ObjectFileReader;
import org.signum.isa.IsaReference;
import org.signum.isa.MachineDescription;

/** The `signum` command through picocli's execute, with captured output and exit codes. */
class CommandLineTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private static void assertNoStackTrace(CliRun r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r::toString);
  }

  @Test
  void versionAndHelp() {
    CliRun v = CliRun.of("--version");
    assertEquals(0, v.exit(), v::toString);
    assertTrue(v.out().startsWith("signum "), v::toString);
    for (String cmd : List.of("asm", "disasm", "sim", "isa", "machine", "demo")) {
      CliRun h = CliRun.of(cmd, "--help");
      assertEquals(0, h.exit(), h::toString);
      assertTrue(h.out().contains("Usage: signum " + cmd), h::toString);
    }
  }

  @Test
  void usageErrorsExitWithTwo() {
    CliRun none = CliRun.of();
    assertEquals(2, none.exit(), none::toString);
    assertTrue(none.err().contains("Usage: signum"), none::toString);
    CliRun unknown = CliRun.of("sim", EXAMPLES.resolve("dot.s").toString(), "--bogus");
    assertEquals(2, unknown.exit(), unknown::toString);
    assertTrue(unknown.err().contains("Unknown option: '--bogus'"), unknown::toString);
    CliRun missing = CliRun.of("asm");
    assertEquals(2, missing.exit(), missing::toString);
    assertTrue(missing.err().contains("Missing required parameter: 'SOURCE'"), missing::toString);
    CliRun steps = CliRun.of("sim", EXAMPLES.resolve("dot.s").toString(), "--max-steps", "0");
    assertEquals(2, steps.exit(), steps::toString);
    assertTrue(steps.err().contains("--max-steps must be a positive number"), steps::toString);
  }

  @Test
  void assembleDisassembleAndReassemble() throws IOException {
    Path obj = tmp.resolve("fc.sgo");
    CliRun asm = CliRun.of("asm", EXAMPLES.resolve("fc.s").toString(), "-o", obj.toString());
    assertEquals(0, asm.exit(), asm::toString);
    assertTrue(asm.out().contains("instructions -> " + obj), asm::toString);
    Path dis = tmp.resolve("fc.dis.s");
    CliRun d = CliRun.of("disasm", obj.toString(), "-o", dis.toString());
    assertEquals(0, d.exit(), d::toString);
    Path obj2 = tmp.resolve("fc2.sgo");
    CliRun again = CliRun.of("asm", dis.toString(), "-o", obj2.toString());
    assertEquals(0, again.exit(), again::toString);
    // Identical code, data and entry; symbols and the line table differ with the source.
    ObjectFile first = read(obj);
    ObjectFile second = read(obj2);
    assertArrayEquals(first.code(), second.code());
    assertEquals(first.data(), second.data());
    assertEquals(first.entry(), second.entry());
    CliRun listing = CliRun.of("disasm", "--listing", obj.toString());
    assertEquals(0, listing.exit(), listing::toString);
    assertTrue(listing.out().contains("fc.s:"), listing::toString);
  }

  private static ObjectFile read(Path p) {
    try {
      return ObjectFileReader.read(p);
    } catch (ObjectFileException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  @Test
  void assemblerErrorsArePrintedWithPositionAndCaret() throws IOException {
    Path src = write("bad.s", "start: li r1, 5\n       xnorr v1, v2, v3\n       halt\n");
    Path obj = tmp.resolve("bad.sgo");
    CliRun r = CliRun.of("asm", src.toString(), "-o", obj.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(
        r.err().contains(src + ":2:8: error: unknown mnemonic 'xnorr', did you mean 'vxnor'?"),
        r::toString);
    assertTrue(r.err().contains("       xnorr v1, v2, v3\n       ^"), r::toString);
    assertTrue(r.err().contains("1 error"), r::toString);
    assertFalse(Files.exists(obj), "no object file is written for a failed assembly");
    assertNoStackTrace(r);
  }

  @Test
  void corruptObjectFilesAndMissingFilesAreClearErrors() throws IOException {
    Path junk = tmp.resolve("junk.sgo");
    Files.write(junk, new byte[] {1, 2, 3});
    CliRun r = CliRun.of("disasm", junk.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("signum: error: " + junk), r::toString);
    assertNoStackTrace(r);
    CliRun missing = CliRun.of("sim", tmp.resolve("nothing.sgo").toString());
    assertEquals(1, missing.exit(), missing::toString);
    assertTrue(missing.err().contains("nothing.sgo"), missing::toString);
    assertNoStackTrace(missing);
  }

  @Test
  void simulateWithStatsTraceAndDumps() throws IOException {
    Path stats = tmp.resolve("stats.json");
    Path trace = tmp.resolve("trace.jsonl");
    Path dump = tmp.resolve("result.bin");
    Path regs = tmp.resolve("regs.json");
    CliRun r =
        CliRun.of(
            "sim",
            EXAMPLES.resolve("dot.s").toString(),
            "--stats",
            stats.toString(),
            "--trace",
            trace.toString(),
            "--dump-registers",
            regs.toString(),
            "--dump",
            "amem:0:8=" + dump);
    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("halted after"), r::toString);
    assertTrue(r.out().contains("popcount"), r::toString);
    String json = Files.readString(stats);
    assertTrue(json.contains("\"stop\": \"halted\""), json);
    assertTrue(json.contains("\"insn.xpopacc\": 2"), json);
    List<String> lines = Files.readAllLines(trace);
    long steps = Long.parseLong(json.replaceAll("(?s).*\"steps\": (\\d+).*", "$1"));
    assertEquals(steps, lines.size());
    assertTrue(lines.get(0).startsWith("{\"step\":"), lines.get(0));
    assertEquals(8, Files.size(dump));
    assertTrue(Files.readString(regs).contains("\"a1\": "), Files.readString(regs));
  }

  @Test
  void loadedInputsChangeTheResult() throws IOException {
    Path src =
        write(
            "sum.s",
            "li r1, 0\nlw r2, amem[r1]\nlw r3, amem[r1 + 4]\nadd r4, r2, r3\n"
                + "sw r4, amem[8]\nhalt\n");
    Path in = tmp.resolve("in.bin");
    Files.write(in, new byte[] {5, 0, 0, 0, 7, 0, 0, 0});
    Path out = tmp.resolve("out.bin");
    CliRun r =
        CliRun.of(
            "sim", src.toString(), "-q", "--load", "amem:0=" + in, "--dump", "amem:8:4=" + out);
    assertEquals(0, r.exit(), r::toString);
    assertEquals("", r.out());
    byte[] result = Files.readAllBytes(out);
    assertEquals(12, result[0]);
  }

  @Test
  void trapsAndStepLimitsExitWithOneAndSayWhere() throws IOException {
    Path src = write("trap.s", "li r1, 12\nvld v1, wmem[r1]\nhalt\n");
    CliRun r = CliRun.of("sim", src.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("trap: misaligned access"), r::toString);
    assertTrue(r.err().contains("at pc 1: vld v1, wmem[r1]"), r::toString);
    assertTrue(r.err().contains(src + ":2"), r::toString);
    Path spin = write("spin.s", "top: j top\n");
    CliRun s = CliRun.of("sim", spin.toString(), "--max-steps", "1000");
    assertEquals(1, s.exit(), s::toString);
    assertTrue(s.out().contains("stopped at the step limit after 1,000 instructions"), s::toString);
    assertNoStackTrace(s);
  }

  @Test
  void badLoadSpecsAndMachineFilesAreClearErrors() throws IOException {
    CliRun r = CliRun.of("sim", EXAMPLES.resolve("dot.s").toString(), "--load", "qmem:0=x");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("unknown memory 'qmem'"), r::toString);
    Path machine = write("m.machine", "vector_width = 100\n");
    CliRun m = CliRun.of("machine", "--machine", machine.toString());
    assertEquals(1, m.exit(), m::toString);
    assertTrue(
        m.err().contains(machine + ":1: error: vector_width: expected an integer in [64, 4096]"),
        m::toString);
    assertNoStackTrace(m);
  }

  @Test
  void anOutputThatCannotBeWrittenIsAClearErrorAndLeavesNothingBehind() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("out"));
    CliRun r = CliRun.of("asm", EXAMPLES.resolve("dot.s").toString(), "-o", dir.toString());
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("signum: error: " + dir + ": cannot write"), r::toString);
    assertTrue(Files.isDirectory(dir));
    try (var left = Files.list(tmp)) {
      assertEquals(List.of(dir), left.toList(), "no temporary file is left behind");
    }
    assertNoStackTrace(r);
  }

  @Test
  void objectBuiltForAnotherMachineIsRefused() throws IOException {
    Path wide = write("wide.machine", "vector_width = 512\n");
    Path obj = tmp.resolve("dot.sgo");
    CliRun asm =
        CliRun.of(
            "asm",
            EXAMPLES.resolve("dot.s").toString(),
            "--machine",
            wide.toString(),
            "-o",
            obj.toString());
    assertEquals(0, asm.exit(), asm::toString);
    CliRun sim = CliRun.of("sim", obj.toString());
    assertEquals(1, sim.exit(), sim::toString);
    assertTrue(
        sim.err().contains("vector_width: object file built for 512, machine has 256"),
        sim::toString);
    CliRun ok = CliRun.of("sim", obj.toString(), "--machine", wide.toString(), "-q");
    assertEquals(0, ok.exit(), ok::toString);
  }

  @Test
  void referencesAndMachinePrintTheGeneratedText() throws IOException {
    assertEquals(IsaReference.isaMarkdown(), CliRun.of("isa").out());
    assertEquals(IsaReference.machineMarkdown(), CliRun.of("isa", "--machine-doc").out());
    assertEquals(MachineDescription.defaults().toText(), CliRun.of("machine").out());
    Path out = tmp.resolve("isa.md");
    assertEquals(0, CliRun.of("isa", "-o", out.toString()).exit());
    assertEquals(IsaReference.isaMarkdown(), Files.readString(out));
  }
}
