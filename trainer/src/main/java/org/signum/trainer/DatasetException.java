package org.signum.trainer;

/** A data set that cannot be read; the message names the file and what was expected. */
public final class DatasetException extends Exception {
  public DatasetException(String message) {
    super(message);
  }
}
