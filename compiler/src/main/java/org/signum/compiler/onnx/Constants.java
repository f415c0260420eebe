package org.signum.compiler.onnx;

import java.util.Map;

/** The tensors known at import: initializers and the outputs of folded nodes. */
final class Constants {
  private final Map<String, Tensor> values;

  Constants(Map<String, Tensor> values) {
    this.values = values;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /**
   * The constant value of input {@code index} of {@code node}, which must be given and constant
   * because {@code role} decides shapes or types that Signum fixes at import.
   */
  Tensor require(NodeDef node, int index, String role) {
    String name = node.input(index);
    if (name.isEmpty()) {
      throw new NodeException("input " + index + " (" + role + ") is missing");
    }
    Tensor value = values.get(name);
    if (value == null) {
      throw new NodeException(
          "input "
              + index
              + " ('"
              + name
              + "', "
              + role
              + ") must be constant, an initializer or computed from initializers only, since"
              + " Signum fixes it at import");
    }
    return value;
  }
}
