package org.signum.compiler.ir;

/** The type of a layer's output: its shape and the kind of its elements. */
public record TensorType(Shape shape, ElementKind kind) {
  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + "[" + shape + "]";
  }
}
