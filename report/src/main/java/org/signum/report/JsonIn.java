package org.signum.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads fields of a parsed JSON object, naming the file and the path of the field in every error:
 * {@code a.json: error: layers[2].cycles: expected a number, got "x"}.
 */
final class JsonIn {
  private final String file;
  private final String path;
  private final JsonObject object;

  JsonIn(String file, String path, JsonObject object) {
    this.file = file;
    this.path = path;
    this.object = object;
  }

  /** The top-level object of a document. */
  static JsonIn root(String file, JsonElement e) throws ReportException {
    if (!e.isJsonObject()) {
      throw new ReportException(file + ": error: expected a JSON object, got " + describe(e));
    }
    return new JsonIn(file, "", e.getAsJsonObject());
  }

  private String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  ReportException error(String name, String expected, JsonElement got) {
    return new ReportException(
        file + ": error: " + at(name) + ": expected " + expected + ", got " + describe(got));
  }

  private JsonElement field(String name) throws ReportException {
    JsonElement e = object.get(name);
    if (e == null) {
      throw new ReportException(file + ": error: " + at(name) + ": missing");
    }
    return e;
  }

  String string(String name) throws ReportException {
    JsonElement e = field(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw error(name, "a string", e);
    }
    return e.getAsString();
  }

  double number(String name) throws ReportException {
    JsonElement e = field(name);
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw error(name, "a number", e);
    }
    double v = e.getAsDouble();
    if (!Double.isFinite(v)) {
      throw error(name, "a finite number", e);
    }
    return v;
  }

  long integer(String name) throws ReportException {
    double v = number(name);
    if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
      throw error(name, "an integer", object.get(name));
    }
    return (long) v;
  }

  int smallInteger(String name) throws ReportException {
    long v = integer(name);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(name, "an integer of at most 32 bits", object.get(name));
    }
    return (int) v;
  }

  JsonIn object(String name) throws ReportException {
    JsonElement e = field(name);
    if (!e.isJsonObject()) {
      throw error(name, "an object", e);
    }
    return new JsonIn(file, at(name), e.getAsJsonObject());
  }

  /** The elements of an array of objects. */
  List<JsonIn> objects(String name) throws ReportException {
    JsonElement e = field(name);
    if (!e.isJsonArray()) {
      throw error(name, "an array", e);
    }
    JsonArray a = e.getAsJsonArray();
    List<JsonIn> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String item = at(name) + "[" + i + "]";
      if (!a.get(i).isJsonObject()) {
        throw new ReportException(
            file + ": error: " + item + ": expected an object, got " + describe(a.get(i)));
      }
      out.add(new JsonIn(file, item, a.get(i).getAsJsonObject()));
    }
    return out;
  }

  /** An object whose every member is a number, in document order. */
  Map<String, Double> numbers(String name) throws ReportException {
    JsonIn o = object(name);
    Map<String, Double> out = new LinkedHashMap<>();
    for (String key : o.object.keySet()) {
      out.put(key, o.number(key));
    }
    return out;
  }

  /** An object whose every member is an integer, in document order. */
  Map<String, Long> integers(String name) throws ReportException {
    JsonIn o = object(name);
    Map<String, Long> out = new LinkedHashMap<>();
    for (String key : o.object.keySet()) {
      out.put(key, o.integer(key));
    }
    return out;
  }

  private static String describe(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return "null";
    }
    if (e.isJsonObject()) {
      return "an object";
    }
    if (e.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    String text = p.isString() ? "\"" + p.getAsString() + "\"" : p.toString();
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
