package org.signum.compiler.onnx;

/** The name, element type and static shape of a tensor of the graph. */
public record TensorInfo(String name, ElementType type, Shape shape) {
  @Override
  public String toString() {
    return name + ": " + type + shape;
  }
}
