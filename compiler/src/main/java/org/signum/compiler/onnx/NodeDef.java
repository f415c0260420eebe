package org.signum.compiler.onnx;

import java.util.List;
import java.util.Map;

/** A node as read from the file, before its operator is bound. */
record NodeDef(
    String name,
    String opType,
    String domain,
    List<String> inputs,
    List<String> outputs,
    Map<String, OnnxAttribute> attributes) {

  String describe() {
    return OnnxNode.describe(name, opType, outputs);
  }

  /** Input {@code index}, or the empty string when it is omitted or beyond the list. */
  String input(int index) {
    return index < inputs.size() ? inputs.get(index) : "";
  }

  boolean hasInput(int index) {
    return !input(index).isEmpty();
  }
}
