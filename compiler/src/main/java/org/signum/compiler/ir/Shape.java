package org.signum.compiler.ir;

import java.util.Arrays;

/**
 * The dimensions of a tensor, without a batch dimension. Per-channel parameters (batch norm,
 * affine, thresholds) index the first dimension, as ONNX's NCHW layout does once the batch is
 * dropped; a one-dimensional tensor of {@code n} elements therefore has {@code n} channels.
 * Elements are numbered row-major, which is also how a dense layer flattens its input.
 */
public final class Shape {
  private final int[] dims;

  private Shape(int[] dims) {
    this.dims = dims;
  }

  /** A shape with the given dimensions; each must be at least 1 (checked by the verifier). */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int i) {
    return dims[i];
  }

  /** The number of elements, saturating at {@link Long#MAX_VALUE} never reached in practice. */
  public long elements() {
    long n = 1;
    for (int d : dims) {
      n *= d;
    }
    return n;
  }

  /** The number of channels: the first dimension. */
  public int channels() {
    return dims.length == 0 ? 1 : dims[0];
  }

  /** Elements that share one channel's parameters. */
  public long elementsPerChannel() {
    return elements() / Math.max(1, channels());
  }

  /** Whether every dimension is at least 1 and there is at least one. */
  boolean isValid() {
    if (dims.length == 0) {
      return false;
    }
    long n = 1;
    for (int d : dims) {
      if (d < 1) {
        return false;
      }
      n *= d;
      if (n > Integer.MAX_VALUE) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(s.dims, dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** {@code 1x28x28}, the notation of the model file. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      b.append(i == 0 ? "" : "x").append(dims[i]);
    }
    return b.toString();
  }
}
