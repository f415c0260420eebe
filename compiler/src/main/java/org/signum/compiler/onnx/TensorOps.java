package org.signum.compiler.onnx;

import java.util.Arrays;

/** Shape arithmetic and data movement shared by the kernels. */
final class TensorOps {
  private TensorOps() {}

  /** The numpy-style broadcast of {@code shapes}: dimensions aligned right, each equal or 1. */
  static Shape broadcast(Shape... shapes) {
    int rank = 0;
    for (Shape s : shapes) {
      rank = Math.max(rank, s.rank());
    }
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    for (Shape s : shapes) {
      for (int i = 0; i < s.rank(); i++) {
        int o = rank - s.rank() + i;
        int d = s.dim(i);
        if (out[o] == 1) {
          out[o] = d;
        } else if (d != 1 && d != out[o]) {
          throw new NodeException("cannot broadcast shapes " + describe(shapes));
        }
      }
    }
    return Shape.of(out);
  }

  private static String describe(Shape[] shapes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shapes.length; i++) {
      sb.append(i == 0 ? "" : i == shapes.length - 1 ? " and " : ", ").append(shapes[i]);
    }
    return sb.toString();
  }

  /** The float values of {@code t} repeated to fill {@code out}, which it broadcasts to. */
  static float[] expand(Tensor t, Shape out) {
    float[] data = t.floatData();
    if (t.shape().equals(out)) {
      return data;
    }
    float[] result = new float[out.size()];
    if (data.length == 1) {
      Arrays.fill(result, data[0]);
      return result;
    }
    int[] index = broadcastIndex(t.shape(), out);
    for (int i = 0; i < result.length; i++) {
      result[i] = data[index[i]];
    }
    return result;
  }

  /** For each element of {@code out}, the element of a tensor of shape {@code in} it reads. */
  static int[] broadcastIndex(Shape in, Shape out) {
    int rank = out.rank();
    int[] strides = new int[rank];
    int[] inStrides = in.strides();
    for (int i = 0; i < in.rank(); i++) {
      int o = rank - in.rank() + i;
      strides[o] = in.dim(i) == 1 ? 0 : inStrides[i];
    }
    return walk(out.dims(), strides);
  }

  /**
   * The offsets visited by walking {@code dims} in row-major order when each step along axis d
   * moves {@code strides[d]} elements: the source index of a broadcast or a transpose.
   */
  static int[] walk(int[] dims, int[] strides) {
    int size = 1;
    for (int d : dims) {
      size *= d;
    }
    int[] offsets = new int[size];
    int[] counter = new int[dims.length];
    int offset = 0;
    for (int i = 0; i < size; i++) {
      offsets[i] = offset;
      for (int d = dims.length - 1; d >= 0; d--) {
        counter[d]++;
        offset += strides[d];
        if (counter[d] < dims[d]) {
          break;
        }
        offset -= strides[d] * counter[d];
        counter[d] = 0;
      }
    }
    return offsets;
  }

  /** A tensor of shape {@code out} whose element i is element {@code source[i]} of {@code t}. */
  static Tensor select(Tensor t, Shape out, int[] source) {
    if (t.type().isFloat()) {
      float[] data = t.floatData();
      float[] result = new float[source.length];
      for (int i = 0; i < source.length; i++) {
        result[i] = data[source[i]];
      }
      return Tensor.wrapFloats(out, result);
    }
    long[] data = t.longData();
    long[] result = new long[source.length];
    for (int i = 0; i < source.length; i++) {
      result[i] = data[source[i]];
    }
    return Tensor.wrapLongs(t.type(), out, result);
  }

  /** The integer values of a 0-d or 1-d integer tensor, as a shape or axis list. */
  static long[] integerList(Tensor t, String role) {
    Checks.integers(t, role);
    if (t.shape().rank() > 1) {
      throw new NodeException(
          role + " must be a scalar or a 1-d tensor, but has shape " + t.shape());
    }
    return t.longData().clone();
  }
}
