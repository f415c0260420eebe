package org.signum.report;

/** A saved report that cannot be read or written, named with the file and the field. */
public final class ReportException extends Exception {
  public ReportException(String message) {
    super(message);
  }
}
