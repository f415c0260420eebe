package org.signum.report;

import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/**
 * A storage level whose traffic a report counts and prices: the memories, instruction memory and
 * the three register files, each priced as an SRAM of its size.
 */
public enum Level {
  IMEM("imem", "instruction memory"),
  WMEM("wmem", "weight memory"),
  AMEM("amem", "activation memory"),
  TMEM("tmem", "threshold memory"),
  DRAM("dram", "off-chip DRAM"),
  SCALAR_REGISTERS("scalar_registers", "scalar register file"),
  VECTOR_REGISTERS("vector_registers", "vector register file"),
  ACCUMULATORS("accumulators", "accumulator file");

  private final String key;
  private final String description;

  Level(String key, String description) {
    this.key = key;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  /** The level of a memory. */
  public static Level of(MemorySpace m) {
    return switch (m) {
      case WMEM -> WMEM;
      case AMEM -> AMEM;
      case TMEM -> TMEM;
      case DRAM -> DRAM;
    };
  }

  /** Its size in bytes on machine {@code m}: what its SRAM energy is interpolated at. */
  public long bytes(MachineDescription m) {
    return switch (this) {
      case IMEM -> 8L * m.imemWords();
      case WMEM -> m.memoryBytes(MemorySpace.WMEM);
      case AMEM -> m.memoryBytes(MemorySpace.AMEM);
      case TMEM -> m.memoryBytes(MemorySpace.TMEM);
      case DRAM -> m.memoryBytes(MemorySpace.DRAM);
      case SCALAR_REGISTERS -> 4L * m.scalarRegisters();
      case VECTOR_REGISTERS -> (long) m.vectorRegisters() * m.vectorBytes();
      case ACCUMULATORS -> ((long) m.accumulators() * m.accumulatorWidth() + 7) / 8;
    };
  }
}
