package org.signum.compiler.onnx;

/**
 * ONNX Sign: -1, 0 or +1. Unlike Signum's binary encoding, where sign(0) is +1, ONNX maps 0 to 0;
 * the evaluator keeps ONNX's meaning and leaves the difference to the compiler.
 */
final class Sign implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 1, 1);
    Checks.outputs(node, 1, 1);
    Attributes.of(node);
    return inputs -> {
      Tensor x = Checks.floats(inputs[0], "input");
      float[] in = x.floatData();
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        out[i] = in[i] > 0 ? 1f : in[i] < 0 ? -1f : in[i] == 0 ? 0f : Float.NaN;
      }
      return new Tensor[] {Tensor.wrapFloats(x.shape(), out)};
    };
  }
}
