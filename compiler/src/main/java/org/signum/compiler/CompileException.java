package org.signum.compiler;

/**
 * A network that cannot be compiled as asked: the message names the layer (and channel, field or
 * machine parameter) and says what was expected. Meant to be shown to a user as it is.
 */
public class CompileException extends Exception {
  private static final long serialVersionUID = 1L;

  public CompileException(String message) {
    super(message);
  }
}
