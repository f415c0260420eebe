package org.signum.compiler.golden;

import java.util.Arrays;
import org.signum.compiler.ir.ElementKind;

/**
 * The output of one layer for one input: integers (bipolar +1/-1, bytes, dot products, integer
 * scores, the class) or floats, by {@link #kind()}.
 */
public final class LayerValue {
  private final String layer;
  private final ElementKind kind;
  private final long[] ints;
  private final float[] floats;

  LayerValue(String layer, ElementKind kind, long[] ints, float[] floats) {
    this.layer = layer;
    this.kind = kind;
    this.ints = ints;
    this.floats = floats;
  }

  public String layer() {
    return layer;
  }

  public ElementKind kind() {
    return kind;
  }

  public boolean isFloat() {
    return floats != null;
  }

  public int size() {
    return floats != null ? floats.length : ints.length;
  }

  /** Element {@code i} of an integer value. */
  public long intAt(int i) {
    return ints[i];
  }

  /** A copy of the integers; empty for a float value. */
  public long[] ints() {
    return ints == null ? new long[0] : ints.clone();
  }

  /** A copy of the floats; empty for an integer value. */
  public float[] floats() {
    return floats == null ? new float[0] : floats.clone();
  }

  /** Element {@code i} as a float: the float itself, or the integer converted. */
  float asFloat(int i) {
    return floats != null ? floats[i] : (float) ints[i];
  }

  @Override
  public String toString() {
    return layer
        + " "
        + kind
        + " "
        + (floats != null ? Arrays.toString(floats) : Arrays.toString(ints));
  }
}
