package org.signum.cli;

/** A failure to report to the user as it is, without a stack trace; exit code 1. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }
}
