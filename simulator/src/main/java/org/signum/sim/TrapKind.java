package org.signum.sim;

/** Why the machine stopped before a {@code halt}. */
public enum TrapKind {
  ILLEGAL_INSTRUCTION("illegal instruction"),
  ADDRESS_OUT_OF_RANGE("address out of range"),
  MISALIGNED_ACCESS("misaligned access"),
  DMA_MISSING_MEMORY("DMA to a missing memory"),
  DMA_HAZARD("DMA hazard"),
  BRANCH_OUT_OF_RANGE("branch target out of range"),
  PC_OUT_OF_RANGE("pc out of range"),
  STEP_LIMIT("step limit");

  private final String text;

  TrapKind(String text) {
    this.text = text;
  }

  /** The name used in messages, as {@code docs/isa.md} spells it. */
  public String text() {
    return text;
  }
}
