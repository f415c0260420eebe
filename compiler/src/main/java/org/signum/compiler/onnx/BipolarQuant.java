package org.signum.compiler.onnx;

/**
 * QONNX BipolarQuant: {@code (x >= 0 ? +1 : -1) * scale}, with x and scale broadcast. Zero maps to
 * +1, as in Signum's encoding.
 */
final class BipolarQuant implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 2);
    Checks.outputs(node, 1, 1);
    Attributes.of(node);
    return inputs -> {
      Tensor x = Checks.floats(inputs[0], "input X");
      Tensor scale = Checks.floats(inputs[1], "input scale");
      Shape out = TensorOps.broadcast(x.shape(), scale.shape());
      float[] v = TensorOps.expand(x, out);
      float[] s = TensorOps.expand(scale, out);
      float[] y = new float[out.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = (v[i] >= 0f ? 1f : -1f) * s[i];
      }
      return new Tensor[] {Tensor.wrapFloats(out, y)};
    };
  }
}
