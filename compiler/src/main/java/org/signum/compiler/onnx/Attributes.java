package org.signum.compiler.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to a node's attributes, refusing attributes the operator does not know so that no
 * setting is silently ignored.
 */
final class Attributes {
  private final Map<String, OnnxAttribute> attributes;

  private Attributes(Map<String, OnnxAttribute> attributes) {
    this.attributes = attributes;
  }

  /** The attributes of {@code node}, which may use only {@code known}. */
  static Attributes of(NodeDef node, String... known) {
    Set<String> allowed = Set.of(known);
    for (String name : node.attributes().keySet()) {
      if (!allowed.contains(name)) {
        String list = known.length == 0 ? "none" : String.join(", ", sorted(known));
        throw new NodeException(
            "attribute '" + name + "' is not supported; supported attributes: " + list);
      }
    }
    return new Attributes(node.attributes());
  }

  private static List<String> sorted(String[] names) {
    String[] copy = names.clone();
    Arrays.sort(copy);
    return List.of(copy);
  }

  boolean has(String name) {
    return attributes.containsKey(name);
  }

  long getInt(String name, long defaultValue) {
    OnnxAttribute a = attributes.get(name);
    return a == null ? defaultValue : typed(a, OnnxAttribute.Kind.INT).intValue();
  }

  float getFloat(String name, float defaultValue) {
    OnnxAttribute a = attributes.get(name);
    return a == null ? defaultValue : typed(a, OnnxAttribute.Kind.FLOAT).floatValue();
  }

  String getString(String name, String defaultValue) {
    OnnxAttribute a = attributes.get(name);
    return a == null ? defaultValue : typed(a, OnnxAttribute.Kind.STRING).stringValue();
  }

  String requireString(String name) {
    OnnxAttribute a = attributes.get(name);
    if (a == null) {
      throw new NodeException("attribute '" + name + "' is required");
    }
    return typed(a, OnnxAttribute.Kind.STRING).stringValue();
  }

  /** The INTS attribute {@code name}, or null when absent. */
  long[] getInts(String name) {
    OnnxAttribute a = attributes.get(name);
    return a == null ? null : typed(a, OnnxAttribute.Kind.INTS).intsValue();
  }

  /** An INT attribute that must be 0 or 1. */
  boolean getFlag(String name, boolean defaultValue) {
    long v = getInt(name, defaultValue ? 1 : 0);
    if (v != 0 && v != 1) {
      throw new NodeException("attribute '" + name + "' must be 0 or 1, not " + v);
    }
    return v == 1;
  }

  OnnxAttribute get(String name) {
    return attributes.get(name);
  }

  private static OnnxAttribute typed(OnnxAttribute a, OnnxAttribute.Kind kind) {
    if (a.kind() != kind) {
      throw new NodeException(
          "attribute '" + a.name() + "' must be of type " + kind + ", not " + a.kind());
    }
    return a;
  }
}
