package org.signum.compiler.ir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a network against the IR's rules and infers every layer's output type. Each problem names
 * the layer ({@code layer 3 'bn1' (batchnorm)}) and says what was expected; checking goes on after
 * a problem so that one run reports them all.
 */
public final class Verifier {
  /** Largest element count of a tensor the compiler accepts. */
  static final long MAX_ELEMENTS = 1L << 24;

  private final Network net;
  private final List<String> problems = new ArrayList<>();
  private final List<TensorType> types = new ArrayList<>();

  private Verifier(Network net) {
    this.net = net;
  }

  /** The verdict: problems (empty when the network is valid) and, when valid, the types. */
  public record Result(List<String> problems, List<TensorType> types) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public static Result check(Network net) {
    Verifier v = new Verifier(net);
    v.run();
    return new Result(
        List.copyOf(v.problems), v.problems.isEmpty() ? List.copyOf(v.types) : List.of());
  }

  private void run() {
    if (!isName(net.name())) {
      problems.add("network name '" + net.name() + "': expected non-empty text without spaces");
    }
    if (net.layers().isEmpty()) {
      problems.add("network '" + net.name() + "' has no layers: expected an input layer first");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < net.size(); i++) {
      Layer layer = net.layer(i);
      if (!isName(layer.name())) {
        problem(i, "name: expected non-empty text without spaces or '#'");
      } else if (!names.add(layer.name())) {
        problem(i, "name: another layer is already called '" + layer.name() + "'");
      }
      TensorType in = i == 0 ? null : types.get(i - 1);
      if (i > 0 && in == null) {
        types.add(null);
        continue;
      }
      types.add(infer(i, layer, in));
    }
  }

  static boolean isName(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '#' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** Header of every message about layer {@code i}. */
  static String where(Network net, int i) {
    Layer l = net.layer(i);
    return "layer " + i + " '" + l.name() + "' (" + l.kind() + ")";
  }

  private void problem(int i, String what) {
    problems.add(where(net, i) + ": " + what);
  }

  /** The output type, or null (after reporting) when the layer is malformed. */
  private TensorType infer(int i, Layer layer, TensorType in) {
    if (i == 0 && !(layer instanceof Input)) {
      problem(i, "expected the network to start with an input layer");
      return null;
    }
    if (in != null && in.kind() == ElementKind.CLASS) {
      problem(i, "nothing may follow argmax");
      return null;
    }
    if (layer instanceof Input x) {
      return input(i, x);
    } else if (layer instanceof BinaryDense d) {
      return dense(i, d, in);
    } else if (layer instanceof BatchNorm b) {
      return perChannel(
          i,
          in,
          List.of(
              named("gamma", b.gamma()), named("beta", b.beta()),
              named("mean", b.mean()), named("var", b.var())),
          () -> batchNormExtra(i, b));
    } else if (layer instanceof Affine a) {
      return perChannel(i, in, List.of(named("scale", a.scale()), named("bias", a.bias())), null);
    } else if (layer instanceof Sign) {
      if (!isNumeric(in)) {
        problem(i, "expected an integer, 8-bit or float input, got " + in);
        return null;
      }
      return new TensorType(in.shape(), ElementKind.BIPOLAR);
    } else if (layer instanceof Threshold t) {
      return threshold(i, t, in);
    } else if (layer instanceof Scores s) {
      return scores(i, s, in);
    } else if (layer instanceof Argmax) {
      if (!(net.layer(i - 1) instanceof Scores)) {
        problem(i, "expected to follow a scores layer, follows " + net.layer(i - 1).kind());
        return null;
      }
      return new TensorType(Shape.of(1), ElementKind.CLASS);
    }
    throw new AssertionError(layer);
  }

  private TensorType input(int i, Input x) {
    if (i != 0) {
      problem(i, "an input layer may only come first");
      return null;
    }
    boolean ok = true;
    if (!x.shape().isValid() || x.shape().elements() > MAX_ELEMENTS) {
      problem(
          i,
          "shape "
              + x.shape()
              + ": expected dimensions of at least 1 and at most "
              + MAX_ELEMENTS
              + " elements");
      ok = false;
    }
    if (x.encoding() == Input.Encoding.UINT8 && !x.scale().isValid()) {
      problem(
          i,
          "scale "
              + x.scale()
              + ": expected a positive fraction with numerator and "
              + "denominator in [1, 2147483647]");
      ok = false;
    }
    if (x.encoding() == Input.Encoding.BIPOLAR && !x.scale().equals(Rational.ONE)) {
      problem(i, "scale " + x.scale() + ": a bipolar input has scale 1");
      ok = false;
    }
    ElementKind kind =
        x.encoding() == Input.Encoding.UINT8 ? ElementKind.UINT8 : ElementKind.BIPOLAR;
    return ok ? new TensorType(x.shape(), kind) : null;
  }

  private TensorType dense(int i, BinaryDense d, TensorType in) {
    if (in.kind() != ElementKind.BIPOLAR && in.kind() != ElementKind.UINT8) {
      problem(
          i,
          "expected a bipolar or 8-bit input, got "
              + in
              + " (binarize it first, for example with sign)");
      return null;
    }
    boolean ok = true;
    if (d.inputs() != in.shape().elements()) {
      problem(
          i,
          "weights have "
              + d.inputs()
              + " columns, expected "
              + in.shape().elements()
              + " (one per element of the input "
              + in
              + ")");
      ok = false;
    }
    if (d.outputs() < 1 || d.outputs() > MAX_ELEMENTS) {
      problem(i, "weights have " + d.outputs() + " rows, expected 1 to " + MAX_ELEMENTS);
      ok = false;
    }
    return ok ? new TensorType(Shape.of(d.outputs()), ElementKind.INTEGER) : null;
  }

  private record Named(String field, FloatVector values) {}

  private static Named named(String field, FloatVector values) {
    return new Named(field, values);
  }

  private TensorType perChannel(int i, TensorType in, List<Named> fields, Runnable extra) {
    if (!isNumeric(in)) {
      problem(i, "expected an integer, 8-bit or float input, got " + in);
      return null;
    }
    int channels = in.shape().channels();
    boolean ok = true;
    for (Named f : fields) {
      if (f.values().size() != channels) {
        problem(
            i,
            f.field()
                + " has "
                + f.values().size()
                + " values, expected "
                + channels
                + " (one per channel of "
                + in
                + ")");
        ok = false;
      } else if (f.values().firstNonFinite() >= 0) {
        int c = f.values().firstNonFinite();
        problem(
            i,
            f.field()
                + " of channel "
                + c
                + " is "
                + f.values().get(c)
                + ", expected a finite number");
        ok = false;
      }
    }
    if (ok && extra != null) {
      int before = problems.size();
      extra.run();
      ok = problems.size() == before;
    }
    return ok ? new TensorType(in.shape(), ElementKind.FLOAT) : null;
  }

  private void batchNormExtra(int i, BatchNorm b) {
    if (!Float.isFinite(b.eps()) || b.eps() < 0) {
      problem(i, "eps is " + b.eps() + ", expected a finite number >= 0");
      return;
    }
    for (int c = 0; c < b.var().size(); c++) {
      float v = b.var().get(c);
      if (v < 0 || !(v + b.eps() > 0)) {
        problem(i, "var of channel " + c + " is " + v + ": expected var >= 0 and var + eps > 0");
        return;
      }
    }
  }

  private TensorType threshold(int i, Threshold t, TensorType in) {
    if (in.kind() != ElementKind.INTEGER && in.kind() != ElementKind.UINT8) {
      problem(i, "expected an integer or 8-bit input, got " + in);
      return null;
    }
    boolean ok = true;
    int channels = in.shape().channels();
    if (t.rules().size() != channels) {
      problem(
          i,
          "has "
              + t.rules().size()
              + " rules, expected "
              + channels
              + " (one per channel of "
              + in
              + ")");
      ok = false;
    }
    if (t.operand() == Threshold.Operand.POPCOUNT && !readsBipolarDense(i)) {
      problem(i, "operand popcount needs a dense layer with bipolar inputs before it");
      ok = false;
    }
    return ok ? new TensorType(in.shape(), ElementKind.BIPOLAR) : null;
  }

  private boolean readsBipolarDense(int i) {
    return net.layer(i - 1) instanceof BinaryDense
        && types.get(i - 2) != null
        && types.get(i - 2).kind() == ElementKind.BIPOLAR;
  }

  private TensorType scores(int i, Scores s, TensorType in) {
    if (in.kind() != ElementKind.INTEGER && in.kind() != ElementKind.FLOAT) {
      problem(i, "expected integer or float scores, got " + in);
      return null;
    }
    if (in.shape().rank() != 1) {
      problem(i, "expected one score per class in a one-dimensional tensor, got " + in);
      return null;
    }
    if (i + 1 < net.size() && !(net.layer(i + 1) instanceof Argmax)) {
      problem(i, "only argmax may follow scores, got " + net.layer(i + 1).kind());
      return null;
    }
    if (s.table().isEmpty()) {
      return in;
    }
    ScoreTable table = s.table().get();
    if (!(net.layer(i - 1) instanceof BinaryDense)) {
      problem(
          i,
          "a score table reads a dense layer's output, this layer follows "
              + net.layer(i - 1).kind());
      return null;
    }
    int classes = in.shape().channels();
    if (table.classes() != classes) {
      problem(i, "table has " + table.classes() + " classes, expected " + classes);
      return null;
    }
    IntegerValues values = IntegerValues.of(net, i - 1);
    if (values.step() % table.step() != 0) {
      problem(
          i, "table step " + table.step() + " does not divide the input's step " + values.step());
      return null;
    }
    for (int c = 0; c < classes; c++) {
      long lo = values.low(c);
      long hi = values.high(c);
      if (lo < table.low()
          || hi > table.high()
          || Math.floorMod(lo - table.low(), table.step()) != 0) {
        problem(
            i,
            "table covers "
                + table.low()
                + ".."
                + table.high()
                + " in steps of "
                + table.step()
                + ", class "
                + c
                + " takes values "
                + lo
                + ".."
                + hi);
        return null;
      }
    }
    return new TensorType(in.shape(), ElementKind.INTEGER);
  }

  private static boolean isNumeric(TensorType t) {
    return t.kind() == ElementKind.INTEGER
        || t.kind() == ElementKind.UINT8
        || t.kind() == ElementKind.FLOAT;
  }
}
