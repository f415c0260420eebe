package org.signum.isa;

/** What an assembly operand is, and so how the assembler parses it and the encoder places it. */
public enum OperandKind {
  /** A scalar register {@code r0..r31}; {@code r0} always reads zero. */
  SCALAR_REGISTER("scalar register", "r"),
  /** A vector (packed row) register {@code v0..v31}. */
  VECTOR_REGISTER("vector register", "v"),
  /** An accumulator {@code a0..a31}. */
  ACCUMULATOR("accumulator", "a"),
  /** An integer expression placed in the {@code imm} field. */
  IMMEDIATE("immediate", null),
  /** A code label or expression naming an instruction index, encoded as a pc-relative distance. */
  TARGET("branch target", null),
  /**
   * {@code mem[rB + imm]} or {@code mem[rB + imm]+}: an on-chip memory, base register and offset.
   */
  MEMORY("memory operand", null),
  /** {@code mem[rB + imm]} without post-increment (DMA). */
  MEMORY_NO_INCREMENT("memory operand", null);

  private final String description;
  private final String registerPrefix;

  OperandKind(String description, String registerPrefix) {
    this.description = description;
    this.registerPrefix = registerPrefix;
  }

  public String description() {
    return description;
  }

  /** The register-name prefix ({@code r}, {@code v}, {@code a}), or null for non-register kinds. */
  public String registerPrefix() {
    return registerPrefix;
  }

  public boolean isRegister() {
    return registerPrefix != null;
  }

  public boolean isMemory() {
    return this == MEMORY || this == MEMORY_NO_INCREMENT;
  }
}
