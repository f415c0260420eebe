package org.signum.compiler.onnx;

import java.util.Arrays;
import java.util.List;

/**
 * One attribute of a node, of one of the ONNX attribute types Signum reads. Graph-valued and sparse
 * attributes are refused at import.
 */
public final class OnnxAttribute {
  /** The attribute types Signum reads, named as in ONNX's {@code AttributeProto.AttributeType}. */
  public enum Kind {
    FLOAT,
    INT,
    STRING,
    TENSOR,
    FLOATS,
    INTS,
    STRINGS
  }

  private final String name;
  private final Kind kind;
  private final Object value;

  private OnnxAttribute(String name, Kind kind, Object value) {
    this.name = name;
    this.kind = kind;
    this.value = value;
  }

  static OnnxAttribute ofFloat(String name, float value) {
    return new OnnxAttribute(name, Kind.FLOAT, value);
  }

  static OnnxAttribute ofInt(String name, long value) {
    return new OnnxAttribute(name, Kind.INT, value);
  }

  static OnnxAttribute ofString(String name, String value) {
    return new OnnxAttribute(name, Kind.STRING, value);
  }

  static OnnxAttribute ofTensor(String name, Tensor value) {
    return new OnnxAttribute(name, Kind.TENSOR, value);
  }

  static OnnxAttribute ofFloats(String name, float[] value) {
    return new OnnxAttribute(name, Kind.FLOATS, value.clone());
  }

  static OnnxAttribute ofInts(String name, long[] value) {
    return new OnnxAttribute(name, Kind.INTS, value.clone());
  }

  static OnnxAttribute ofStrings(String name, List<String> value) {
    return new OnnxAttribute(name, Kind.STRINGS, List.copyOf(value));
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public float floatValue() {
    return (Float) expect(Kind.FLOAT);
  }

  public long intValue() {
    return (Long) expect(Kind.INT);
  }

  public String stringValue() {
    return (String) expect(Kind.STRING);
  }

  public Tensor tensorValue() {
    return (Tensor) expect(Kind.TENSOR);
  }

  public float[] floatsValue() {
    return ((float[]) expect(Kind.FLOATS)).clone();
  }

  public long[] intsValue() {
    return ((long[]) expect(Kind.INTS)).clone();
  }

  @SuppressWarnings("unchecked")
  public List<String> stringsValue() {
    return (List<String>) expect(Kind.STRINGS);
  }

  private Object expect(Kind wanted) {
    if (kind != wanted) {
      throw new IllegalStateException(
          "attribute '" + name + "' is of type " + kind + ", not " + wanted);
    }
    return value;
  }

  @Override
  public String toString() {
    Object shown =
        switch (kind) {
          case FLOATS -> Arrays.toString((float[]) value);
          case INTS -> Arrays.toString((long[]) value);
          default -> value;
        };
    return name + "=" + shown;
  }
}
