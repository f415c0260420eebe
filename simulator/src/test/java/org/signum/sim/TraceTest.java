package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.DRAM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.dma;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rri;
import static org.signum.sim.Program.rrr;
import static org.signum.sim.Program.thr;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;

/**
 * The trace of a small program against a pinned golden. Run with {@code
 * -Dsignum.updateGoldens=true} to rewrite the golden, then review the diff.
 */
class TraceTest {
  private static final String GOLDEN = "trace.golden.jsonl";

  private static MachineDescription machine() {
    return Program.smallMachine()
        .with(MachineParameter.VECTOR_WIDTH, 128)
        .with(MachineParameter.ACCUMULATOR_WIDTH, 16);
  }

  /** Two 128-bit chunks of a dot product, a threshold bit, a score and DMA in and out. */
  static Program program() {
    return new Program()
        .data(WMEM, 0, Rows.bytes(0x00FF_00FF_00FF_00FFL, -1L, 0x0123_4567_89AB_CDEFL, 0))
        .data(AMEM, 0, Rows.bytes(-1L, 0xFFFF_0000_FFFF_0000L))
        .data(TMEM, 0, Rows.bytes(100L))
        .data(DRAM, 0, Rows.bytes(0x1111_2222_3333_4444L))
        .add(li(2, 2)) //                                     0
        .add(mem(Opcode.VLD, 2, AMEM, 0, 0, false)) //        1
        .add(mem(Opcode.VLD, 1, WMEM, 6, 0, true)) //         2
        .add(rrr(Opcode.XPOPACC, 0, 1, 2)) //                 3
        .add(loop(2, 4, 2)) //                                4
        .add(rri(Opcode.ADDI, 4, 0, 129)) //                  5
        .add(thr(Opcode.THR, 3, 4, 0, TMEM, 0, 0, false)) //  6
        .add(mem(Opcode.STA, 0, AMEM, 0, 16, false)) //       7
        .add(li(7, 8)) //                                     8
        .add(dma(Opcode.DMA_LD, AMEM, 0, 24, 0, 7)) //        9
        .add(op(Opcode.DWAIT)) //                             10
        .add(op(Opcode.HALT)) //                              11
        .label("chunk", 2);
  }

  @Test
  void traceMatchesTheGolden() throws IOException {
    StringWriter out = new StringWriter();
    Simulator s = program().load(machine());
    TraceWriter trace = new TraceWriter(out);
    RunResult r = s.run(1000, trace);
    assertEquals(RunResult.Stop.HALTED, r.stop());
    assertNull(trace.error());
    String actual = out.toString();
    if (Boolean.getBoolean("signum.updateGoldens")) {
      Files.writeString(
          Path.of("src/test/resources/org/signum/sim/" + GOLDEN), actual, StandardCharsets.UTF_8);
    }
    try (InputStream in = TraceTest.class.getResourceAsStream(GOLDEN)) {
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
    }
  }

  @Test
  void tracedAndUntracedRunsAgree() {
    Simulator fast = program().load(machine());
    Simulator traced = program().load(machine());
    assertEquals(fast.run(1000), traced.run(1000, new TraceWriter(new StringWriter())));
    assertEquals(fast.counters().asMap(), traced.counters().asMap());
    for (int v = 0; v < 4; v++) {
      assertEquals(
          java.util.Arrays.toString(fast.vector(v)), java.util.Arrays.toString(traced.vector(v)));
    }
  }

  @Test
  void aTrappingInstructionWritesNoLineAndTheTrapIsReturned() {
    StringWriter out = new StringWriter();
    Simulator s =
        new Program().add(li(1, 4)).add(mem(Opcode.VLD, 1, WMEM, 1, 0, false)).load(machine());
    RunResult r = s.run(10, new TraceWriter(out));
    assertEquals(TrapKind.MISALIGNED_ACCESS, r.trap().kind());
    assertEquals(
        "{\"step\":0,\"pc\":0,\"insn\":\"li r1,"
            + " 4\",\"src\":\"t.s:10\",\"writes\":{\"r1\":4},\"mem\":[]}\n",
        out.toString());
  }

  @Test
  void theStepLimitAppliesToTracedRuns() {
    StringWriter out = new StringWriter();
    Simulator s = program().load(machine());
    RunResult r = s.run(3, new TraceWriter(out));
    assertEquals(RunResult.Stop.STEP_LIMIT, r.stop());
    assertEquals(3, out.toString().lines().count());
    assertEquals(RunResult.Stop.HALTED, s.run(1000).stop());
  }

  @Test
  void aFailingWriterIsReportedNotThrown() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] c, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    TraceWriter trace = new TraceWriter(broken);
    Simulator s = program().load(machine());
    assertEquals(RunResult.Stop.HALTED, s.run(1000, trace).stop());
    assertEquals("disk full", trace.error().getMessage());
  }

  @Test
  void stringsAreEscaped() {
    StringBuilder s = new StringBuilder();
    TraceWriter.string(s, "a\"b\\c\nd\te\u0001");
    assertEquals("\"a\\\"b\\\\c\\nd\\te\\u0001\"", s.toString());
  }

  @Test
  void vectorsPrintMostSignificantWordFirst() {
    assertEquals(
        "8000000000000000" + "0000000000000001", TraceWriter.vectorHex(new long[] {1, 1L << 63}));
  }
}
