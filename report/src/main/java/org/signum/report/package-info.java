/**
 * Reports of a timed run: cycles, stalls and the static bound from the simulator's cycle model,
 * energy from the energy model by layer, event class and storage level, memory traffic, the
 * conventional-arithmetic baselines and the multiply-to-bit-operation ratios. {@link
 * org.signum.report.ReportBuilder} builds one; it is written as text, JSON (schema in {@code
 * docs/reports.md}) or CSV, read back from JSON, and compared with another.
 */
package org.signum.report;
