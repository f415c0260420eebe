package org.signum.compiler.onnx;

/** ONNX Identity, which exporters leave behind between renamed tensors. */
final class Identity implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 1);
    Checks.outputs(node, 1, 1);
    Attributes.of(node);
    return inputs -> new Tensor[] {inputs[0]};
  }
}
