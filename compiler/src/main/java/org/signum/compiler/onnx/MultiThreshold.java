package org.signum.compiler.onnx;

/**
 * FINN's MultiThreshold: each element becomes the number of its channel's thresholds it is greater
 * than or equal to, then {@code out_scale * count + out_bias}. Thresholds are [C, T], or [1, T]
 * shared by all channels. The channel axis follows QONNX: axis 1 for NCHW inputs of rank 2 or 4,
 * axis 3 for NHWC of rank 4, and the last axis for inputs of any other rank. The affine step is
 * computed in double and rounded to float32 once, as QONNX's float64 arithmetic then a float32
 * tensor would.
 */
final class MultiThreshold implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 2, 2);
    Checks.outputs(node, 1, 1);
    Attributes attrs = Attributes.of(node, "out_dtype", "out_scale", "out_bias", "data_layout");
    attrs.requireString("out_dtype");
    double scale = attrs.getFloat("out_scale", 1f);
    double bias = attrs.getFloat("out_bias", 0f);
    String layout = attrs.getString("data_layout", "NCHW");
    if (!layout.equals("NCHW") && !layout.equals("NHWC")) {
      throw new NodeException(
          "data_layout '" + layout + "' is not supported; supported: NCHW, NHWC");
    }
    boolean nhwc = layout.equals("NHWC");
    return inputs -> {
      Tensor v = Checks.floats(inputs[0], "input");
      Tensor thresholds = Checks.floats(inputs[1], "the thresholds");
      Shape s = v.shape();
      int axis = channelAxis(s, nhwc);
      int channels = s.dim(axis);
      Shape ts = thresholds.shape();
      if (ts.rank() != 2 || (ts.dim(0) != channels && ts.dim(0) != 1)) {
        throw new NodeException(
            "thresholds have shape "
                + ts
                + "; expected ["
                + channels
                + ", T] or [1, T] for input "
                + s
                + " with "
                + channels
                + " channels on axis "
                + axis);
      }
      int steps = ts.dim(1);
      boolean shared = ts.dim(0) == 1;
      float[] t = thresholds.floatData();
      float[] in = v.floatData();
      float[] out = new float[in.length];
      int inner = s.product(axis + 1, s.rank());
      for (int i = 0; i < in.length; i++) {
        int c = shared ? 0 : (i / inner) % channels;
        int count = 0;
        for (int j = 0; j < steps; j++) {
          if (in[i] >= t[c * steps + j]) {
            count++;
          }
        }
        out[i] = (float) (scale * count + bias);
      }
      return new Tensor[] {Tensor.wrapFloats(s, out)};
    };
  }

  static int channelAxis(Shape s, boolean nhwc) {
    if (s.rank() == 0) {
      throw new NodeException("input is a scalar; expected a tensor with a channel axis");
    }
    if (nhwc) {
      if (s.rank() == 4) {
        return 3;
      }
      if (s.rank() == 2) {
        return 1;
      }
      throw new NodeException(
          "input has shape " + s + "; data_layout NHWC needs rank 2 or 4, as in QONNX");
    }
    return s.rank() == 2 || s.rank() == 4 ? 1 : s.rank() - 1;
  }
}
