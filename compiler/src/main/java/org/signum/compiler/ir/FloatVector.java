package org.signum.compiler.ir;

import java.util.Arrays;

/**
 * An immutable list of float32 values: one per channel of a batch norm or affine layer. Two vectors
 * are equal when every value has the same bits, so -0 differs from +0, as it may in a model's
 * arithmetic.
 */
public final class FloatVector {
  private final float[] values;

  private FloatVector(float[] values) {
    this.values = values;
  }

  public static FloatVector of(float... values) {
    return new FloatVector(values.clone());
  }

  /** {@code n} copies of {@code value}: a per-tensor parameter spread over every channel. */
  public static FloatVector filled(int n, float value) {
    float[] v = new float[n];
    Arrays.fill(v, value);
    return new FloatVector(v);
  }

  public int size() {
    return values.length;
  }

  public float get(int i) {
    return values[i];
  }

  public float[] toArray() {
    return values.clone();
  }

  /** The index of the first value that is NaN or infinite, or -1. */
  public int firstNonFinite() {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FloatVector v) || v.values.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(v.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (float f : values) {
      h = 31 * h + Float.floatToRawIntBits(f);
    }
    return h;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
