package org.signum.isa;

/**
 * The timing and event class of an instruction. The simulator counts executed instructions by
 * class, and the cycle and energy models price classes, not individual opcodes.
 */
public enum InsnClass {
  CONTROL("machine control"),
  SCALAR_ALU("32-bit scalar arithmetic and logic"),
  BRANCH("branches, jumps and the counted loop"),
  SCALAR_MEMORY("32-bit scalar loads and stores to on-chip memory"),
  VECTOR_MEMORY("packed-row loads and stores to on-chip memory"),
  VECTOR_ALU("bitwise operations on packed rows"),
  POPCOUNT("popcount and fused XNOR/AND-popcount into an accumulator"),
  ACCUMULATOR_ALU("accumulator arithmetic and moves"),
  THRESHOLD("threshold compare and score store"),
  DMA("transfers between DRAM and on-chip memory");

  private final String description;

  InsnClass(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
