package org.signum.compiler.ir;

/**
 * The values an integer tensor can take, channel by channel: {@code low(c), low(c) + step, ...,
 * high(c)}, each meaning the real value {@code v * scale}. For a dense layer with N bipolar inputs
 * these are the dot products {@code 2p - N}; with 8-bit inputs every sum a choice of bytes can
 * reach; for an 8-bit input 0..255.
 *
 * <p>{@link #popcountInputs()} is N when the tensor is a dense layer's output over N bipolar inputs
 * (so that the popcount {@code p = (v + N) / 2} exists), else 0.
 */
public final class IntegerValues {
  private final long[] lows;
  private final long[] highs;
  private final int step;
  private final Rational scale;
  private final int popcountInputs;

  private IntegerValues(long[] lows, long[] highs, int step, Rational scale, int popcountInputs) {
    this.lows = lows;
    this.highs = highs;
    this.step = step;
    this.scale = scale;
    this.popcountInputs = popcountInputs;
  }

  public int step() {
    return step;
  }

  public Rational scale() {
    return scale;
  }

  public int popcountInputs() {
    return popcountInputs;
  }

  /**
   * The values of layer {@code index}'s output, which must be a dense layer or an 8-bit input of a
   * verified network.
   */
  public static IntegerValues of(Network net, int index) {
    Layer layer = net.layer(index);
    if (layer instanceof Input in && in.encoding() == Input.Encoding.UINT8) {
      int channels = in.shape().channels();
      long[] lo = new long[channels];
      long[] hi = new long[channels];
      java.util.Arrays.fill(hi, 255);
      return new IntegerValues(lo, hi, 1, in.scale(), 0);
    }
    if (layer instanceof BinaryDense d) {
      int n = d.inputs();
      long[] lo = new long[d.outputs()];
      long[] hi = new long[d.outputs()];
      Rational scale = scaleOf(net, index - 1);
      if (scale == null) {
        java.util.Arrays.fill(lo, -n);
        java.util.Arrays.fill(hi, n);
        return new IntegerValues(lo, hi, 2, Rational.ONE, n);
      }
      for (int j = 0; j < d.outputs(); j++) {
        int plus = d.weights().plusCount(j);
        lo[j] = -255L * (n - plus);
        hi[j] = 255L * plus;
      }
      return new IntegerValues(lo, hi, 1, scale, 0);
    }
    throw new IllegalArgumentException(
        "layer " + index + " '" + layer.name() + "' does not output integers");
  }

  /**
   * The scale of an 8-bit input at {@code index}, or null when the layer outputs bipolar values.
   */
  private static Rational scaleOf(Network net, int index) {
    return net.layer(index) instanceof Input in && in.encoding() == Input.Encoding.UINT8
        ? in.scale()
        : null;
  }

  public int channels() {
    return lows.length;
  }

  public long low(int c) {
    return lows[c];
  }

  public long high(int c) {
    return highs[c];
  }

  /** How many values channel {@code c} takes. */
  public long count(int c) {
    return (highs[c] - lows[c]) / step + 1;
  }

  /** The {@code k}-th value of channel {@code c}. */
  public long value(int c, long k) {
    return lows[c] + k * step;
  }
}
