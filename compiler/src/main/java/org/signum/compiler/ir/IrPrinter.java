package org.signum.compiler.ir;

import java.util.List;
import java.util.Locale;

/**
 * The IR as readable text, one line per layer with its output type and a summary of its parameters
 * (long vectors are cut after a few values). For people; the model file is the complete form.
 */
public final class IrPrinter {
  private static final int SHOWN = 8;

  private IrPrinter() {}

  public static String print(Network net) {
    List<TensorType> types = Verifier.check(net).types();
    StringBuilder b = new StringBuilder();
    b.append("network ").append(net.name()).append('\n');
    for (int i = 0; i < net.size(); i++) {
      Layer l = net.layer(i);
      String type = types.isEmpty() ? "?" : types.get(i).toString();
      b.append(
              String.format(
                      Locale.ROOT,
                      "%4d  %-10s %-14s %-16s %s",
                      i,
                      l.kind(),
                      l.name(),
                      type,
                      details(l))
                  .stripTrailing())
          .append('\n');
    }
    return b.toString();
  }

  private static String details(Layer l) {
    if (l instanceof Input x) {
      return x.encoding().name().toLowerCase(Locale.ROOT)
          + (x.encoding() == Input.Encoding.UINT8 ? " scale " + x.scale() : "");
    } else if (l instanceof BinaryDense d) {
      return d.inputs() + " -> " + d.outputs();
    } else if (l instanceof BatchNorm n) {
      return "eps "
          + n.eps()
          + " gamma "
          + floats(n.gamma())
          + " beta "
          + floats(n.beta())
          + " mean "
          + floats(n.mean())
          + " var "
          + floats(n.var());
    } else if (l instanceof Affine a) {
      return "scale " + floats(a.scale()) + " bias " + floats(a.bias());
    } else if (l instanceof Threshold t) {
      StringBuilder s = new StringBuilder(t.operand().name().toLowerCase(Locale.ROOT)).append(" [");
      for (int c = 0; c < Math.min(SHOWN, t.rules().size()); c++) {
        s.append(c == 0 ? "" : " ").append(t.rules().get(c));
      }
      return s.append(t.rules().size() > SHOWN ? " ...]" : "]").toString();
    } else if (l instanceof Scores s && s.table().isPresent()) {
      ScoreTable t = s.table().get();
      return "table of "
          + t.classes()
          + " x "
          + t.count()
          + " ranks over "
          + t.low()
          + ".."
          + t.high()
          + " step "
          + t.step();
    }
    return "";
  }

  private static String floats(FloatVector v) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < Math.min(SHOWN, v.size()); i++) {
      s.append(i == 0 ? "" : " ").append(v.get(i));
    }
    return s.append(v.size() > SHOWN ? " ...]" : "]").toString();
  }
}
