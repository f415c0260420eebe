package org.signum.compiler.onnx;

/** An IDX file that cannot be read or is malformed; the message names the file and the fault. */
public final class IdxException extends Exception {
  public IdxException(String message) {
    super(message);
  }

  public IdxException(String message, Throwable cause) {
    super(message, cause);
  }
}
