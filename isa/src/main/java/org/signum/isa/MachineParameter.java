package org.signum.isa;

/**
 * The parameters of a machine description, defined once: key, default, range, constraint, unit and
 * meaning. The parser, the validator, {@code docs/machine.md} and the object file's record of the
 * machine all derive from this table.
 *
 * <p>Architectural parameters change what a program means (register counts, widths, memory sizes):
 * an object file records them and the simulator refuses to run it on a machine that differs. Timing
 * parameters change only how long it takes, energy parameters only what it costs.
 */
public enum MachineParameter {
  VECTOR_WIDTH(
      "vector_width",
      256,
      64,
      4096,
      Constraint.POWER_OF_TWO,
      "bits",
      Kind.ARCHITECTURAL,
      "width of a vector register and of every packed-row load, store and popcount"),
  VECTOR_REGISTERS(
      "vector_registers",
      16,
      1,
      32,
      Constraint.NONE,
      "registers",
      Kind.ARCHITECTURAL,
      "number of vector registers v0.."),
  SCALAR_REGISTERS(
      "scalar_registers",
      32,
      2,
      32,
      Constraint.NONE,
      "registers",
      Kind.ARCHITECTURAL,
      "number of scalar registers r0.. (r0 reads as zero)"),
  ACCUMULATORS(
      "accumulators",
      8,
      1,
      32,
      Constraint.NONE,
      "registers",
      Kind.ARCHITECTURAL,
      "number of accumulators a0.."),
  ACCUMULATOR_WIDTH(
      "accumulator_width",
      32,
      8,
      32,
      Constraint.NONE,
      "bits",
      Kind.ARCHITECTURAL,
      "accumulator width; arithmetic wraps modulo 2^width, values read as two's complement"),
  IMEM_WORDS(
      "imem_words",
      65536,
      1,
      1 << 24,
      Constraint.NONE,
      "instructions",
      Kind.ARCHITECTURAL,
      "instruction memory size, in 64-bit instruction words"),
  WMEM_BYTES(
      "wmem_bytes",
      256 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      Kind.ARCHITECTURAL,
      "weight memory size; 0 means the machine has none"),
  AMEM_BYTES(
      "amem_bytes",
      64 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      Kind.ARCHITECTURAL,
      "activation memory size; 0 means the machine has none"),
  TMEM_BYTES(
      "tmem_bytes",
      16 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      Kind.ARCHITECTURAL,
      "threshold memory size; 0 means the machine has none"),
  DRAM_BYTES(
      "dram_bytes",
      16 * 1024 * 1024,
      0,
      1 << 30,
      Constraint.MULTIPLE_OF_8,
      "bytes",
      Kind.ARCHITECTURAL,
      "off-chip DRAM size; 0 means the machine has none"),
  DMA_BYTES_PER_CYCLE(
      "dma_bytes_per_cycle",
      16,
      1,
      4096,
      Constraint.NONE,
      "bytes/cycle",
      Kind.TIMING,
      "DMA bandwidth between DRAM and on-chip memory"),
  DMA_LATENCY_CYCLES(
      "dma_latency_cycles",
      64,
      0,
      1_000_000,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from a DMA's issue to its first byte"),
  CLOCK_MHZ("clock_mhz", 500, 1, 10_000, Constraint.NONE, "MHz", Kind.TIMING, "clock frequency"),
  DATAPATH_WIDTH(
      "datapath_width",
      256,
      8,
      4096,
      Constraint.POWER_OF_TWO,
      "bits/beat",
      Kind.TIMING,
      "bits the vector ALU and each XNOR-popcount unit process per cycle; an instruction on a wider"
          + " vector register takes vector_width / datapath_width beats"),
  POPCOUNT_UNITS(
      "popcount_units",
      1,
      1,
      64,
      Constraint.NONE,
      "units",
      Kind.TIMING,
      "XNOR-popcount units working in parallel; popacc, xpopacc and apopacc each occupy one for"
          + " their beats"),
  LATENCY_SCALAR_ALU(
      "latency_scalar_alu",
      1,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class scalar_alu until one that reads its result"
          + " may issue"),
  LATENCY_BRANCH(
      "latency_branch",
      1,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class branch until one that reads its result"
          + " may issue"),
  LATENCY_SCALAR_MEMORY(
      "latency_scalar_memory",
      2,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class scalar_memory until one that reads its result"
          + " may issue"),
  LATENCY_VECTOR_MEMORY(
      "latency_vector_memory",
      2,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class vector_memory until one that reads its result"
          + " may issue"),
  LATENCY_VECTOR_ALU(
      "latency_vector_alu",
      1,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class vector_alu until one that reads its result"
          + " may issue"),
  LATENCY_POPCOUNT(
      "latency_popcount",
      2,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class popcount until one that reads its result"
          + " may issue"),
  LATENCY_ACCUMULATOR_ALU(
      "latency_accumulator_alu",
      1,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class accumulator_alu until one that reads its result"
          + " may issue"),
  LATENCY_THRESHOLD(
      "latency_threshold",
      2,
      1,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "cycles from the last beat of an instruction of class threshold until one that reads its result"
          + " may issue"),
  BRANCH_PENALTY(
      "branch_penalty",
      1,
      0,
      64,
      Constraint.NONE,
      "cycles",
      Kind.TIMING,
      "idle issue cycles after a taken branch, jump or loop before its target issues"),
  WMEM_PORTS(
      "wmem_ports",
      1,
      1,
      16,
      Constraint.NONE,
      "ports",
      Kind.TIMING,
      "weight-memory ports for instruction accesses; each access holds one port"),
  WMEM_PORT_WIDTH(
      "wmem_port_width",
      256,
      32,
      4096,
      Constraint.POWER_OF_TWO,
      "bits/cycle",
      Kind.TIMING,
      "bits one weight-memory port moves per cycle; a wider row holds it for several cycles"),
  AMEM_PORTS(
      "amem_ports",
      1,
      1,
      16,
      Constraint.NONE,
      "ports",
      Kind.TIMING,
      "activation-memory ports for instruction accesses; each access holds one port"),
  AMEM_PORT_WIDTH(
      "amem_port_width",
      256,
      32,
      4096,
      Constraint.POWER_OF_TWO,
      "bits/cycle",
      Kind.TIMING,
      "bits one activation-memory port moves per cycle; a wider row holds it for several cycles"),
  TMEM_PORTS(
      "tmem_ports",
      1,
      1,
      16,
      Constraint.NONE,
      "ports",
      Kind.TIMING,
      "threshold-memory ports for instruction accesses; each access holds one port"),
  TMEM_PORT_WIDTH(
      "tmem_port_width",
      64,
      32,
      4096,
      Constraint.POWER_OF_TWO,
      "bits/cycle",
      Kind.TIMING,
      "bits one threshold-memory port moves per cycle; a wider row holds it for several cycles"),
  DMA_OVERLAP(
      "dma_overlap",
      1,
      0,
      1,
      Constraint.NONE,
      "0 or 1",
      Kind.TIMING,
      "1: instructions keep issuing while a DMA transfer runs, until a dwait; 0: dma.ld and"
          + " dma.st hold issue until their transfer completes"),
  TECHNOLOGY_NM(
      "technology_nm",
      45,
      1,
      1000,
      Constraint.NONE,
      "nm",
      Kind.ENERGY,
      "technology node the energy table is scaled to (docs/energy-model.md)");

  /**
   * What a parameter changes. Only architectural parameters are recorded in object files, so adding
   * a timing or energy parameter keeps every existing object file valid.
   */
  public enum Kind {
    /** What a program means: register counts, widths, memory sizes. */
    ARCHITECTURAL("architectural"),
    /** How many cycles a program takes, never its results. */
    TIMING("timing"),
    /** What a run's events cost, never its results or cycles. */
    ENERGY("energy");

    private final String text;

    Kind(String text) {
      this.text = text;
    }

    /** The kind as the machine reference names it. */
    public String text() {
      return text;
    }
  }

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
  private final Kind kind;
  private final String description;

  MachineParameter(
      String key,
      long defaultValue,
      long min,
      long max,
      Constraint constraint,
      String unit,
      Kind kind,
      String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.constraint = constraint;
    this.unit = unit;
    this.kind = kind;
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

  public Kind kind() {
    return kind;
  }

  /** Whether this parameter changes what a program means, so object files record it. */
  public boolean architectural() {
    return kind == Kind.ARCHITECTURAL;
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

  /**
   * The latency parameter of an instruction class; null for {@code control} and {@code dma}, which
   * write no register.
   */
  public static MachineParameter latencyOf(InsnClass c) {
    return switch (c) {
      case SCALAR_ALU -> LATENCY_SCALAR_ALU;
      case BRANCH -> LATENCY_BRANCH;
      case SCALAR_MEMORY -> LATENCY_SCALAR_MEMORY;
      case VECTOR_MEMORY -> LATENCY_VECTOR_MEMORY;
      case VECTOR_ALU -> LATENCY_VECTOR_ALU;
      case POPCOUNT -> LATENCY_POPCOUNT;
      case ACCUMULATOR_ALU -> LATENCY_ACCUMULATOR_ALU;
      case THRESHOLD -> LATENCY_THRESHOLD;
      case CONTROL, DMA -> null;
    };
  }

  /** The port-count parameter of an on-chip memory. */
  public static MachineParameter portsOf(MemorySpace m) {
    return switch (m) {
      case WMEM -> WMEM_PORTS;
      case AMEM -> AMEM_PORTS;
      case TMEM -> TMEM_PORTS;
      case DRAM -> throw new IllegalArgumentException("dram has no instruction ports; only DMA");
    };
  }

  /** The port-width parameter of an on-chip memory. */
  public static MachineParameter portWidthOf(MemorySpace m) {
    return switch (m) {
      case WMEM -> WMEM_PORT_WIDTH;
      case AMEM -> AMEM_PORT_WIDTH;
      case TMEM -> TMEM_PORT_WIDTH;
      case DRAM -> throw new IllegalArgumentException("dram has no instruction ports; only DMA");
    };
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
