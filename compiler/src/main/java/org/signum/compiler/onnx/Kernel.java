package org.signum.compiler.onnx;

/**
 * A node's computation with its attributes already read: inputs in the node's order (null for an
 * omitted optional input), outputs in the node's order.
 */
@FunctionalInterface
interface Kernel {
  Tensor[] apply(Tensor[] inputs);
}
