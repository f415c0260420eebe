package org.signum.compiler.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operator application of the imported graph. An omitted optional input is the empty string, as
 * in ONNX. Each node carries the kernel bound to its operator and attributes at import, so
 * evaluation never parses attributes again.
 */
public final class OnnxNode {
  private final String name;
  private final String opType;
  private final String domain;
  private final List<String> inputs;
  private final List<String> outputs;
  private final Map<String, OnnxAttribute> attributes;
  private final Kernel kernel;

  OnnxNode(
      String name,
      String opType,
      String domain,
      List<String> inputs,
      List<String> outputs,
      Map<String, OnnxAttribute> attributes,
      Kernel kernel) {
    this.name = name;
    this.opType = opType;
    this.domain = domain;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    this.kernel = kernel;
  }

  /** The node's name; may be empty, since ONNX makes it optional. */
  public String name() {
    return name;
  }

  public String opType() {
    return opType;
  }

  /**
   * The operator's domain: empty for standard ONNX, for example {@code onnx.brevitas} for QONNX.
   */
  public String domain() {
    return domain;
  }

  public List<String> inputs() {
    return inputs;
  }

  public List<String> outputs() {
    return outputs;
  }

  public Map<String, OnnxAttribute> attributes() {
    return attributes;
  }

  public Optional<OnnxAttribute> attribute(String attributeName) {
    return Optional.ofNullable(attributes.get(attributeName));
  }

  Kernel kernel() {
    return kernel;
  }

  /** How messages name this node: its name, or its first output when it has none. */
  public String describe() {
    return describe(name, opType, outputs);
  }

  static String describe(String name, String opType, List<String> outputs) {
    if (!name.isEmpty()) {
      return "node '" + name + "' (" + opType + ")";
    }
    String unnamed = "unnamed " + (opType.isEmpty() ? "" : opType + " ") + "node";
    return outputs.isEmpty() ? unnamed : unnamed + " producing '" + outputs.get(0) + "'";
  }

  @Override
  public String toString() {
    return describe()
        + " "
        + inputs
        + " -> "
        + outputs
        + (attributes.isEmpty() ? "" : " " + attributes.values());
  }
}
