package org.signum.report;

import java.util.Locale;

/** The classes a report breaks energy down by; each priced event belongs to one. */
public enum EventClass {
  FETCH("instruction words read from instruction memory"),
  REGISTERS("register-file reads and writes"),
  BIT_OPS("one-bit logic: XNOR/AND in fused popcounts, vector ALU operations"),
  POPCOUNT("popcount adder trees, per input bit"),
  ACCUMULATE("accumulator adds: popcount accumulation and accumulator arithmetic"),
  COMPARE("threshold compares"),
  SCALAR("scalar ALU operations, branch compares and address arithmetic"),
  MEMORY("loads and stores between registers and on-chip memories"),
  DMA("DMA transfers: the DRAM side and the on-chip side");

  private final String description;

  EventClass(String description) {
    this.description = description;
  }

  /** The class's name in reports: {@code bit_ops}, {@code memory}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String description() {
    return description;
  }
}
