package org.signum.compiler.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;
import org.signum.compiler.onnx.proto.Onnx.TensorShapeProto;
import org.signum.compiler.onnx.proto.Onnx.TypeProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

/** Turns protobuf messages into Signum's immutable values, refusing what Signum cannot read. */
final class ProtoDecoder {
  private static final String READABLE_TYPES =
      String.join(", ", Arrays.stream(ElementType.values()).map(Enum::name).toList());

  private ProtoDecoder() {}

  /** The tensor {@code t}, which messages call {@code what} (for example "initializer 'w'"). */
  static Tensor tensor(TensorProto t, String what) {
    if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
      throw new ModelException(
          what + " keeps its data in an external file; Signum reads only data stored in the model");
    }
    ElementType type =
        ElementType.fromOnnx(t.getDataType())
            .orElseThrow(
                () ->
                    new ModelException(
                        what
                            + " has element type "
                            + ElementType.onnxName(t.getDataType())
                            + "; Signum reads "
                            + READABLE_TYPES));
    Shape shape = shape(t.getDimsList(), what);
    int count = shape.size();
    int typed = typedCount(t, type);
    if (t.hasRawData()) {
      if (typed > 0) {
        throw new ModelException(what + " holds both raw_data and typed data; expected one");
      }
      return raw(t.getRawData().asReadOnlyByteBuffer(), type, shape, what);
    }
    if (typed != count) {
      throw new ModelException(
          what
              + " holds "
              + typed
              + " value"
              + (typed == 1 ? "" : "s")
              + "; its shape "
              + shape
              + " needs "
              + count);
    }
    return switch (type) {
      case FLOAT -> {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getFloatData(i);
        }
        yield Tensor.wrapFloats(shape, v);
      }
      case INT64 -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getInt64Data(i);
        }
        yield Tensor.wrapLongs(type, shape, v);
      }
      default -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getInt32Data(i);
        }
        yield Tensor.wrapLongs(type, shape, v);
      }
    };
  }

  private static int typedCount(TensorProto t, ElementType type) {
    return switch (type) {
      case FLOAT -> t.getFloatDataCount();
      case INT64 -> t.getInt64DataCount();
      default -> t.getInt32DataCount();
    };
  }

  private static Shape shape(List<Long> dims, String what) {
    int[] d = new int[dims.size()];
    for (int i = 0; i < d.length; i++) {
      long v = dims.get(i);
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw new ModelException(what + " has dimension " + v + " in dims " + dims);
      }
      d[i] = (int) v;
    }
    try {
      return Shape.of(d);
    } catch (IllegalArgumentException e) {
      throw new ModelException(what + ": " + e.getMessage());
    }
  }

  private static Tensor raw(ByteBuffer bytes, ElementType type, Shape shape, String what) {
    long expected = (long) shape.size() * type.rawBytes();
    if (bytes.remaining() != expected) {
      throw new ModelException(
          what
              + " has "
              + bytes.remaining()
              + " bytes of raw_data; its shape "
              + shape
              + " of "
              + type
              + " needs "
              + expected);
    }
    ByteBuffer b = bytes.order(ByteOrder.LITTLE_ENDIAN);
    int n = shape.size();
    if (type == ElementType.FLOAT) {
      float[] v = new float[n];
      b.asFloatBuffer().get(v);
      return Tensor.wrapFloats(shape, v);
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          switch (type) {
            case UINT8 -> b.get() & 0xFF;
            case INT8 -> b.get();
            case BOOL -> b.get() != 0 ? 1 : 0;
            case UINT16 -> b.getShort() & 0xFFFF;
            case INT16 -> b.getShort();
            case INT32 -> b.getInt();
            default -> b.getLong();
          };
    }
    return Tensor.wrapLongs(type, shape, v);
  }

  /** The attribute {@code a} of the node that messages call {@code node}. */
  static OnnxAttribute attribute(AttributeProto a, String node) {
    String what = "attribute '" + a.getName() + "' of " + node;
    if (!a.getRefAttrName().isEmpty()) {
      throw new ModelException(
          what + " refers to a function attribute; Signum reads no ONNX functions");
    }
    AttributeProto.AttributeType type = a.hasType() ? a.getType() : inferType(a, what);
    String name = a.getName();
    return switch (type) {
      case FLOAT -> OnnxAttribute.ofFloat(name, a.getF());
      case INT -> OnnxAttribute.ofInt(name, a.getI());
      case STRING -> OnnxAttribute.ofString(name, a.getS().toString(StandardCharsets.UTF_8));
      case TENSOR -> OnnxAttribute.ofTensor(name, tensor(a.getT(), what));
      case FLOATS -> {
        float[] v = new float[a.getFloatsCount()];
        for (int i = 0; i < v.length; i++) {
          v[i] = a.getFloats(i);
        }
        yield OnnxAttribute.ofFloats(name, v);
      }
      case INTS ->
          OnnxAttribute.ofInts(name, a.getIntsList().stream().mapToLong(Long::longValue).toArray());
      case STRINGS -> {
        List<String> v = new ArrayList<>();
        a.getStringsList().forEach(s -> v.add(s.toString(StandardCharsets.UTF_8)));
        yield OnnxAttribute.ofStrings(name, v);
      }
      default ->
          throw new ModelException(
              what
                  + " is of type "
                  + type
                  + "; Signum reads attributes of type FLOAT, INT, STRING, TENSOR, FLOATS, INTS and"
                  + " STRINGS");
    };
  }

  // Models before IR version 2 carry no type field; the value field present tells the type.
  private static AttributeProto.AttributeType inferType(AttributeProto a, String what) {
    if (a.hasF()) {
      return AttributeProto.AttributeType.FLOAT;
    } else if (a.hasI()) {
      return AttributeProto.AttributeType.INT;
    } else if (a.hasS()) {
      return AttributeProto.AttributeType.STRING;
    } else if (a.hasT()) {
      return AttributeProto.AttributeType.TENSOR;
    } else if (a.getFloatsCount() > 0) {
      return AttributeProto.AttributeType.FLOATS;
    } else if (a.getIntsCount() > 0) {
      return AttributeProto.AttributeType.INTS;
    } else if (a.getStringsCount() > 0) {
      return AttributeProto.AttributeType.STRINGS;
    }
    throw new ModelException(what + " has no type and no value Signum reads");
  }

  /**
   * The declared type and shape of graph input or output {@code v}. A symbolic or missing first
   * dimension is the batch and becomes 1, since Signum evaluates one input at a time; any other
   * must be a number.
   */
  static TensorInfo valueInfo(ValueInfoProto v, String what) {
    TypeProto type = v.getType();
    if (!type.hasTensorType()) {
      throw new ModelException(what + " is not declared as a tensor; Signum reads tensors only");
    }
    TypeProto.Tensor tt = type.getTensorType();
    ElementType elem =
        ElementType.fromOnnx(tt.getElemType())
            .orElseThrow(
                () ->
                    new ModelException(
                        what
                            + " has element type "
                            + ElementType.onnxName(tt.getElemType())
                            + "; Signum reads "
                            + READABLE_TYPES));
    if (!tt.hasShape()) {
      throw new ModelException(what + " declares no shape; Signum needs static shapes");
    }
    List<TensorShapeProto.Dimension> dims = tt.getShape().getDimList();
    int[] d = new int[dims.size()];
    for (int i = 0; i < d.length; i++) {
      TensorShapeProto.Dimension dim = dims.get(i);
      if (dim.hasDimValue() && dim.getDimValue() >= 0 && dim.getDimValue() <= Integer.MAX_VALUE) {
        d[i] = (int) dim.getDimValue();
      } else if (i == 0 && !dim.hasDimValue()) {
        d[i] = 1;
      } else {
        String shown =
            dim.hasDimValue()
                ? String.valueOf(dim.getDimValue())
                : dim.hasDimParam() ? "'" + dim.getDimParam() + "'" : "unknown";
        throw new ModelException(
            what
                + " has dimension "
                + i
                + " = "
                + shown
                + "; Signum needs every dimension but the first (the batch) to be a number");
      }
    }
    try {
      return new TensorInfo(v.getName(), elem, Shape.of(d));
    } catch (IllegalArgumentException e) {
      throw new ModelException(what + ": " + e.getMessage());
    }
  }
}
