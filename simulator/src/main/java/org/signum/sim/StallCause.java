package org.signum.sim;

import java.util.Locale;

/**
 * Why an instruction could not issue in the cycle after its predecessor. The cycle model charges
 * every idle issue cycle to exactly one cause: the constraint that let the instruction issue last.
 * When several bind at the same cycle, the one listed first here is charged.
 */
public enum StallCause {
  RAW_SCALAR("a scalar register it reads is still being computed"),
  RAW_VECTOR("a vector register it reads is still being loaded or computed"),
  RAW_ACCUMULATOR("an accumulator it reads is still being computed"),
  WAW("an earlier write of a register it writes would otherwise complete after it"),
  POPCOUNT_UNITS("every XNOR-popcount unit is busy with earlier beats"),
  VECTOR_ALU("the vector ALU is busy with an earlier instruction's beats"),
  WMEM_PORT("every weight-memory port is busy"),
  AMEM_PORT("every activation-memory port is busy"),
  TMEM_PORT("every threshold-memory port is busy"),
  DMA_ENGINE("the DMA engine is busy with an earlier transfer"),
  DMA_WAIT("dwait waits for DMA transfers to complete"),
  DMA_SERIAL("with dma_overlap = 0 a DMA instruction holds issue until its transfer completes"),
  TAKEN_BRANCH("issue slots lost after a taken branch (branch_penalty)"),
  DRAIN("halt waits for results and transfers still in flight");

  private final String description;

  StallCause(String description) {
    this.description = description;
  }

  /** The cause's name in reports: {@code raw_vector}, {@code popcount_units}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
