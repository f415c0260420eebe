package org.signum.compiler.onnx;

/**
 * A model that Signum cannot import: unreadable, malformed, or using an operator or attribute
 * Signum does not support. The message names the file and the node, tensor or field at fault, and
 * what was expected.
 */
public final class OnnxImportException extends Exception {
  public OnnxImportException(String message) {
    super(message);
  }

  public OnnxImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
