package org.signum.compiler.onnx;

/**
 * ONNX Constant: a tensor held in an attribute ({@code value}, {@code value_float}, {@code
 * value_floats}, {@code value_int} or {@code value_ints}). The importer turns it into an
 * initializer.
 */
final class Constant implements Operator {
  @Override
  public Kernel bind(NodeDef node, Constants constants) {
    Checks.inputs(node, 0, 0);
    Checks.outputs(node, 1, 1);
    Attributes attrs =
        Attributes.of(node, "value", "value_float", "value_floats", "value_int", "value_ints");
    if (node.attributes().size() != 1) {
      throw new NodeException(
          "has "
              + node.attributes().size()
              + " value attributes; expected exactly one of value,"
              + " value_float, value_floats, value_int, value_ints");
    }
    OnnxAttribute a = node.attributes().values().iterator().next();
    Tensor value = tensorOf(a, attrs);
    return inputs -> new Tensor[] {value};
  }

  private static Tensor tensorOf(OnnxAttribute a, Attributes attrs) {
    String name = a.name();
    OnnxAttribute.Kind expected =
        switch (name) {
          case "value" -> OnnxAttribute.Kind.TENSOR;
          case "value_float" -> OnnxAttribute.Kind.FLOAT;
          case "value_floats" -> OnnxAttribute.Kind.FLOATS;
          case "value_int" -> OnnxAttribute.Kind.INT;
          default -> OnnxAttribute.Kind.INTS;
        };
    if (a.kind() != expected) {
      throw new NodeException(
          "attribute '" + name + "' must be of type " + expected + ", not " + a.kind());
    }
    return switch (expected) {
      case TENSOR -> a.tensorValue();
      case FLOAT -> Tensor.ofFloats(Shape.scalar(), a.floatValue());
      case FLOATS -> {
        float[] v = a.floatsValue();
        yield Tensor.wrapFloats(Shape.of(v.length), v);
      }
      case INT -> Tensor.ofLongs(ElementType.INT64, Shape.scalar(), a.intValue());
      default -> {
        long[] v = a.intsValue();
        yield Tensor.wrapLongs(ElementType.INT64, Shape.of(v.length), v);
      }
    };
  }
}
