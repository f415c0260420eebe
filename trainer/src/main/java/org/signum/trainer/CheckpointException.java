package org.signum.trainer;

/** A checkpoint that cannot be read; the message names the file and what is wrong. */
public final class CheckpointException extends Exception {
  public CheckpointException(String message) {
    super(message);
  }
}
