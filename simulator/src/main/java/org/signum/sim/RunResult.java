package org.signum.sim;

/**
 * How a call to {@link Simulator#run} ended.
 *
 * @param stop why it returned
 * @param steps instructions executed by this call (the machine's total is {@link Counters#steps()})
 * @param trap the trap for {@link Stop#TRAPPED} and {@link Stop#STEP_LIMIT}; null for {@link
 *     Stop#HALTED}
 */
public record RunResult(Stop stop, long steps, Trap trap) {

  /** Why a run returned. */
  public enum Stop {
    /** A {@code halt} executed. */
    HALTED,
    /** An instruction trapped; the machine stays stopped. */
    TRAPPED,
    /** The run's step budget ran out; calling {@code run} again continues. */
    STEP_LIMIT
  }
}
