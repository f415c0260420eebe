package org.signum.compiler.onnx;

/**
 * What is wrong with a model outside any one node (a tensor, an input, the graph's wiring); the
 * importer prefixes the file.
 */
final class ModelException extends RuntimeException {
  ModelException(String message) {
    super(message);
  }
}
