package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.signum.sim.Program.AMEM;
import static org.signum.sim.Program.WMEM;
import static org.signum.sim.Program.li;
import static org.signum.sim.Program.loop;
import static org.signum.sim.Program.mem;
import static org.signum.sim.Program.op;
import static org.signum.sim.Program.rri;
import static org.signum.sim.Program.rrr;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.signum.isa.Opcode;

/** The untraced loop allocates nothing per executed instruction. */
class AllocationTest {

  /** An XNOR-popcount kernel over four rows, repeated {@code outer} times. */
  private static Simulator kernel(int outer) {
    return new Program()
        .add(li(1, outer)) //                                  0
        .add(li(6, 0)) //                                      1
        .add(li(2, 4)) //                                      2
        .add(mem(Opcode.VLD, 2, AMEM, 0, 0, false)) //         3
        .add(mem(Opcode.VLD, 1, WMEM, 6, 0, true)) //          4
        .add(rrr(Opcode.XPOPACC, 0, 1, 2)) //                  5
        .add(rri(Opcode.ADDI, 3, 3, 1)) //                     6
        .add(loop(2, 7, 4)) //                                 7
        .add(loop(1, 8, 1)) //                                 8
        .add(op(Opcode.HALT)) //                               9
        .load(Program.smallMachine());
  }

  @Test
  void runningAllocatesOnlyTheResult() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    kernel(1000).run(1_000_000);
    Simulator s = kernel(20_000);
    long before = threads.getCurrentThreadAllocatedBytes();
    RunResult r = s.run(10_000_000);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(RunResult.Stop.HALTED, r.stop());
    assertEquals(1 + 20_000 * (3 + 4 * 4 + 1) + 1, r.steps());
    assertTrue(allocated < 4096, allocated + " bytes allocated for " + r.steps() + " steps");
  }
}
