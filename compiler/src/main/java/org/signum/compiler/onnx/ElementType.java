package org.signum.compiler.onnx;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ONNX element types Signum reads, with their numbers in {@code TensorProto.DataType}. Floats
 * are held as {@code float}, every integer type as {@code long}.
 */
public enum ElementType {
  FLOAT(1, 4),
  UINT8(2, 1),
  INT8(3, 1),
  UINT16(4, 2),
  INT16(5, 2),
  INT32(6, 4),
  INT64(7, 8),
  BOOL(9, 1);

  private final int onnxCode;
  private final int bytes;

  ElementType(int onnxCode, int bytes) {
    this.onnxCode = onnxCode;
    this.bytes = bytes;
  }

  /** The number of this type in ONNX's {@code TensorProto.DataType}. */
  public int onnxCode() {
    return onnxCode;
  }

  /** The size of one element in {@code TensorProto.raw_data}. */
  int rawBytes() {
    return bytes;
  }

  public boolean isFloat() {
    return this == FLOAT;
  }

  /** The type with ONNX number {@code code}, if Signum reads it. */
  public static Optional<ElementType> fromOnnx(int code) {
    return Arrays.stream(values()).filter(t -> t.onnxCode == code).findFirst();
  }

  /** ONNX's name for type number {@code code}, for messages about types Signum does not read. */
  static String onnxName(int code) {
    return switch (code) {
      case 0 -> "UNDEFINED";
      case 8 -> "STRING";
      case 10 -> "FLOAT16";
      case 11 -> "DOUBLE";
      case 12 -> "UINT32";
      case 13 -> "UINT64";
      case 14 -> "COMPLEX64";
      case 15 -> "COMPLEX128";
      case 16 -> "BFLOAT16";
      default ->
          fromOnnx(code).map(ElementType::name).orElse("number " + code + ", unknown to Signum");
    };
  }
}
