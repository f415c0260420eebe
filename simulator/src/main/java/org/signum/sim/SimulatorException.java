package org.signum.sim;

/** A program or a host request the simulator refuses, with a message a user can act on. */
public final class SimulatorException extends Exception {
  public SimulatorException(String message) {
    super(message);
  }
}
