package org.signum.cli;

import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the command line's machine-readable outputs: maps become objects, lists
 * arrays, numbers and booleans literals, null null, {@link Raw} its text, anything else a string.
 */
final class Json {
  private Json() {}

  /** JSON text written as it is, indented to its place: a document another writer made. */
  record Raw(String json) {}

  static String write(Object value) {
    StringBuilder s = new StringBuilder();
    write(s, value, 0);
    return s.append('\n').toString();
  }

  private static void write(StringBuilder s, Object v, int indent) {
    if (v == null) {
      s.append("null");
    } else if (v instanceof Raw raw) {
      s.append(raw.json().strip().replace("\n", "\n" + "  ".repeat(indent)));
    } else if (v instanceof Number || v instanceof Boolean) {
      s.append(v);
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        s.append("{}");
        return;
      }
      s.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        s.append("  ".repeat(indent + 1));
        string(s, String.valueOf(e.getKey()));
        s.append(": ");
        write(s, e.getValue(), indent + 1);
        s.append(++i < map.size() ? ",\n" : "\n");
      }
      s.append("  ".repeat(indent)).append('}');
    } else if (v instanceof List<?> list) {
      s.append('[');
      for (int i = 0; i < list.size(); i++) {
        s.append(i == 0 ? "" : ", ");
        write(s, list.get(i), indent + 1);
      }
      s.append(']');
    } else {
      string(s, v.toString());
    }
  }

  private static void string(StringBuilder s, String text) {
    org.signum.sim.TraceWriter.string(s, text);
  }
}
