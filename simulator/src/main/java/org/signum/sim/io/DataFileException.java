package org.signum.sim.io;

/**
 * A data file that cannot be read or written, or a malformed load/dump spec; the message names the
 * file or spec and what is wrong.
 */
public final class DataFileException extends Exception {
  public DataFileException(String message) {
    super(message);
  }

  public DataFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
