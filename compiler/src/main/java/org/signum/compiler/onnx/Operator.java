package org.signum.compiler.onnx;

/**
 * An operator Signum imports. Binding checks a node's arity and attributes once, reads what must be
 * constant, and returns the kernel that evaluates the node; anything unsupported is a {@link
 * NodeException} saying what is supported.
 */
interface Operator {
  Kernel bind(NodeDef node, Constants constants);
}
