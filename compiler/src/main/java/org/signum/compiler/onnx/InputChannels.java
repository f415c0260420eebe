package org.signum.compiler.onnx;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Gives the input layer back its own shape. Import works on a flat input, one channel per element;
 * the IR indexes per-channel parameters by the first dimension, so the input keeps its shape (say
 * 1x28x28, one channel) exactly when every parameter before the first dense layer is the same
 * across each channel's elements. Otherwise it stays flat, which computes the same values.
 */
final class InputChannels {
  private InputChannels() {}

  static List<Layer> restore(List<Layer> layers, org.signum.compiler.ir.Shape shape) {
    int channels = shape.channels();
    int elements = (int) shape.elements();
    int per = elements / channels;
    List<Layer> out = new ArrayList<>();
    Input flat = (Input) layers.get(0);
    out.add(new Input(flat.name(), shape, flat.encoding(), flat.scale()));
    int i = 1;
    for (; i < layers.size() && !(layers.get(i) instanceof BinaryDense); i++) {
      Layer l = layers.get(i);
      Layer restored = perChannel(l, channels, per);
      if (restored == null) {
        return layers;
      }
      out.add(restored);
    }
    out.addAll(layers.subList(i, layers.size()));
    return out;
  }

  /** {@code l} with one parameter per channel, or null when some channel's elements differ. */
  private static Layer perChannel(Layer l, int channels, int per) {
    if (l instanceof BatchNorm b) {
      FloatVector[] v = {b.gamma(), b.beta(), b.mean(), b.var()};
      FloatVector[] c = new FloatVector[4];
      for (int k = 0; k < 4; k++) {
        c[k] = compress(v[k], channels, per);
        if (c[k] == null) {
          return null;
        }
      }
      return new BatchNorm(b.name(), c[0], c[1], c[2], c[3], b.eps());
    } else if (l instanceof Affine a) {
      FloatVector scale = compress(a.scale(), channels, per);
      FloatVector bias = compress(a.bias(), channels, per);
      return scale == null || bias == null ? null : new Affine(a.name(), scale, bias);
    } else if (l instanceof Threshold t) {
      List<ThresholdRule> rules = new ArrayList<>();
      for (int c = 0; c < channels; c++) {
        ThresholdRule first = t.rules().get(c * per);
        for (int e = 1; e < per; e++) {
          if (!t.rules().get(c * per + e).equals(first)) {
            return null;
          }
        }
        rules.add(first);
      }
      return new Threshold(t.name(), t.operand(), rules);
    }
    return l;
  }

  private static FloatVector compress(FloatVector v, int channels, int per) {
    float[] out = new float[channels];
    for (int c = 0; c < channels; c++) {
      out[c] = v.get(c * per);
      for (int e = 1; e < per; e++) {
        if (Float.floatToRawIntBits(v.get(c * per + e)) != Float.floatToRawIntBits(out[c])) {
          return null;
        }
      }
    }
    return FloatVector.of(out);
  }
}
