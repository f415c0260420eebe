package org.signum.energy;

/**
 * Something that costs energy, as an energy table sees it: an action and, for the indexed families,
 * the width in bits or the memory size in bytes it happens at. How many times it happened is the
 * caller's business.
 *
 * @param action what happens
 * @param index the width in bits ({@link Action.Index#WIDTH}), the memory size in bytes ({@link
 *     Action.Index#SIZE}), or 0
 */
public record Event(Action action, long index) {
  public Event {
    if (action.index() == Action.Index.NONE && index != 0) {
      throw new IllegalArgumentException(action.key() + " takes no index, got " + index);
    }
    if (action.index() != Action.Index.NONE && index <= 0) {
      throw new IllegalArgumentException(action.key() + " needs a positive index, got " + index);
    }
  }

  public static Event of(Action action) {
    return new Event(action, 0);
  }

  /** The event as a table key would name it: {@code int_add[20]}, {@code sram_read_64b[512]}. */
  @Override
  public String toString() {
    return switch (action.index()) {
      case NONE -> action.key();
      case WIDTH -> action.key() + "[" + index + "]";
      case SIZE -> action.key() + "[" + Sizes.format(index) + "]";
    };
  }
}
