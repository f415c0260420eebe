package org.signum.energy;

import java.util.List;

/**
 * An energy table, scaling table or override file that cannot be used, or an event a table cannot
 * price. Each message names the file and line, or the table and the event, and says what was
 * expected.
 */
public final class EnergyException extends Exception {
  private final List<String> errors;

  public EnergyException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public EnergyException(String error) {
    this(List.of(error));
  }

  /** Every problem found, one message each, in file order. */
  public List<String> errors() {
    return errors;
  }
}
