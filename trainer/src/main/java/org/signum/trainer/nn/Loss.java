package org.signum.trainer.nn;

/** The training objective on a batch of class scores. */
public enum Loss {
  /**
   * The BNN paper's square hinge loss, {@code mean over samples and classes of max(0, 1 - t y)^2}
   * with targets t = +1 for the true class and -1 for the others.
   */
  SQUARE_HINGE("square-hinge"),
  /** Softmax cross-entropy, averaged over the samples. */
  CROSS_ENTROPY("cross-entropy");

  private final String option;

  Loss(String option) {
    this.option = option;
  }

  /** The name used on the command line and in checkpoints. */
  public String option() {
    return option;
  }

  public static Loss fromOption(String s) {
    for (Loss l : values()) {
      if (l.option.equals(s)) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "unknown loss '" + s + "', expected square-hinge or cross-entropy");
  }

  /**
   * The mean loss of {@code batch} samples of {@code classes} scores {@code y} against {@code
   * labels}; writes its gradient with respect to {@code y} into {@code dy}.
   */
  public double apply(float[] y, int[] labels, int batch, int classes, float[] dy) {
    double total = 0;
    for (int b = 0; b < batch; b++) {
      int base = b * classes;
      if (this == SQUARE_HINGE) {
        for (int c = 0; c < classes; c++) {
          float t = c == labels[b] ? 1f : -1f;
          float m = Math.max(0f, 1f - t * y[base + c]);
          total += (double) m * m;
          dy[base + c] = -2f * t * m / (batch * classes);
        }
      } else {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
          max = Math.max(max, y[base + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          sum += Math.exp(y[base + c] - max);
        }
        for (int c = 0; c < classes; c++) {
          double p = Math.exp(y[base + c] - max) / sum;
          dy[base + c] = (float) ((p - (c == labels[b] ? 1 : 0)) / batch);
        }
        total += -(y[base + labels[b]] - max - Math.log(sum)) * classes;
      }
    }
    return total / ((double) batch * classes);
  }
}
