package org.signum.compiler.onnx;

import java.util.Arrays;

/**
 * The static shape of a tensor: every dimension is known, and a scalar has rank 0. Signum evaluates
 * one input at a time, so a symbolic batch dimension of a graph input is taken as 1 at import.
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    this.dims = dims;
    long product = 1;
    for (int d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
      }
      product *= d;
      if (product > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + " has more than 2^31 - 1 elements");
      }
    }
    this.size = (int) product;
  }

  /** A shape with these dimensions; fails on a negative one or more than 2^31 - 1 elements. */
  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  public static Shape scalar() {
    return SCALAR;
  }

  public int rank() {
    return dims.length;
  }

  public int dim(int axis) {
    return dims[axis];
  }

  public int[] dims() {
    return dims.clone();
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The element count of dimensions {@code from} (inclusive) to {@code to} (exclusive). */
  int product(int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= dims[i];
    }
    return p;
  }

  /** Row-major strides, in elements. */
  int[] strides() {
    int[] strides = new int[dims.length];
    int s = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= dims[i];
    }
    return strides;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape other && Arrays.equals(dims, other.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
