package org.signum.compiler.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable tensor: a shape, an element type and row-major data, held as {@code float} for FLOAT
 * and as {@code long} for every integer type.
 */
public final class Tensor {
  private final ElementType type;
  private final Shape shape;
  private final float[] floats;
  private final long[] longs;

  private Tensor(ElementType type, Shape shape, float[] floats, long[] longs) {
    this.type = type;
    this.shape = shape;
    this.floats = floats;
    this.longs = longs;
    int length = floats != null ? floats.length : longs.length;
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          length + " values do not fill shape " + shape + " (" + shape.size() + " elements)");
    }
  }

  /** A FLOAT tensor holding a copy of {@code data}. */
  public static Tensor ofFloats(Shape shape, float... data) {
    return new Tensor(ElementType.FLOAT, shape, data.clone(), null);
  }

  /** An integer tensor of {@code type} holding a copy of {@code data}. */
  public static Tensor ofLongs(ElementType type, Shape shape, long... data) {
    if (type.isFloat()) {
      throw new IllegalArgumentException("ofLongs needs an integer type, not " + type);
    }
    return new Tensor(type, shape, null, data.clone());
  }

  /** Takes ownership of {@code data}: the caller must not change it afterwards. */
  static Tensor wrapFloats(Shape shape, float[] data) {
    return new Tensor(ElementType.FLOAT, shape, data, null);
  }

  /** Takes ownership of {@code data}: the caller must not change it afterwards. */
  static Tensor wrapLongs(ElementType type, Shape shape, long[] data) {
    return new Tensor(type, shape, null, data);
  }

  public ElementType type() {
    return type;
  }

  public Shape shape() {
    return shape;
  }

  public int size() {
    return shape.size();
  }

  /** A copy of the data of a FLOAT tensor. */
  public float[] floats() {
    return floatData().clone();
  }

  /** A copy of the data of an integer tensor. */
  public long[] longs() {
    return longData().clone();
  }

  /** Element {@code i} in row-major order, converted to float for integer types. */
  public float floatAt(int i) {
    return floats != null ? floats[i] : (float) longs[i];
  }

  /** Element {@code i} in row-major order as a double, exact for every type Signum reads. */
  public double valueAt(int i) {
    return floats != null ? floats[i] : (double) longs[i];
  }

  /** The data of a FLOAT tensor, not copied: callers in this package only read it. */
  float[] floatData() {
    if (floats == null) {
      throw new IllegalStateException("a " + type + " tensor has no float data");
    }
    return floats;
  }

  /** The data of an integer tensor, not copied: callers in this package only read it. */
  long[] longData() {
    if (longs == null) {
      throw new IllegalStateException("a FLOAT tensor has no integer data");
    }
    return longs;
  }

  /** The values converted to float (exact for integers up to 2^24 in magnitude). */
  float[] toFloats() {
    if (floats != null) {
      return floats.clone();
    }
    float[] out = new float[longs.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = longs[i];
    }
    return out;
  }

  /** The same data under another shape of the same size. */
  Tensor reshape(Shape newShape) {
    return new Tensor(type, newShape, floats, longs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t
        && type == t.type
        && shape.equals(t.shape)
        && Arrays.equals(floats, t.floats)
        && Arrays.equals(longs, t.longs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, shape, Arrays.hashCode(floats), Arrays.hashCode(longs));
  }

  @Override
  public String toString() {
    String values =
        floats != null
            ? Arrays.toString(Arrays.copyOf(floats, Math.min(floats.length, 8)))
            : Arrays.toString(Arrays.copyOf(longs, Math.min(longs.length, 8)));
    return type + shape.toString() + (size() > 8 ? " " + values + "..." : " " + values);
  }
}
