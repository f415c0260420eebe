package org.signum.compiler.model;

import java.util.List;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/** Writes the model file format of docs/model-format.md. */
final class ModelWriter {
  private final StringBuilder out = new StringBuilder();

  static String format(Network net) {
    ModelWriter w = new ModelWriter();
    w.network(net);
    return w.out.toString();
  }

  private void line(String s) {
    out.append(s).append('\n');
  }

  private void network(Network net) {
    line(ModelFile.MAGIC + " " + ModelFile.VERSION);
    line("network " + net.name());
    for (Layer l : net.layers()) {
      line("");
      line("layer " + l.name() + " " + l.kind());
      layer(l);
    }
    line("");
    line("end");
  }

  private void layer(Layer l) {
    if (l instanceof Input in) {
      line("  shape " + in.shape());
      line("  encoding " + (in.encoding() == Input.Encoding.UINT8 ? "uint8" : "bipolar"));
      if (in.encoding() == Input.Encoding.UINT8) {
        line("  scale " + in.scale());
      }
    } else if (l instanceof BinaryDense d) {
      line("  weights " + d.outputs() + "x" + d.inputs());
      for (int r = 0; r < d.outputs(); r++) {
        line("    " + ModelFile.hexRow(d.weights(), r));
      }
    } else if (l instanceof BatchNorm b) {
      line("  eps " + Float.toString(b.eps()));
      floats("gamma", b.gamma());
      floats("beta", b.beta());
      floats("mean", b.mean());
      floats("var", b.var());
    } else if (l instanceof Affine a) {
      floats("scale", a.scale());
      floats("bias", a.bias());
    } else if (l instanceof Threshold t) {
      line("  operand " + (t.operand() == Threshold.Operand.VALUE ? "value" : "popcount"));
      StringBuilder s = new StringBuilder("  rules");
      for (ThresholdRule r : t.rules()) {
        s.append(' ').append(r);
      }
      line(s.toString());
    } else if (l instanceof Scores s && s.table().isPresent()) {
      table(s.table().get());
    } else if (!(l instanceof Scores || l instanceof Sign || l instanceof Argmax)) {
      throw new IllegalArgumentException("no model-file form for " + l.kind());
    }
  }

  private void floats(String field, FloatVector v) {
    StringBuilder s = new StringBuilder("  ").append(field);
    for (int i = 0; i < v.size(); i++) {
      s.append(' ').append(Float.toString(v.get(i)));
    }
    line(s.toString());
  }

  private void table(ScoreTable t) {
    line("  table " + t.low() + " " + t.step() + " " + t.classes() + "x" + t.count());
    for (int c = 0; c < t.classes(); c++) {
      StringBuilder s = new StringBuilder("   ");
      for (int k = 0; k < t.count(); k++) {
        s.append(' ').append(t.get(c, k));
      }
      line(s.toString());
    }
  }

  private ModelWriter() {}

  static List<String> kinds() {
    return List.of(
        "input", "dense", "batchnorm", "affine", "sign", "threshold", "scores", "argmax");
  }
}
