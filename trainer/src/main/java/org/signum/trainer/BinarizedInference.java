package org.signum.trainer;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.FloatArithmetic;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Sign;
import org.signum.trainer.math.Gemm;

/**
 * The trainer's own inference of an exported network, fast enough to score a validation set every
 * epoch: dense layers are matrix products of 8-bit or +1/-1 inputs by +1/-1 weights, which are
 * exact integers in float32 while every partial sum stays below 2^24 (checked when built), and the
 * float layers follow the layer IR's float32 definitions ({@link FloatArithmetic}). So it gives,
 * bit for bit, what the compiled network computes on the machine.
 *
 * <p>Takes chains of input (8-bit), affine, batch norm, sign, binary dense, scores (without a
 * table) and argmax, as {@link BinaryNetwork#export} writes them.
 */
public final class BinarizedInference {
  private static final long EXACT = 1L << 24;

  private final Network net;
  private final Gemm gemm;
  private final List<float[]> weightsT = new ArrayList<>();

  /**
   * @throws IllegalArgumentException for a layer kind or size this inference does not take
   */
  public BinarizedInference(Network net, Gemm gemm) {
    this.net = net;
    this.gemm = gemm;
    if (!(net.layer(0) instanceof Input in) || in.encoding() != Input.Encoding.UINT8) {
      throw new IllegalArgumentException("the network's input must be 8-bit");
    }
    long bound = 255;
    for (int i = 1; i < net.size(); i++) {
      Layer l = net.layer(i);
      if (l instanceof BinaryDense d) {
        if (bound * d.inputs() >= EXACT) {
          throw new IllegalArgumentException(
              "layer '"
                  + d.name()
                  + "': sums up to "
                  + bound * d.inputs()
                  + " are not exact in float32");
        }
        float[] t = new float[d.inputs() * d.outputs()];
        for (int o = 0; o < d.outputs(); o++) {
          for (int j = 0; j < d.inputs(); j++) {
            t[j * d.outputs() + o] = d.weights().sign(o, j);
          }
        }
        weightsT.add(t);
        bound = d.inputs();
      } else if (l instanceof Scores s) {
        if (s.table().isPresent()) {
          throw new IllegalArgumentException(
              "layer '" + s.name() + "': score tables are not taken");
        }
      } else if (l instanceof Sign) {
        bound = 1;
      } else if (!(l instanceof Affine || l instanceof BatchNorm || l instanceof Argmax)) {
        throw new IllegalArgumentException(
            "layer '" + l.name() + "' (" + l.kind() + ") is not taken by the trainer's inference");
      }
    }
  }

  /** What the network gives for a batch: each sample's class and its scores. */
  public record Result(int[] classes, float[] scores, int classCount) {
    public float score(int sample, int c) {
      return scores[sample * classCount + c];
    }
  }

  /** Evaluates samples {@code order[from..to-1]} of {@code data}. */
  public Result evaluate(Dataset data, int[] order, int from, int to) {
    int batch = to - from;
    float[] v = data.raw(order, from, to);
    int width = data.width();
    Rational scale = ((Input) net.layer(0)).scale();
    boolean integer = true;
    int dense = 0;
    float[] scores = null;
    int classes = 0;
    int[] result = null;
    for (int i = 1; i < net.size(); i++) {
      Layer l = net.layer(i);
      if (l instanceof BinaryDense d) {
        float[] y = new float[batch * d.outputs()];
        gemm.multiply(v, weightsT.get(dense++), y, batch, d.inputs(), d.outputs());
        v = y;
        width = d.outputs();
      } else if (l instanceof BatchNorm bn) {
        v = perChannel(v, batch, width, integer, scale, (c, x) -> bn.apply(c, x));
        integer = false;
      } else if (l instanceof Affine a) {
        v = perChannel(v, batch, width, integer, scale, (c, x) -> a.apply(c, x));
        integer = false;
      } else if (l instanceof Sign) {
        float[] y = new float[v.length];
        for (int k = 0; k < v.length; k++) {
          float real = integer ? scale.toFloat((long) v[k]) : v[k];
          y[k] = FloatArithmetic.signFires(real) ? 1f : -1f;
        }
        v = y;
        integer = true;
        scale = Rational.ONE;
      } else if (l instanceof Scores) {
        scores = v;
        classes = width;
      } else if (l instanceof Argmax) {
        result = new int[batch];
        for (int b = 0; b < batch; b++) {
          result[b] = argmax(v, b * width, width);
        }
      }
    }
    return new Result(result, scores, classes);
  }

  /** The first index of the largest of {@code n} values from {@code v[offset]}, as argmax. */
  static int argmax(float[] v, int offset, int n) {
    int best = 0;
    for (int c = 1; c < n; c++) {
      if (v[offset + c] > v[offset + best]) {
        best = c;
      }
    }
    return best;
  }

  private interface ChannelOp {
    float apply(int channel, float x);
  }

  private static float[] perChannel(
      float[] v, int batch, int width, boolean integer, Rational scale, ChannelOp op) {
    float[] y = new float[v.length];
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < width; c++) {
        float x = v[b * width + c];
        y[b * width + c] = op.apply(c, integer ? scale.toFloat((long) x) : x);
      }
    }
    return y;
  }

  /** The fraction of {@code data} classified correctly, evaluated in batches of 500. */
  public double accuracy(Dataset data) {
    int[] order = data.identity();
    int correct = 0;
    for (int from = 0; from < data.size(); from += 500) {
      int to = Math.min(data.size(), from + 500);
      int[] c = evaluate(data, order, from, to).classes();
      for (int k = 0; k < c.length; k++) {
        if (c[k] == data.label(from + k)) {
          correct++;
        }
      }
    }
    return data.size() == 0 ? 0 : (double) correct / data.size();
  }
}
