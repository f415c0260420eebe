package org.signum.compiler.passes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.signum.compiler.CompileException;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;

/**
 * A per-class float affine (or batch norm) between the last dense layer and the scores becomes a
 * table of integer ranks: entry (c, v) is the position of class c's float score at dot product v
 * among all the float scores the layer can produce. Ranks order every pair as the floats do, ties
 * included, so argmax over the ranks picks exactly the class argmax over the floats picks, and the
 * scores stay integers the machine can compare. The certificate checks that the ranks are an order
 * isomorphism of every float score.
 */
public final class FoldFloatScoresIntoTable implements Pass {
  /** Largest table, in entries, this pass builds. */
  static final long MAX_ENTRIES = 1L << 24;

  @Override
  public Network run(Network net, PassContext context) throws CompileException {
    for (int i = 1; i < net.size(); i++) {
      int end = FoldFloatSignIntoThreshold.chainEnd(net, i);
      if (net.layer(i) instanceof BinaryDense
          && end > i + 1
          && end < net.size()
          && net.layer(end) instanceof Scores s
          && s.table().isEmpty()) {
        List<Layer> chainLayers = net.layers().subList(i + 1, end);
        ScoreTable table = table(net, i, end, chainLayers, context);
        return net.replace(i + 1, end + 1, List.of(new Scores(s.name(), Optional.of(table))));
      }
    }
    return net;
  }

  private static ScoreTable table(
      Network net, int dense, int scores, List<Layer> chainLayers, PassContext context)
      throws CompileException {
    IntegerValues values = IntegerValues.of(net, dense);
    FloatChain chain = new FloatChain(chainLayers, values);
    long low = Arrays.stream(lows(values)).min().orElseThrow();
    long high = Arrays.stream(highs(values)).max().orElseThrow();
    int step = values.step();
    long count = (high - low) / step + 1;
    int classes = values.channels();
    String where = "layer " + scores + " '" + net.layer(scores).name() + "' (scores)";
    if (count * classes > MAX_ENTRIES) {
      throw new CompileException(
          where
              + ": folding "
              + FloatChain.describe(chainLayers)
              + " needs a score table of "
              + classes
              + " x "
              + count
              + " entries, more than "
              + MAX_ENTRIES);
    }
    float[][] y = new float[classes][(int) count];
    float[] all = new float[(int) (classes * count)];
    for (int c = 0; c < classes; c++) {
      for (int k = 0; k < count; k++) {
        long v = low + (long) k * step;
        float f = chain.atValue(c, v);
        if (Float.isNaN(f)) {
          throw new CompileException(
              where
                  + ": "
                  + FloatChain.describe(chainLayers)
                  + " give NaN for class "
                  + c
                  + " at v = "
                  + v
                  + ", so the scores have no order");
        }
        // -0 and +0 are equal scores; one representative keeps them one rank.
        y[c][k] = f + 0.0f;
        all[(int) (c * count + k)] = y[c][k];
      }
    }
    float[] distinct = distinctSorted(all);
    int[][] ranks = new int[classes][(int) count];
    for (int c = 0; c < classes; c++) {
      for (int k = 0; k < count; k++) {
        ranks[c][k] = Arrays.binarySearch(distinct, y[c][k]);
      }
    }
    certify(y, ranks, distinct, where);
    context.certify(
        new FoldCertificate(
            net.layer(scores).name(),
            FloatChain.describe(net.layers().subList(dense + 1, scores + 1)),
            classes,
            (long) classes * count,
            FoldCertificate.Method.EXHAUSTIVE));
    return new ScoreTable(low, step, ranks);
  }

  private static float[] distinctSorted(float[] all) {
    float[] sorted = all.clone();
    Arrays.sort(sorted);
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (n == 0 || sorted[i] != sorted[n - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  /**
   * Ranks are an order isomorphism when the distinct scores strictly increase and every entry's
   * rank indexes its own score.
   */
  private static void certify(float[][] y, int[][] ranks, float[] distinct, String where)
      throws CompileException {
    for (int i = 1; i < distinct.length; i++) {
      if (!(distinct[i - 1] < distinct[i])) {
        throw new CompileException(where + ": score ranks are not strictly ordered at rank " + i);
      }
    }
    for (int c = 0; c < y.length; c++) {
      for (int k = 0; k < y[c].length; k++) {
        int r = ranks[c][k];
        if (r < 0 || distinct[r] != y[c][k]) {
          throw new CompileException(
              where
                  + ": class "
                  + c
                  + " entry "
                  + k
                  + " has no rank matching its float score "
                  + y[c][k]);
        }
      }
    }
  }

  private static long[] lows(IntegerValues v) {
    long[] a = new long[v.channels()];
    for (int c = 0; c < a.length; c++) {
      a[c] = v.low(c);
    }
    return a;
  }

  private static long[] highs(IntegerValues v) {
    long[] a = new long[v.channels()];
    for (int c = 0; c < a.length; c++) {
      a[c] = v.high(c);
    }
    return a;
  }
}
