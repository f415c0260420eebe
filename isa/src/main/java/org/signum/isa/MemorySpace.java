package org.signum.isa;

/**
 * The machine's memories. The three on-chip memories are addressed by load, store, threshold and
 * DMA instructions through the {@code mem} field; DRAM is reached only by DMA, through a byte
 * address held in a scalar register. Code lives in a separate instruction memory addressed by
 * instruction index.
 */
public enum MemorySpace {
  WMEM(0, "wmem", "weights"),
  AMEM(1, "amem", "activations"),
  TMEM(2, "tmem", "thresholds"),
  DRAM(-1, "dram", "off-chip DRAM");

  private final int code;
  private final String assemblyName;
  private final String role;

  MemorySpace(int code, String assemblyName, String role) {
    this.code = code;
    this.assemblyName = assemblyName;
    this.role = role;
  }

  /** Value of the {@code mem} field, or -1 for DRAM, which no memory operand can name. */
  public int code() {
    return code;
  }

  /** The name used in assembly ({@code wmem[r1]}) and in section directives. */
  public String assemblyName() {
    return assemblyName;
  }

  public String role() {
    return role;
  }

  public boolean onChip() {
    return code >= 0;
  }

  /** The on-chip memory with {@code mem} field value {@code code}, or null if none. */
  public static MemorySpace ofCode(int code) {
    for (MemorySpace m : values()) {
      if (m.code == code && code >= 0) {
        return m;
      }
    }
    return null;
  }

  /** The memory with assembly name {@code name}, or null. */
  public static MemorySpace ofName(String name) {
    for (MemorySpace m : values()) {
      if (m.assemblyName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
