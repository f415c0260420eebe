package org.signum.compiler.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;
import org.signum.compiler.model.ModelReader.Field;

/** The fields of one layer, turned into IR values with a message for each bad one. */
final class LayerFields {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)[pP][+-]?\\d+");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern SHAPE = Pattern.compile("\\d{1,9}(x\\d{1,9})*");
  private final Consumer<String> errors;
  private final String file;
  private final String name;
  private final String kind;
  private final int line;
  private final Map<String, Field> fields;

  /**
   * @param file the file name, for messages
   * @param errors receives each problem as {@code file:line: error: message}
   */
  LayerFields(
      String file,
      Consumer<String> errors,
      String name,
      String kind,
      int line,
      Map<String, Field> fields) {
    this.file = file;
    this.errors = errors;
    this.name = name;
    this.kind = kind;
    this.line = line;
    this.fields = fields;
  }

  private void error(int line, String message) {
    errors.accept(file + ":" + line + ": error: " + message);
  }

  private void bad(int at, String field, String message) {
    error(at, "layer '" + name + "', " + field + ": " + message);
  }

  /** The field's tokens after its name, or null (reported) when it is missing. */
  private Field require(String field) {
    Field f = fields.get(field);
    if (f == null) {
      error(line, "layer '" + name + "': missing field '" + field + "' of a " + kind + " layer");
    }
    return f;
  }

  private String single(Field f, String expected) {
    if (f.tokens().length != 2) {
      bad(
          f.line(),
          f.name(),
          "expected "
              + expected
              + ", got "
              + (f.tokens().length == 1 ? "nothing" : (f.tokens().length - 1) + " values"));
      return null;
    }
    return f.tokens()[1];
  }

  Layer input() {
    Field shapeField = require("shape");
    Field encodingField = require("encoding");
    if (shapeField == null || encodingField == null) {
      return null;
    }
    String s = single(shapeField, "dimensions such as 784 or 1x28x28");
    Shape shape = null;
    if (s != null && SHAPE.matcher(s).matches()) {
      String[] dims = s.split("x");
      int[] d = new int[dims.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = Integer.parseInt(dims[i]);
      }
      shape = Shape.of(d);
    } else if (s != null) {
      bad(
          shapeField.line(),
          "shape",
          "expected dimensions such as 784 or 1x28x28, got '" + s + "'");
    }
    String e = single(encodingField, "uint8 or bipolar");
    if (e != null && !e.equals("uint8") && !e.equals("bipolar")) {
      bad(encodingField.line(), "encoding", "expected uint8 or bipolar, got '" + e + "'");
      return null;
    }
    if (shape == null || e == null) {
      return null;
    }
    if (e.equals("bipolar")) {
      if (fields.containsKey("scale")) {
        bad(fields.get("scale").line(), "scale", "a bipolar input takes no scale");
        return null;
      }
      return Input.bipolar(name, shape);
    }
    Field scaleField = require("scale");
    Rational scale = scaleField == null ? null : rational(scaleField);
    return scale == null ? null : Input.uint8(name, shape, scale);
  }

  private Rational rational(Field f) {
    String s = single(f, "a fraction such as 1/255 or a whole number");
    if (s == null) {
      return null;
    }
    String[] parts = s.split("/", -1);
    if (parts.length <= 2
        && parts[0].matches("\\d{1,10}")
        && (parts.length == 1 || parts[1].matches("\\d{1,10}"))) {
      Rational r =
          Rational.of(Long.parseLong(parts[0]), parts.length == 1 ? 1 : Long.parseLong(parts[1]));
      if (r.isValid()) {
        return r;
      }
    }
    bad(
        f.line(),
        f.name(),
        "expected a fraction N/D or a whole number N with N and D in "
            + "[1, 2147483647], got '"
            + s
            + "'");
    return null;
  }

  Layer dense() {
    Field w = require("weights");
    if (w == null) {
      return null;
    }
    java.util.regex.Matcher m =
        w.tokens().length == 2 ? ModelReader.MATRIX.matcher(w.tokens()[1]) : null;
    if (m == null || !m.matches()) {
      bad(
          w.line(),
          "weights",
          "expected ROWSxCOLUMNS, such as 64x784, got '"
              + String.join(" ", java.util.Arrays.copyOfRange(w.tokens(), 1, w.tokens().length))
              + "'");
      return null;
    }
    int rows = Integer.parseInt(m.group(1));
    int cols = Integer.parseInt(m.group(2));
    if (w.rows().size() < rows) {
      bad(
          w.line(),
          "weights",
          "expected " + rows + " rows of hex digits, found " + w.rows().size());
      return null;
    }
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    int digits = (cols + 3) / 4;
    for (int r = 0; r < rows; r++) {
      Field row = w.rows().get(r);
      String hex = row.tokens().length == 1 ? row.tokens()[0] : String.join(" ", row.tokens());
      String problem = ModelFile.readHexRow(hex, digits, cols, b, r);
      if (problem != null) {
        bad(row.line(), "weights row " + r, problem);
        return null;
      }
    }
    return new BinaryDense(name, b.build());
  }

  Layer batchNorm() {
    Field eps = require("eps");
    FloatVector[] v = floats("gamma", "beta", "mean", "var");
    if (eps == null || v == null) {
      return null;
    }
    String e = single(eps, "a float");
    Float epsilon = e == null ? null : parseFloat(eps.line(), "eps", e);
    return epsilon == null ? null : new BatchNorm(name, v[0], v[1], v[2], v[3], epsilon);
  }

  Layer affine() {
    FloatVector[] v = floats("scale", "bias");
    return v == null ? null : new Affine(name, v[0], v[1]);
  }

  private FloatVector[] floats(String... names) {
    FloatVector[] out = new FloatVector[names.length];
    boolean ok = true;
    for (int i = 0; i < names.length; i++) {
      Field f = require(names[i]);
      if (f == null) {
        ok = false;
        continue;
      }
      float[] values = new float[f.tokens().length - 1];
      for (int k = 0; k < values.length; k++) {
        Float x = parseFloat(f.line(), names[i] + " value " + k, f.tokens()[k + 1]);
        if (x == null) {
          ok = false;
          break;
        }
        values[k] = x;
      }
      out[i] = FloatVector.of(values);
    }
    return ok ? out : null;
  }

  private Float parseFloat(int at, String field, String s) {
    if (DECIMAL.matcher(s).matches() || HEX_FLOAT.matcher(s).matches()) {
      float f = Float.parseFloat(s);
      if (Float.isFinite(f)) {
        return f;
      }
    }
    bad(
        at,
        field,
        "expected a finite float (decimal such as -1.5E-3, or hex such as "
            + "0x1.8p1), got '"
            + s
            + "'");
    return null;
  }

  Layer threshold() {
    Field op = require("operand");
    Field rules = require("rules");
    if (op == null || rules == null) {
      return null;
    }
    String o = single(op, "value or popcount");
    if (o == null) {
      return null;
    }
    if (!o.equals("value") && !o.equals("popcount")) {
      bad(op.line(), "operand", "expected value or popcount, got '" + o + "'");
      return null;
    }
    List<ThresholdRule> list = new ArrayList<>();
    for (int k = 1; k < rules.tokens().length; k++) {
      ThresholdRule r = rule(rules.tokens()[k]);
      if (r == null) {
        bad(
            rules.line(),
            "rules",
            "rule "
                + (k - 1)
                + ": expected >=T, <T, always or never "
                + "with T a whole number, got '"
                + rules.tokens()[k]
                + "'");
        return null;
      }
      list.add(r);
    }
    return new Threshold(
        name, o.equals("value") ? Threshold.Operand.VALUE : Threshold.Operand.POPCOUNT, list);
  }

  private ThresholdRule rule(String s) {
    if (s.equals("always")) {
      return ThresholdRule.always();
    }
    if (s.equals("never")) {
      return ThresholdRule.never();
    }
    if (s.startsWith(">=") && INTEGER.matcher(s.substring(2)).matches()) {
      return ThresholdRule.atLeast(Long.parseLong(s.substring(2)));
    }
    if (s.startsWith("<") && INTEGER.matcher(s.substring(1)).matches()) {
      return ThresholdRule.below(Long.parseLong(s.substring(1)));
    }
    return null;
  }

  Layer scores() {
    Field t = fields.get("table");
    if (t == null) {
      return Scores.of(name);
    }
    String[] tok = t.tokens();
    java.util.regex.Matcher m = tok.length == 4 ? ModelReader.MATRIX.matcher(tok[3]) : null;
    if (m == null
        || !m.matches()
        || !INTEGER.matcher(tok[1]).matches()
        || !tok[2].matches("[12]")) {
      bad(
          t.line(),
          "table",
          "expected LOW STEP CLASSESxCOUNT with STEP 1 or 2, such as "
              + "-64 2 10x65, got '"
              + String.join(" ", java.util.Arrays.copyOfRange(tok, 1, tok.length))
              + "'");
      return null;
    }
    int classes = Integer.parseInt(m.group(1));
    int count = Integer.parseInt(m.group(2));
    if (t.rows().size() < classes) {
      bad(
          t.line(),
          "table",
          "expected " + classes + " rows of " + count + " ranks, found " + t.rows().size());
      return null;
    }
    int[][] entries = new int[classes][count];
    for (int c = 0; c < classes; c++) {
      Field row = t.rows().get(c);
      if (row.tokens().length != count) {
        bad(
            row.line(),
            "table row " + c,
            "expected " + count + " whole numbers, got " + row.tokens().length);
        return null;
      }
      for (int k = 0; k < count; k++) {
        String s = row.tokens()[k];
        if (!s.matches("-?\\d{1,10}") || Long.parseLong(s) != (int) Long.parseLong(s)) {
          bad(
              row.line(),
              "table row " + c,
              "entry " + k + ": expected a 32-bit whole number, " + "got '" + s + "'");
          return null;
        }
        entries[c][k] = Integer.parseInt(s);
      }
    }
    return new Scores(
        name,
        Optional.of(new ScoreTable(Long.parseLong(tok[1]), Integer.parseInt(tok[2]), entries)));
  }
}
