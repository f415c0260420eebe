package org.signum.compiler.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.GraphProto;
import org.signum.compiler.onnx.proto.Onnx.ModelProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;
import org.signum.compiler.onnx.proto.Onnx.OperatorSetIdProto;
import org.signum.compiler.onnx.proto.Onnx.StringStringEntryProto;
import org.signum.compiler.onnx.proto.Onnx.TensorAnnotation;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

/** Writes small ONNX models with the generated protobuf classes, as an exporter would. */
final class GraphBuilder {
  static final String SOURCE = "test.onnx";
  static final int FLOAT = ExportGraph.FLOAT;
  static final int INT64 = ExportGraph.INT64;

  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
  private final ModelProto.Builder model =
      ModelProto.newBuilder()
          .setIrVersion(8)
          .setProducerName("signum-test")
          .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13));

  GraphBuilder input(String name, long... dims) {
    graph.addInput(valueInfo(name, FLOAT, dims));
    return this;
  }

  GraphBuilder output(String name, long... dims) {
    graph.addOutput(valueInfo(name, FLOAT, dims));
    return this;
  }

  GraphBuilder output(ValueInfoProto info) {
    graph.addOutput(info);
    return this;
  }

  /** An output declared only by name, as exporters may write for intermediate outputs. */
  GraphBuilder outputName(String name) {
    graph.addOutput(ValueInfoProto.newBuilder().setName(name));
    return this;
  }

  GraphBuilder rawInput(ValueInfoProto info) {
    graph.addInput(info);
    return this;
  }

  GraphBuilder floats(String name, long[] dims, float... values) {
    graph.addInitializer(floatTensor(name, dims, values));
    return this;
  }

  GraphBuilder scalar(String name, float value) {
    return floats(name, new long[0], value);
  }

  GraphBuilder longs(String name, long[] dims, long... values) {
    graph.addInitializer(longTensor(name, dims, values));
    return this;
  }

  GraphBuilder initializer(TensorProto tensor) {
    graph.addInitializer(tensor);
    return this;
  }

  GraphBuilder node(String op, List<String> inputs, List<String> outputs, AttributeProto... attrs) {
    return node(
        NodeProto.newBuilder()
            .setName(op + "_" + graph.getNodeCount())
            .setOpType(op)
            .addAllInput(inputs)
            .addAllOutput(outputs)
            .addAllAttribute(Arrays.asList(attrs))
            .build());
  }

  GraphBuilder node(NodeProto node) {
    graph.addNode(node);
    return this;
  }

  /** A node of a custom domain, such as QONNX's quantizers. */
  GraphBuilder custom(
      String domain,
      String op,
      List<String> inputs,
      List<String> outputs,
      AttributeProto... attrs) {
    return node(
        NodeProto.newBuilder()
            .setName(op + "_" + graph.getNodeCount())
            .setOpType(op)
            .setDomain(domain)
            .addAllInput(inputs)
            .addAllOutput(outputs)
            .addAllAttribute(Arrays.asList(attrs))
            .build());
  }

  GraphBuilder annotate(String tensor, String key, String value) {
    graph.addQuantizationAnnotation(
        TensorAnnotation.newBuilder()
            .setTensorName(tensor)
            .addQuantParameterTensorNames(
                StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return this;
  }

  GraphProto.Builder graph() {
    return graph;
  }

  ModelProto.Builder model() {
    return model;
  }

  ModelProto build() {
    return model.clone().setGraph(graph).build();
  }

  byte[] bytes() {
    return build().toByteArray();
  }

  OnnxModel load() throws OnnxImportException {
    return OnnxModel.parse(bytes(), SOURCE);
  }

  static ValueInfoProto valueInfo(String name, int elemType, long... dims) {
    return ExportGraph.valueInfo(name, elemType, dims);
  }

  /** A FLOAT tensor stored as raw little-endian bytes, the way PyTorch exports weights. */
  static TensorProto floatTensor(String name, long[] dims, float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(FLOAT)
        .addAllDims(boxed(dims))
        .setRawData(ByteString.copyFrom(b.array()))
        .build();
  }

  /** An INT64 tensor stored in the typed field {@code int64_data}. */
  static TensorProto longTensor(String name, long[] dims, long... values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(INT64);
    t.addAllDims(boxed(dims));
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.build();
  }

  static List<Long> boxed(long[] dims) {
    return Arrays.stream(dims).boxed().toList();
  }

  static long[] dims(long... dims) {
    return dims;
  }

  static AttributeProto intAttr(String name, long value) {
    return ExportGraph.intAttr(name, value);
  }

  static AttributeProto floatAttr(String name, float value) {
    return ExportGraph.floatAttr(name, value);
  }

  static AttributeProto stringAttr(String name, String value) {
    return ExportGraph.stringAttr(name, value);
  }

  static AttributeProto intsAttr(String name, long... values) {
    return ExportGraph.intsAttr(name, values);
  }

  static AttributeProto tensorAttr(String name, TensorProto value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.TENSOR)
        .setT(value)
        .build();
  }
}
