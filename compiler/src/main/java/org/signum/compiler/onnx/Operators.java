package org.signum.compiler.onnx;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The operators Signum imports, by op type, with the domains each may come from. */
final class Operators {
  private static final Set<String> STANDARD = Set.of("", "ai.onnx");
  // Brevitas exports its quantizers under onnx.brevitas; QONNX and FINN use their own domains.
  private static final Set<String> QONNX = Set.of("onnx.brevitas", "qonnx.custom_op.general");
  private static final Set<String> FINN =
      Set.of("finn", "finn.custom_op.general", "qonnx.custom_op.general");

  private record Entry(Operator operator, Set<String> domains) {}

  private static final Map<String, Entry> TABLE = table();

  private Operators() {}

  private static Map<String, Entry> table() {
    Map<String, Entry> t = new TreeMap<>();
    t.put("Add", new Entry(Arithmetic.ADD, STANDARD));
    t.put("Sub", new Entry(Arithmetic.SUB, STANDARD));
    t.put("Mul", new Entry(Arithmetic.MUL, STANDARD));
    t.put("Div", new Entry(Arithmetic.DIV, STANDARD));
    t.put("Pow", new Entry(Arithmetic.POW, STANDARD));
    t.put("MatMul", new Entry(new MatMul(), STANDARD));
    t.put("Gemm", new Entry(new Gemm(), STANDARD));
    t.put("BatchNormalization", new Entry(new BatchNormalization(), STANDARD));
    t.put("Sign", new Entry(new Sign(), STANDARD));
    t.put("Reshape", new Entry(new Reshape(), STANDARD));
    t.put("Flatten", new Entry(new Flatten(), STANDARD));
    t.put("Transpose", new Entry(new Transpose(), STANDARD));
    t.put("Squeeze", new Entry(new Squeeze(), STANDARD));
    t.put("Unsqueeze", new Entry(new Unsqueeze(), STANDARD));
    t.put("Identity", new Entry(new Identity(), STANDARD));
    t.put("TopK", new Entry(new TopK(), STANDARD));
    t.put("Shape", new Entry(new ShapeOf(), STANDARD));
    t.put("Gather", new Entry(new Gather(), STANDARD));
    t.put("Concat", new Entry(new Concat(), STANDARD));
    t.put("Constant", new Entry(new Constant(), STANDARD));
    t.put("BipolarQuant", new Entry(new BipolarQuant(), QONNX));
    t.put("Quant", new Entry(new Quant(), QONNX));
    t.put("IntQuant", new Entry(new Quant(), QONNX));
    t.put("MultiThreshold", new Entry(new MultiThreshold(), FINN));
    return Collections.unmodifiableMap(t);
  }

  /** The operator for {@code node}, or a {@link NodeException} listing what is supported. */
  static Operator lookup(NodeDef node) {
    Entry e = TABLE.get(node.opType());
    if (e == null) {
      throw new NodeException(
          "operator '"
              + qualified(node.domain(), node.opType())
              + "' is not supported; supported operators: "
              + String.join(", ", TABLE.keySet()));
    }
    if (!e.domains().contains(node.domain())) {
      throw new NodeException(
          "operator "
              + node.opType()
              + " from domain '"
              + node.domain()
              + "' is not supported; Signum reads "
              + node.opType()
              + " from "
              + describe(e.domains()));
    }
    return e.operator();
  }

  /** The supported op types, sorted. */
  static List<String> names() {
    return List.copyOf(TABLE.keySet());
  }

  private static String qualified(String domain, String opType) {
    return domain.isEmpty() ? opType : domain + ":" + opType;
  }

  private static String describe(Set<String> domains) {
    return String.join(
        ", ",
        domains.stream()
            .sorted()
            .map(d -> d.isEmpty() ? "the default domain ''" : "'" + d + "'")
            .toList());
  }
}
