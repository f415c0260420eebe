package org.signum.compiler.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.GraphProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;
import org.signum.compiler.onnx.proto.Onnx.StringStringEntryProto;
import org.signum.compiler.onnx.proto.Onnx.TensorAnnotation;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;
import org.signum.compiler.onnx.proto.Onnx.TensorShapeProto;
import org.signum.compiler.onnx.proto.Onnx.TypeProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

/**
 * The graph {@link OnnxExporter} writes, node by node: unique names for nodes, tensors and
 * initializers, constants in {@code raw_data}, and FINN's datatype annotations.
 *
 * <p>Every name of the network's layers is reserved for that layer: the last node a layer becomes,
 * and the tensor it writes, carry the layer's name; every other name is derived from a layer's name
 * and made unique with a numbered suffix.
 */
final class ExportGraph {
  static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
  static final int INT64 = TensorProto.DataType.INT64_VALUE;

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> used = new HashSet<>();

  ExportGraph(String name, List<String> reserved) {
    graph.setName(name);
    used.addAll(reserved);
  }

  /** {@code base}, or {@code base_2}, {@code base_3}, ... when it is taken. */
  String fresh(String base) {
    String name = base;
    for (int i = 2; !used.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  GraphProto.Builder proto() {
    return graph;
  }

  void input(String name, int type, long... dims) {
    graph.addInput(valueInfo(name, type, dims));
  }

  void output(String name, int type, long... dims) {
    graph.addOutput(valueInfo(name, type, dims));
  }

  /** A FLOAT initializer of the given shape, named from {@code base}; returns its name. */
  String floats(String base, long[] dims, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return initializer(base, FLOAT, dims, b.array());
  }

  /** A FLOAT initializer: a scalar when every value has the same bits, else a vector. */
  String floatsOrScalar(String base, float[] values) {
    boolean uniform = true;
    for (float v : values) {
      uniform &= Float.floatToRawIntBits(v) == Float.floatToRawIntBits(values[0]);
    }
    return uniform
        ? floats(base, new long[0], new float[] {values[0]})
        : floats(base, new long[] {values.length}, values);
  }

  /** An INT64 initializer of shape [values.length]. */
  String longs(String base, long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    return initializer(base, INT64, new long[] {values.length}, b.array());
  }

  private String initializer(String base, int type, long[] dims, byte[] raw) {
    String name = fresh(base);
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t.setRawData(ByteString.copyFrom(raw)));
    return name;
  }

  /** Adds a node; its outputs are named as given. */
  NodeProto.Builder node(
      String domain, String opType, String name, List<String> inputs, List<String> outputs) {
    NodeProto.Builder n =
        NodeProto.newBuilder()
            .setName(name)
            .setOpType(opType)
            .addAllInput(inputs)
            .addAllOutput(outputs);
    if (!domain.isEmpty()) {
      n.setDomain(domain);
    }
    return n;
  }

  void add(NodeProto.Builder node) {
    graph.addNode(node);
  }

  /** Records FINN's datatype annotation of {@code tensor}, for example UINT8 or BIPOLAR. */
  void annotate(String tensor, String datatype) {
    graph.addQuantizationAnnotation(
        TensorAnnotation.newBuilder()
            .setTensorName(tensor)
            .addQuantParameterTensorNames(
                StringStringEntryProto.newBuilder()
                    .setKey(GraphImporter.FINN_DATATYPE)
                    .setValue(datatype)));
  }

  static AttributeProto floatAttr(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  static AttributeProto intAttr(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  static AttributeProto intsAttr(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  static AttributeProto stringAttr(String name, String value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8))
        .build();
  }

  static ValueInfoProto valueInfo(String name, int type, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape)))
        .build();
  }
}
