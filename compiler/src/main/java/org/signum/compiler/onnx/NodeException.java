package org.signum.compiler.onnx;

/**
 * What is wrong with one node, raised while binding or probing it; the importer prefixes the file
 * and the node. Unchecked because it travels through kernels, which are plain functions.
 */
final class NodeException extends RuntimeException {
  NodeException(String message) {
    super(message);
  }
}
