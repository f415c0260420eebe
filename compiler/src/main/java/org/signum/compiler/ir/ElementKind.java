package org.signum.compiler.ir;

/** What the elements of a tensor are. */
public enum ElementKind {
  /** +1 or -1; packed as bit 1 for +1 and bit 0 for -1. */
  BIPOLAR,
  /** An unsigned 8-bit integer 0..255 whose real value is the integer times the input scale. */
  UINT8,
  /**
   * An exact integer: a dense layer's pre-activation, {@code sum_i w_i x_i}. Its real value is the
   * integer times the scale of the dense layer's input (1 for bipolar inputs).
   */
  INTEGER,
  /** A float32 value, computed as defined by the layer (see {@link FloatArithmetic}). */
  FLOAT,
  /** The index of the winning class. */
  CLASS
}
