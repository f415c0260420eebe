package org.signum.compiler.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.GraphProto;
import org.signum.compiler.onnx.proto.Onnx.ModelProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;
import org.signum.compiler.onnx.proto.Onnx.OperatorSetIdProto;
import org.signum.compiler.onnx.proto.Onnx.StringStringEntryProto;
import org.signum.compiler.onnx.proto.Onnx.TensorAnnotation;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

/**
 * Builds an {@link OnnxModel} from a parsed {@link ModelProto}: decodes and checks every part,
 * orders the nodes, binds each to its operator, and folds every node whose inputs are all known at
 * import.
 *
 * <p>Shapes are found by evaluating the graph once on zeros of the declared input shapes: every
 * supported operator's output shape depends only on its input shapes and constant inputs, so the
 * probe gives each tensor's static shape and lets Shape nodes fold even on live tensors.
 */
final class GraphImporter {
  static final String FINN_DATATYPE = "finn_datatype";

  private final ModelProto proto;

  private final Map<String, Tensor> constants = new LinkedHashMap<>();
  private final Map<String, Tensor> probe = new HashMap<>();
  private final Map<String, TensorInfo> tensors = new LinkedHashMap<>();

  GraphImporter(ModelProto proto) {
    this.proto = proto;
  }

  OnnxModel build(String source) {
    if (!proto.hasGraph()) {
      throw new ModelException("has no graph; is it an ONNX model?");
    }
    if (proto.getOpsetImportCount() == 0) {
      throw new ModelException(
          "declares no operator set (opset_import is empty), which every ONNX model must; is the"
              + " file truncated?");
    }
    GraphProto graph = proto.getGraph();
    if (graph.getSparseInitializerCount() > 0) {
      throw new ModelException(
          "has sparse initializers, which Signum does not read; store them as dense tensors");
    }
    readInitializers(graph);
    List<TensorInfo> inputs = readInputs(graph);
    List<NodeDef> defs = new ArrayList<>();
    for (NodeProto n : graph.getNodeList()) {
      defs.add(nodeDef(n));
    }
    Set<String> available = new HashSet<>(constants.keySet());
    inputs.forEach(i -> available.add(i.name()));
    List<OnnxNode> nodes = new ArrayList<>();
    for (NodeDef def : TopologicalOrder.sort(defs, available)) {
      importNode(def).ifPresent(nodes::add);
    }
    List<TensorInfo> outputs = readOutputs(graph);
    return new OnnxModel(
        source,
        proto.getIrVersion(),
        producer(),
        opsets(),
        nodes,
        usedConstants(nodes, outputs),
        inputs,
        outputs,
        tensors,
        finnDatatypes(graph));
  }

  private void readInitializers(GraphProto graph) {
    for (TensorProto t : graph.getInitializerList()) {
      String what = "initializer '" + t.getName() + "'";
      if (t.getName().isEmpty()) {
        throw new ModelException("has an initializer without a name");
      }
      if (constants.containsKey(t.getName())) {
        throw new ModelException("has two initializers named '" + t.getName() + "'");
      }
      Tensor value = ProtoDecoder.tensor(t, what);
      defineConstant(t.getName(), value);
    }
  }

  private void defineConstant(String name, Tensor value) {
    constants.put(name, value);
    probe.put(name, value);
    tensors.put(name, new TensorInfo(name, value.type(), value.shape()));
  }

  // Before IR version 4 every initializer was also listed as a graph input; those are constants.
  private List<TensorInfo> readInputs(GraphProto graph) {
    List<TensorInfo> inputs = new ArrayList<>();
    for (ValueInfoProto v : graph.getInputList()) {
      if (constants.containsKey(v.getName())) {
        continue;
      }
      String what = "graph input '" + v.getName() + "'";
      if (v.getName().isEmpty()) {
        throw new ModelException("has a graph input without a name");
      }
      if (tensors.containsKey(v.getName())) {
        throw new ModelException("has two graph inputs named '" + v.getName() + "'");
      }
      TensorInfo info = ProtoDecoder.valueInfo(v, what);
      if (!info.type().isFloat()) {
        throw new ModelException(
            what + " has element type " + info.type() + "; Signum reads FLOAT inputs");
      }
      inputs.add(info);
      tensors.put(info.name(), info);
      probe.put(info.name(), Tensor.wrapFloats(info.shape(), new float[info.shape().size()]));
    }
    if (inputs.isEmpty()) {
      throw new ModelException("has no graph input besides its initializers");
    }
    return inputs;
  }

  private static NodeDef nodeDef(NodeProto n) {
    String described = OnnxNode.describe(n.getName(), n.getOpType(), n.getOutputList());
    if (n.getOpType().isEmpty()) {
      throw new ModelException(described + " has no operator type");
    }
    Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
    for (AttributeProto a : n.getAttributeList()) {
      if (attributes.put(a.getName(), ProtoDecoder.attribute(a, described)) != null) {
        throw new ModelException(described + " has two attributes named '" + a.getName() + "'");
      }
    }
    return new NodeDef(
        n.getName(), n.getOpType(), n.getDomain(), n.getInputList(), n.getOutputList(), attributes);
  }

  /** Binds and probes {@code def}; returns the node unless it was folded into constants. */
  private Optional<OnnxNode> importNode(NodeDef def) {
    try {
      Operator op = Operators.lookup(def);
      Kernel kernel = op.bind(def, new Constants(constants));
      Tensor[] in = new Tensor[def.inputs().size()];
      boolean allConstant = true;
      for (int i = 0; i < in.length; i++) {
        String name = def.input(i);
        if (!name.isEmpty()) {
          in[i] = probe.get(name);
          allConstant &= constants.containsKey(name);
        }
      }
      Tensor[] out = kernel.apply(in);
      // A Shape reads only its input's static shape, which the probe already knows.
      boolean fold = allConstant || op instanceof ShapeOf;
      for (int i = 0; i < def.outputs().size(); i++) {
        String name = def.outputs().get(i);
        if (name.isEmpty()) {
          continue;
        }
        if (fold) {
          defineConstant(name, out[i]);
        } else {
          probe.put(name, out[i]);
          tensors.put(name, new TensorInfo(name, out[i].type(), out[i].shape()));
        }
      }
      return fold
          ? Optional.empty()
          : Optional.of(
              new OnnxNode(
                  def.name(),
                  def.opType(),
                  def.domain(),
                  def.inputs(),
                  def.outputs(),
                  def.attributes(),
                  kernel));
    } catch (NodeException | IllegalArgumentException e) {
      throw new ModelException(def.describe() + ": " + e.getMessage());
    }
  }

  private List<TensorInfo> readOutputs(GraphProto graph) {
    if (graph.getOutputCount() == 0) {
      throw new ModelException("has no graph output");
    }
    List<TensorInfo> outputs = new ArrayList<>();
    for (ValueInfoProto v : graph.getOutputList()) {
      TensorInfo computed = tensors.get(v.getName());
      if (computed == null) {
        throw new ModelException(
            "graph output '" + v.getName() + "' is not computed by any node, initializer or input");
      }
      if (v.getType().hasTensorType() && v.getType().getTensorType().hasShape()) {
        TensorInfo declared = ProtoDecoder.valueInfo(v, "graph output '" + v.getName() + "'");
        if (!declared.equals(computed)) {
          throw new ModelException(
              "graph output '"
                  + v.getName()
                  + "' is declared "
                  + declared.type()
                  + declared.shape()
                  + " but the graph computes "
                  + computed.type()
                  + computed.shape());
        }
      }
      outputs.add(computed);
    }
    return outputs;
  }

  /** The constants that kept nodes or graph outputs read; the rest were consumed by folding. */
  private Map<String, Tensor> usedConstants(List<OnnxNode> nodes, List<TensorInfo> outputs) {
    Set<String> used = new HashSet<>();
    nodes.forEach(n -> used.addAll(n.inputs()));
    outputs.forEach(o -> used.add(o.name()));
    Map<String, Tensor> kept = new LinkedHashMap<>();
    constants.forEach(
        (name, value) -> {
          if (used.contains(name)) {
            kept.put(name, value);
          }
        });
    tensors.keySet().removeIf(name -> constants.containsKey(name) && !used.contains(name));
    return kept;
  }

  private String producer() {
    String version = proto.getProducerVersion();
    return version.isEmpty() ? proto.getProducerName() : proto.getProducerName() + " " + version;
  }

  private Map<String, Long> opsets() {
    Map<String, Long> opsets = new LinkedHashMap<>();
    for (OperatorSetIdProto o : proto.getOpsetImportList()) {
      opsets.put(o.getDomain(), o.getVersion());
    }
    return opsets;
  }

  private static Map<String, String> finnDatatypes(GraphProto graph) {
    Map<String, String> types = new LinkedHashMap<>();
    for (TensorAnnotation a : graph.getQuantizationAnnotationList()) {
      for (StringStringEntryProto e : a.getQuantParameterTensorNamesList()) {
        if (e.getKey().equals(FINN_DATATYPE)) {
          types.put(a.getTensorName(), e.getValue());
        }
      }
    }
    return types;
  }
}
