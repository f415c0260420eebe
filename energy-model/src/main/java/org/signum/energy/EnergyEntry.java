package org.signum.energy;

/**
 * One line of an energy table.
 *
 * @param action what it prices
 * @param index the width in bits or memory size in bytes of an indexed action, else 0
 * @param picojoules the energy of one unit of the action at {@code nodeNm}: one operation, or one
 *     64-bit access for memories
 * @param nodeNm the technology node the figure was given for
 * @param scaling whether the figure scales with the modelled chip's node
 * @param source where the figure comes from, or how it was derived
 * @param origin the file and line it was read from
 */
public record EnergyEntry(
    Action action,
    long index,
    double picojoules,
    int nodeNm,
    Scaling scaling,
    String source,
    String origin) {

  /** The entry's key as written in table files: {@code int_add[32]}, {@code bit_op}. */
  public String key() {
    return new Event(action, index).toString();
  }
}
