package org.signum.energy;

/**
 * What an energy table prices: one entry per action, or per action and index for the families that
 * vary with a width or a memory size. Memory actions are priced per 64-bit access in the table and
 * charged per bit moved.
 */
public enum Action {
  BIT_OP("bit_op", Index.NONE, "one one-bit logic operation"),
  POPCOUNT_BIT("popcount_bit", Index.NONE, "one input bit of a popcount"),
  INT_ADD("int_add", Index.WIDTH, "one integer add (or compare) of the indexed width"),
  INT_MUL("int_mul", Index.WIDTH, "one integer multiply of the indexed width"),
  FLOAT_ADD("float_add", Index.WIDTH, "one floating-point add of the indexed width"),
  FLOAT_MUL("float_mul", Index.WIDTH, "one floating-point multiply of the indexed width"),
  SRAM_READ("sram_read_64b", Index.SIZE, "a 64-bit read of an on-chip SRAM of the indexed size"),
  SRAM_WRITE("sram_write_64b", Index.SIZE, "a 64-bit write of an on-chip SRAM of the indexed size"),
  DRAM_READ("dram_read_64b", Index.NONE, "a 64-bit read of off-chip DRAM"),
  DRAM_WRITE("dram_write_64b", Index.NONE, "a 64-bit write of off-chip DRAM");

  /** What the bracketed index of a key means. */
  public enum Index {
    /** No index: {@code bit_op}. */
    NONE,
    /** A width in bits: {@code int_add[32]}. */
    WIDTH,
    /** A memory size in bytes, with an optional K, M or G suffix: {@code sram_read_64b[32K]}. */
    SIZE
  }

  private final String key;
  private final Index index;
  private final String meaning;

  Action(String key, Index index, String meaning) {
    this.key = key;
    this.index = index;
    this.meaning = meaning;
  }

  /** The key in table files, without an index. */
  public String key() {
    return key;
  }

  public Index index() {
    return index;
  }

  /** What one unit of the entry's energy pays for. */
  public String meaning() {
    return meaning;
  }

  /** Whether the table's figure is per 64-bit access and the model charges it per bit. */
  public boolean perBit() {
    return this == SRAM_READ || this == SRAM_WRITE || this == DRAM_READ || this == DRAM_WRITE;
  }

  /** The action with key {@code key}, or null. */
  public static Action byKey(String key) {
    for (Action a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    return null;
  }
}
