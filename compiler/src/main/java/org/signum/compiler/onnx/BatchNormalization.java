package org.signum.compiler.onnx;

/**
 * ONNX BatchNormalization in inference mode over channel axis 1 of X [N, C, ...]: {@code Y = (X -
 * mean) / sqrt(var + epsilon) * scale + B}, evaluated in float32 in exactly that order, the square
 * root correctly rounded.
 */
final class BatchNormalization implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 5, 5);
    Checks.outputs(node, 1, 1);
    // momentum only matters in training and is_test only said "inference" in opset 1 to 6.
    Attributes attrs =
        Attributes.of(node, "epsilon", "momentum", "training_mode", "spatial", "is_test");
    float epsilon = attrs.getFloat("epsilon", 1e-5f);
    if (attrs.getFlag("training_mode", false)) {
      throw new NodeException(
          "training_mode=1 is not supported; Signum evaluates inference (training_mode=0)");
    }
    if (!attrs.getFlag("spatial", true)) {
      throw new NodeException(
          "spatial=0 (statistics per element) is not supported; Signum supports spatial=1, one"
              + " mean and variance per channel");
    }
    return inputs -> {
      Tensor x = Checks.floats(inputs[0], "input X");
      Shape s = x.shape();
      if (s.rank() < 2) {
        throw new NodeException("input X has shape " + s + "; expected [N, C, ...]");
      }
      int channels = s.dim(1);
      String[] roles = {"", "scale", "B", "input_mean", "input_var"};
      float[][] p = new float[5][];
      for (int i = 1; i < 5; i++) {
        Tensor t = Checks.floats(inputs[i], "input " + roles[i]);
        if (t.shape().rank() != 1 || t.size() != channels) {
          throw new NodeException(
              "input " + roles[i] + " has shape " + t.shape() + "; expected [" + channels + "]");
        }
        p[i] = t.floatData();
      }
      float[] in = x.floatData();
      float[] out = new float[in.length];
      int inner = s.product(2, s.rank());
      for (int i = 0; i < in.length; i++) {
        int c = (i / inner) % channels;
        float denominator = (float) Math.sqrt(p[4][c] + epsilon);
        out[i] = (in[i] - p[3][c]) / denominator * p[1][c] + p[2][c];
      }
      return new Tensor[] {Tensor.wrapFloats(s, out)};
    };
  }
}
