package org.signum.isa;

import java.util.List;

/** A machine description that could not be read; each message names the file, line and field. */
public final class MachineDescriptionException extends Exception {
  private final List<String> errors;

  public MachineDescriptionException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  /** One {@code path:line: error: ...} message per problem, in line order. */
  public List<String> errors() {
    return errors;
  }
}
