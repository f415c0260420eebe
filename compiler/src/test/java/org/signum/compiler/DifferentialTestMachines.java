package org.signum.compiler;

import java.util.Random;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;

/** The machines the differential test draws from: widths, register counts, small wmem. */
final class DifferentialTestMachines {
  private static final int[] WIDTHS = {64, 128, 256, 512, 1024};
  private static final int[] VECTOR_REGISTERS = {4, 5, 8, 16, 32};

  private DifferentialTestMachines() {}

  static MachineDescription machine(Random r) {
    MachineDescription m =
        MachineDescription.defaults()
            .with(MachineParameter.VECTOR_WIDTH, WIDTHS[r.nextInt(WIDTHS.length)])
            .with(
                MachineParameter.VECTOR_REGISTERS,
                VECTOR_REGISTERS[r.nextInt(VECTOR_REGISTERS.length)])
            .with(MachineParameter.ACCUMULATOR_WIDTH, r.nextBoolean() ? 32 : 20)
            .with(MachineParameter.SCALAR_REGISTERS, r.nextBoolean() ? 32 : 16)
            .with(MachineParameter.ACCUMULATORS, r.nextBoolean() ? 8 : 3);
    if (r.nextInt(3) == 0) {
      m = m.with(MachineParameter.WMEM_BYTES, 2048 + 1024 * r.nextInt(4)).named("small-wmem");
    }
    return m;
  }
}
