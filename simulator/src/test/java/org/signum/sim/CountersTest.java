package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.DRAM;
import static org.signum.sim.Program.TMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.dma;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rrr;
import static org.signum.sim.Program.thr;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.signum.isa.InsnClass;
import org.signum.isa.Opcode;

class CountersTest {

  /** A dot product of three 256-bit chunks, a threshold, score and row stores, and two DMAs. */
  private static Simulator run() {
    Program p =
        new Program()
            .add(li(2, 3)) //                                    0
            .add(li(6, 0)) //                                    1
            .add(rrr(Opcode.ACLR, 0, 0, 0)) //                   2
            .add(mem(Opcode.VLD, 1, WMEM, 6, 0, true)) //        3  x3
            .add(mem(Opcode.VLD, 2, AMEM, 0, 0, false)) //       4  x3
            .add(rrr(Opcode.XPOPACC, 0, 1, 2)) //                5  x3
            .add(loop(2, 6, 3)) //                               6  x3
            .add(rrr(Opcode.VXNOR, 3, 1, 2)) //                  7
            .add(thr(Opcode.THR, 4, 0, 0, TMEM, 0, 0, false)) // 8
            .add(mem(Opcode.STA, 0, AMEM, 0, 64, false)) //      9
            .add(mem(Opcode.VST, 4, AMEM, 0, 96, false)) //      10
            .add(li(7, 64)) //                                   11
            .add(li(8, 256)) //                                  12
            .add(li(9, 1024)) //                                 13
            .add(dma(Opcode.DMA_LD, WMEM, 0, 512, 8, 7)) //      14
            .add(op(Opcode.DWAIT)) //                            15
            .add(dma(Opcode.DMA_ST, AMEM, 0, 64, 9, 7)) //       16
            .add(mem(Opcode.SW, 2, AMEM, 0, 200, false)) //      17
            .add(mem(Opcode.LW, 5, TMEM, 0, 0, false)) //        18
            .add(op(Opcode.HALT)); //                            19
    return p.load(Program.smallMachine());
  }

  @Test
  void countsMatchAHandCount() {
    Simulator s = run();
    assertEquals(RunResult.Stop.HALTED, s.run(1000).stop());
    Counters c = s.counters();
    assertEquals(3 + 4 * 3 + 13, c.steps());
    assertEquals(c.steps(), c.wordsFetched());
    assertEquals(6, c.executed(Opcode.VLD));
    assertEquals(3, c.executed(Opcode.XPOPACC));
    assertEquals(3, c.executed(Opcode.LOOP));
    assertEquals(1, c.executed(Opcode.HALT));
    assertEquals(0, c.executed(Opcode.VAND));
    assertEquals(5, c.executed(InsnClass.SCALAR_ALU)); // five li
    assertEquals(3, c.executed(InsnClass.BRANCH));
    assertEquals(7, c.executed(InsnClass.VECTOR_MEMORY)); // six vld, one vst
    assertEquals(2, c.executed(InsnClass.SCALAR_MEMORY));
    assertEquals(2, c.executed(InsnClass.THRESHOLD)); // thr, sta
    assertEquals(2, c.executed(InsnClass.DMA));
    assertEquals(2, c.executed(InsnClass.CONTROL)); // dwait, halt
    assertEquals(1, c.executed(InsnClass.ACCUMULATOR_ALU));
    assertEquals(3, c.executed(InsnClass.POPCOUNT));
    assertEquals(1, c.executed(InsnClass.VECTOR_ALU));

    assertEquals(3 * 256, c.bitsRead(WMEM));
    assertEquals(0, c.bitsWritten(WMEM));
    assertEquals(3 * 256, c.bitsRead(AMEM));
    assertEquals(32 + 256 + 32, c.bitsWritten(AMEM)); // sta, vst, sw
    assertEquals(32 + 32, c.bitsRead(TMEM)); // thr, lw
    assertEquals(0, c.bitsWritten(TMEM));
    assertEquals(0, c.bitsRead(DRAM));
    assertEquals(64, c.dmaBytesIn(WMEM));
    assertEquals(0, c.dmaBytesOut(WMEM));
    assertEquals(64, c.dmaBytesOut(AMEM));
    assertEquals(0, c.dmaBytesIn(AMEM));
    assertEquals(64, c.dramBytesRead());
    assertEquals(64, c.dramBytesWritten());
    assertEquals(3 * 256, c.popcountBitOps());
    assertEquals(256, c.vectorBitOps());
  }

  @Test
  void namedCountersForPricing() {
    Simulator s = run();
    s.run(1000);
    Map<String, Long> m = s.counters().asMap();
    assertEquals(28L, m.get("steps"));
    assertEquals(28L, m.get("imem.words_fetched"));
    assertEquals(3L, m.get("insn.xpopacc"));
    assertEquals(1L, m.get("insn.thr"));
    assertEquals(0L, m.get("insn.thr.r"));
    assertEquals(3L, m.get("class.popcount"));
    assertEquals(768L, m.get("wmem.bits_read"));
    assertEquals(320L, m.get("amem.bits_written"));
    assertEquals(64L, m.get("dma.wmem.bytes_in"));
    assertEquals(64L, m.get("dma.amem.bytes_out"));
    assertEquals(64L, m.get("dram.bytes_read"));
    assertEquals(768L, m.get("popcount.bit_ops"));
    assertEquals(256L, m.get("vector.bit_ops"));
    assertEquals(
        2 + Opcode.values().length + InsnClass.values().length + 3 * 2 + 3 * 2 + 2 + 2, m.size());
  }

  @Test
  void snapshotsDoNotChange() {
    Simulator s = run();
    s.run(5);
    Counters before = s.counters();
    s.run(1000);
    assertEquals(5, before.steps());
    assertEquals(28, s.counters().steps());
  }

  @Test
  void dramIsNotADmaEndpointCounter() {
    Counters c = run().counters();
    assertThrows(IllegalArgumentException.class, () -> c.dmaBytesIn(DRAM));
  }
}
