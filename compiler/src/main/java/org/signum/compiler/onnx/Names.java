package org.signum.compiler.onnx;

import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Threshold;

/**
 * Layer names taken from ONNX node names, made acceptable to the IR: printable ASCII without spaces
 * or {@code #}, never empty.
 */
final class Names {
  private Names() {}

  static String sanitize(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      b.append(c <= ' ' || c == '#' || c > '~' ? '_' : c);
    }
    return b.length() == 0 ? "_" : b.toString();
  }

  /** How an IR layer made from {@code node} is called: the node's name, else its first output. */
  static String of(OnnxNode node) {
    if (!node.name().isEmpty()) {
      return node.name();
    }
    return node.outputs().isEmpty() ? node.opType() : node.outputs().get(0);
  }

  /** {@code layer} under another name. */
  static Layer renamed(Layer layer, String name) {
    if (layer.name().equals(name)) {
      return layer;
    }
    if (layer instanceof Input x) {
      return new Input(name, x.shape(), x.encoding(), x.scale());
    } else if (layer instanceof BinaryDense d) {
      return new BinaryDense(name, d.weights());
    } else if (layer instanceof BatchNorm n) {
      return new BatchNorm(name, n.gamma(), n.beta(), n.mean(), n.var(), n.eps());
    } else if (layer instanceof Affine a) {
      return new Affine(name, a.scale(), a.bias());
    } else if (layer instanceof org.signum.compiler.ir.Sign) {
      return new org.signum.compiler.ir.Sign(name);
    } else if (layer instanceof Threshold t) {
      return new Threshold(name, t.operand(), t.rules());
    } else if (layer instanceof Scores s) {
      return new Scores(name, s.table());
    } else if (layer instanceof Argmax) {
      return new Argmax(name);
    }
    throw new AssertionError(layer);
  }
}
