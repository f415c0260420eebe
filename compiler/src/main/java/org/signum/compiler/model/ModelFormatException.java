package org.signum.compiler.model;

import java.util.List;
import org.signum.compiler.CompileException;

/**
 * A model file that cannot be read. The message holds one line per problem, each {@code file:line:
 * error: message} naming the field and what was expected.
 */
public class ModelFormatException extends CompileException {
  private static final long serialVersionUID = 1L;
  private final List<String> errors;

  public ModelFormatException(List<String> errors) {
    super(String.join("\n", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
