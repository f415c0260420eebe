package org.signum.compiler.onnx;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signum.compiler.onnx.proto.Onnx.ModelProto;

/**
 * An imported ONNX or QONNX model: an immutable graph whose nodes are in topological order, whose
 * constant subgraphs (Constant, Shape, and every node computing from initializers only, such as a
 * quantizer applied to weights) have been folded into initializers, and whose every tensor has a
 * static shape. Graph inputs listed only because they are initializers are not inputs here.
 */
public final class OnnxModel {
  private final String source;
  private final long irVersion;
  private final String producer;
  private final Map<String, Long> opsets;
  private final List<OnnxNode> nodes;
  private final Map<String, Tensor> initializers;
  private final List<TensorInfo> inputs;
  private final List<TensorInfo> outputs;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, String> finnDatatypes;
  private final Map<String, OnnxNode> producers = new HashMap<>();
  private final Map<String, List<OnnxNode>> consumers = new HashMap<>();

  OnnxModel(
      String source,
      long irVersion,
      String producer,
      Map<String, Long> opsets,
      List<OnnxNode> nodes,
      Map<String, Tensor> initializers,
      List<TensorInfo> inputs,
      List<TensorInfo> outputs,
      Map<String, TensorInfo> tensors,
      Map<String, String> finnDatatypes) {
    this.source = source;
    this.irVersion = irVersion;
    this.producer = producer;
    this.opsets = frozen(opsets);
    this.nodes = List.copyOf(nodes);
    this.initializers = frozen(initializers);
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.tensors = frozen(tensors);
    this.finnDatatypes = frozen(finnDatatypes);
    Map<String, List<OnnxNode>> readers = new HashMap<>();
    for (OnnxNode n : this.nodes) {
      n.outputs().forEach(o -> producers.put(o, n));
      for (String in : n.inputs()) {
        List<OnnxNode> list = readers.computeIfAbsent(in, k -> new ArrayList<>());
        if (!list.contains(n)) {
          list.add(n);
        }
      }
    }
    readers.forEach((name, list) -> consumers.put(name, List.copyOf(list)));
  }

  private static <K, V> Map<K, V> frozen(Map<K, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /**
   * Reads the ONNX model in {@code path}.
   *
   * @throws OnnxImportException if the file cannot be read, is not an ONNX model, or uses what
   *     Signum does not support; the message names the file and what is wrong
   */
  public static OnnxModel load(Path path) throws OnnxImportException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new OnnxImportException(path + ": no such file", e);
    } catch (IOException | OutOfMemoryError e) {
      throw new OnnxImportException(path + ": cannot read: " + e.getMessage(), e);
    }
    return parse(bytes, path.toString());
  }

  /**
   * Reads an ONNX model from {@code bytes}; {@code source} names it in messages.
   *
   * @throws OnnxImportException as {@link #load}
   */
  public static OnnxModel parse(byte[] bytes, String source) throws OnnxImportException {
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      // protobuf reports a short read with this wording; say plainly that the file is cut off.
      String why =
          String.valueOf(e.getMessage()).contains("ended unexpectedly")
              ? "the data ends in the middle of a field; is the file truncated?"
              : "it is not valid protobuf (" + e.getMessage() + ")";
      throw new OnnxImportException(source + ": not a readable ONNX model: " + why, e);
    }
    try {
      return new GraphImporter(proto).build(source);
    } catch (ModelException e) {
      throw new OnnxImportException(source + ": " + e.getMessage(), e);
    }
  }

  /** The file or name the model was read from, as messages show it. */
  public String source() {
    return source;
  }

  public long irVersion() {
    return irVersion;
  }

  /** The producing tool and its version, for example "pytorch 1.7"; may be empty. */
  public String producer() {
    return producer;
  }

  /** Operator-set versions by domain; the default ONNX domain is the empty string. */
  public Map<String, Long> opsets() {
    return opsets;
  }

  /** The nodes left after folding, in topological order. */
  public List<OnnxNode> nodes() {
    return nodes;
  }

  /** The constant tensors the nodes and outputs read, including those folded at import. */
  public Map<String, Tensor> initializers() {
    return initializers;
  }

  public Optional<Tensor> initializer(String name) {
    return Optional.ofNullable(initializers.get(name));
  }

  /** The graph inputs that are not initializers, with static shapes. */
  public List<TensorInfo> inputs() {
    return inputs;
  }

  public List<TensorInfo> outputs() {
    return outputs;
  }

  /** The type and static shape of a tensor of the graph: input, initializer or node output. */
  public Optional<TensorInfo> tensor(String name) {
    return Optional.ofNullable(tensors.get(name));
  }

  /** Every tensor of the graph, in the order they become known. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** The node that computes {@code tensor}; empty for inputs and initializers. */
  public Optional<OnnxNode> producerOf(String tensor) {
    return Optional.ofNullable(producers.get(tensor));
  }

  /** The nodes that read {@code tensor}, in topological order. */
  public List<OnnxNode> consumersOf(String tensor) {
    return consumers.getOrDefault(tensor, List.of());
  }

  /**
   * FINN's datatype annotations (for example UINT8, BIPOLAR, INT32), by tensor name, as written in
   * the graph's {@code quantization_annotation} under the key {@code finn_datatype}.
   */
  public Map<String, String> finnDatatypes() {
    return finnDatatypes;
  }

  public Optional<String> finnDatatype(String tensor) {
    return Optional.ofNullable(finnDatatypes.get(tensor));
  }
}
