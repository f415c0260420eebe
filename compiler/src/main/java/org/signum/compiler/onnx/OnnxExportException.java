package org.signum.compiler.onnx;

/**
 * A network that {@link OnnxExporter} cannot write so that Signum's importer reads it back exactly.
 * The message names the layer (index, name, kind) and says what is supported.
 */
public final class OnnxExportException extends IllegalArgumentException {
  OnnxExportException(String message) {
    super(message);
  }
}
