package org.signum.isa;

/**
 * The parameters of a machine description, defined once: key, default, range, constraint, unit and
 * meaning. The parser, the validator, {@code docs/machine.md} and the object file's record of the
 * machine all derive from this table.
 *
 * <p>Architectural parameters change what a program means (register counts, widths, memory sizes):
 * an object file records them and the simulator refuses to run it on a machine that differs. Timing
 * parameters change only how long it takes.
 */
public enum MachineParameter {
  VECTOR_WIDTH(
      "vector_width",
      256,
      64,
      4096,
      Constraint.POWER_OF_TWO,
      "bits",
      true,
      "width of a vector register and of every packed-row load, store and popcount"),
  VECTOR_REGISTERS(
      "vector_registers",
      16,
      1,
      32,
      Constraint.NONE,
      "registers",
      true,
      "number of vector registers v0.."),
  SCALAR_REGISTERS(
      "scalar_registers",
      32,
      2,
      32,
      Constraint.NONE,
      "registers",
      true,
      "number of scalar registers r0.. (r0 reads as zero)"),
  ACCUMULATORS(
      "accumulators", 8, 1, 32, Constraint.NONE, "registers", true, "number of accumulators a0.."),
  ACCUMULATOR_WIDTH(
      "accumulator_width",
      32,
      8,
      32,
      Constraint.NONE,
      "bits",
      true,
      "accumulator width; arithmetic wraps modulo 2^width, values read as two's complement"),
  IMEM_WORDS(
      "imem_words",
      65536,
      1,
      1 << 24,
      Constraint.NONE,
      "instructions",
      true,
      "instruction memory size, in 64-bit instruction words"),
  WMEM_BYTES(
      "wmem_bytes",
      256 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      true,
      "weight memory size; 0 means the machine has none"),
  AMEM_BYTES(
      "amem_bytes",
      64 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      true,
      "activation memory size; 0 means the machine has none"),
  TMEM_BYTES(
      "tmem_bytes",
      16 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      true,
      "threshold memory size; 0 means the machine has none"),
  DRAM_BYTES(
      "dram_bytes",
      16 * 1024 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      true,
      "off-chip DRAM size; 0 means the machine has none"),
  DMA_BYTES_PER_CYCLE(
      "dma_bytes_per_cycle",
      16,
      1,
      4096,
      Constraint.NONE,
      "bytes/cycle",
      false,
      "DMA bandwidth between DRAM and on-chip memory"),
  DMA_LATENCY_CYCLES(
      "dma_latency_cycles",
      64,
      0,
      1_000_000,
      Constraint.NONE,
      "cycles",
      false,
      "cycles from a DMA's issue to its first byte"),
  CLOCK_MHZ("clock_mhz", 500, 1, 10_000, Constraint.NONE, "MHz", false, "clock frequency");

  /** Extra validity rules beyond the range. */
  public enum Constraint {
    NONE(""),
    POWER_OF_TWO("a power of two"),
    MULTIPLE_OF_8("a multiple of 8");

    private final String text;

    Constraint(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    boolean accepts(long v) {
      return switch (this) {
        case NONE -> true;
        case POWER_OF_TWO -> v > 0 && (v & (v - 1)) == 0;
        case MULTIPLE_OF_8 -> v % 8 == 0;
      };
    }
  }

  private final String key;
  private final long defaultValue;
  private final long min;
  private final long max;
  private final Constraint constraint;
  private final String unit;
  private final boolean architectural;
  private final String description;

  MachineParameter(
      String key,
      long defaultValue,
      long min,
      long max,
      Constraint constraint,
      String unit,
      boolean architectural,
      String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.constraint = constraint;
    this.unit = unit;
    this.architectural = architectural;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public long defaultValue() {
    return defaultValue;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public Constraint constraint() {
    return constraint;
  }

  public String unit() {
    return unit;
  }

  public boolean architectural() {
    return architectural;
  }

  public String description() {
    return description;
  }

  /** What a valid value is, for error messages and docs. */
  public String expectation() {
    String range = "an integer in [" + min + ", " + max + "]";
    return constraint == Constraint.NONE ? range : range + " and " + constraint.text();
  }

  /** Whether {@code value} is valid for this parameter. */
  public boolean accepts(long value) {
    return value >= min && value <= max && constraint.accepts(value);
  }

  /** The parameter with this key, or null. */
  public static MachineParameter byKey(String key) {
    for (MachineParameter p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    return null;
  }
}
