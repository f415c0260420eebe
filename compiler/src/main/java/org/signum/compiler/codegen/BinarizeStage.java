package org.signum.compiler.codegen;

import java.util.List;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/** Binarization of the 8-bit input. */
final class BinarizeStage implements Stage {
  private final int index;
  private final Input in;
  private final Threshold t;
  private final BinarizeKernel kernel;

  BinarizeStage(int vw, int index, Input in, Threshold t, String out) {
    this.index = index;
    this.in = in;
    this.t = t;
    this.kernel = new BinarizeKernel("l" + index, vw, (int) in.shape().elements(), "input", out);
  }

  @Override
  public List<String> layers() {
    return List.of(t.name());
  }

  @Override
  public void code(Asm a) {
    a.comment(
        "---- layer "
            + index
            + " '"
            + t.name()
            + "': threshold "
            + in.shape()
            + " 8-bit input -> bipolar, element i fires iff x_i >= T_i (or < T_i, reversed)"
            + " ----");
    kernel.emit(a);
  }

  @Override
  public void data(Sections s) {
    int n = (int) in.shape().elements();
    long per = in.shape().elementsPerChannel();
    boolean[][] rows = new boolean[10][n];
    for (int e = 0; e < n; e++) {
      ThresholdRule r = t.rules().get((int) (e / per));
      long teff =
          switch (r.kind()) {
            case AT_LEAST, BELOW -> Math.max(0, Math.min(256, r.threshold()));
            case ALWAYS -> 0;
            case NEVER -> 256;
          };
      for (int p = 0; p < 8; p++) {
        rows[p][e] = (teff >> p & 1) == 0;
      }
      rows[8][e] = teff <= 255;
      rows[9][e] = r.kind() == ThresholdRule.Kind.BELOW;
    }
    s.wmem.label("l" + index + "_rows");
    for (int p = 0; p < 10; p++) {
      String what =
          p < 8 ? "NOT threshold, bit-plane " + p : p == 8 ? "threshold < 256" : "reversed";
      s.wmem.directive(
          ".rowx",
          "\"" + Rows.hex(rows[p], false) + "\", 0",
          p == 0 ? "layer '" + t.name() + "': " + what : what);
    }
  }
}
