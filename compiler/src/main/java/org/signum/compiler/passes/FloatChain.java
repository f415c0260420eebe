package org.signum.compiler.passes;

import java.util.List;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;

/**
 * Batch norm and affine layers applied in turn to an integer tensor, evaluated per channel in
 * float32 exactly as the model defines them: the input's real value {@code v * scale} rounded once,
 * then each layer's {@link org.signum.compiler.ir.FloatArithmetic} definition.
 */
final class FloatChain {
  private final List<Layer> layers;
  private final IntegerValues values;

  FloatChain(List<Layer> layers, IntegerValues values) {
    this.layers = List.copyOf(layers);
    this.values = values;
  }

  static boolean isFloatLayer(Layer l) {
    return l instanceof BatchNorm || l instanceof Affine;
  }

  IntegerValues values() {
    return values;
  }

  /** The chain's output for channel {@code c} at the {@code k}-th value of that channel. */
  float at(int c, long k) {
    return atValue(c, values.value(c, k));
  }

  /** The chain's output for channel {@code c} at the integer {@code v}. */
  float atValue(int c, long v) {
    float x = values.scale().toFloat(v);
    for (Layer l : layers) {
      x = l instanceof BatchNorm b ? b.apply(c, x) : ((Affine) l).apply(c, x);
    }
    return x;
  }

  /**
   * +1 when the chain's output rises with its input in channel {@code c}, -1 when it falls, 0 when
   * it is constant: the sign of the product of the scales.
   */
  int direction(int c) {
    int d = 1;
    for (Layer l : layers) {
      float s = l instanceof BatchNorm b ? b.gamma().get(c) : ((Affine) l).scale().get(c);
      d *= (int) Math.signum(s);
    }
    return d;
  }

  /** {@code 'bn1' + 'act1'}: the layers folded, for messages. */
  static String describe(List<Layer> layers) {
    StringBuilder b = new StringBuilder();
    for (Layer l : layers) {
      b.append(b.length() == 0 ? "" : " + ").append('\'').append(l.name()).append('\'');
    }
    return b.toString();
  }
}
