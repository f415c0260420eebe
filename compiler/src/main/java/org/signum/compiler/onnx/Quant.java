package org.signum.compiler.onnx;

import java.util.Locale;

/**
 * QONNX Quant (also named IntQuant): {@code y = x / scale + zeropt}, clamped to the integer range
 * of the bit width, then rounded, then {@code (y - zeropt) * scale}, all in float32 with x, scale
 * and zeropt broadcast. Clamping comes before rounding, as in QONNX. A signed 1-bit Quant is
 * bipolar: {@code y >= 0 ? +1 : -1}. The bit width must be a constant integer scalar.
 */
final class Quant implements Operator {
  /** QONNX's rounding modes, named as its {@code rounding_mode} attribute names them. */
  enum Rounding {
    ROUND,
    HALF_EVEN,
    CEIL,
    FLOOR,
    UP,
    DOWN,
    HALF_UP,
    HALF_DOWN;

    float apply(float v) {
      return switch (this) {
        case ROUND, HALF_EVEN -> (float) Math.rint(v);
        case CEIL -> (float) Math.ceil(v);
        case FLOOR -> (float) Math.floor(v);
        case UP -> Math.signum(v) * (float) Math.ceil(Math.abs(v));
        case DOWN -> v < 0 ? (float) Math.ceil(v) : (float) Math.floor(v);
        case HALF_UP -> Math.signum(v) * (float) Math.floor(Math.abs(v) + 0.5f);
        case HALF_DOWN -> Math.signum(v) * (float) Math.ceil(Math.abs(v) - 0.5f);
      };
    }
  }

  static final int MAX_BIT_WIDTH = 32;

  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 4, 4);
    Checks.outputs(node, 1, 1);
    Attributes attrs = Attributes.of(node, "signed", "narrow", "rounding_mode");
    for (String required : new String[] {"signed", "narrow"}) {
      if (!attrs.has(required)) {
        throw new NodeException("attribute '" + required + "' is required (0 or 1)");
      }
    }
    boolean signed = attrs.getFlag("signed", true);
    boolean narrow = attrs.getFlag("narrow", false);
    Rounding rounding = rounding(attrs.getString("rounding_mode", "ROUND"));
    Tensor widthTensor = constants.require(node, 3, "the bit width");
    double width = Checks.scalar(widthTensor, "the bit width");
    if (width != Math.rint(width) || width < 1 || width > MAX_BIT_WIDTH) {
      throw new NodeException(
          "bit width "
              + (width == Math.rint(width) ? String.valueOf((long) width) : String.valueOf(width))
              + " is not an integer from 1 to "
              + MAX_BIT_WIDTH);
    }
    int bits = (int) width;
    boolean bipolar = bits == 1 && signed;
    float min = (float) minInt(signed, narrow, bits);
    float max = (float) maxInt(signed, narrow, bits);
    return inputs -> {
      Tensor x = Checks.floats(inputs[0], "input X");
      Tensor scale = Checks.floats(inputs[1], "input scale");
      Tensor zero = Checks.floats(inputs[2], "input zeropt");
      Shape out = TensorOps.broadcast(x.shape(), scale.shape(), zero.shape());
      float[] v = TensorOps.expand(x, out);
      float[] s = TensorOps.expand(scale, out);
      float[] z = TensorOps.expand(zero, out);
      float[] y = new float[out.size()];
      for (int i = 0; i < y.length; i++) {
        float q = v[i] / s[i] + z[i];
        if (bipolar) {
          q = q >= 0f ? 1f : -1f;
        } else {
          q = rounding.apply(q > max ? max : q < min ? min : q);
        }
        y[i] = (q - z[i]) * s[i];
      }
      return new Tensor[] {Tensor.wrapFloats(out, y)};
    };
  }

  private static Rounding rounding(String mode) {
    try {
      return Rounding.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NodeException(
          "rounding_mode '"
              + mode
              + "' is not supported; supported: ROUND, HALF_EVEN, CEIL, FLOOR, UP, DOWN, HALF_UP,"
              + " HALF_DOWN");
    }
  }

  /** The smallest integer of the range, as QONNX defines it. */
  static long minInt(boolean signed, boolean narrow, int bits) {
    if (!signed) {
      return 0;
    }
    return narrow ? -(1L << (bits - 1)) + 1 : -(1L << (bits - 1));
  }

  /** The largest integer of the range; a narrow unsigned range loses its top value. */
  static long maxInt(boolean signed, boolean narrow, int bits) {
    if (signed) {
      return (1L << (bits - 1)) - 1;
    }
    return narrow ? (1L << bits) - 2 : (1L << bits) - 1;
  }
}
