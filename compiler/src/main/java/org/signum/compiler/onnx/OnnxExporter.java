package org.signum.compiler.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;
import org.signum.compiler.ir.Verifier;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.ModelProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;
import org.signum.compiler.onnx.proto.Onnx.OperatorSetIdProto;
import org.signum.isa.OutputFile;

/**
 * Writes a network of the layer IR as an ONNX/QONNX model, in the form Brevitas and FINN export
 * binarized networks: +1/-1 weights quantized by QONNX's BipolarQuant, MatMul, BatchNormalization,
 * BipolarQuant or FINN's MultiThreshold activations, and TopK for the class. {@link OnnxImporter}
 * reads the file back to a network that computes, on every input, the same value for every layer
 * output the two networks share, the same scores and the same class; {@link FloatEvaluator}
 * predicts the same class from the graph itself.
 *
 * <pre>{@code
 * byte[] onnx = OnnxExporter.export(net);
 * OnnxExporter.write(net, Path.of("tfc.onnx"));
 * }</pre>
 *
 * <p>Every IR layer becomes the ONNX operations that compute its float32 definition step by step
 * (docs/onnx-import.md, "Export"). The input scale is carried by the graph: the input is annotated
 * UINT8 (raw bytes) and the graph multiplies by the scale's numerator and divides by its
 * denominator, where the importer folds both back into the input scale.
 */
public final class OnnxExporter {
  /** ONNX IR version 7 (ONNX 1.8), the version that goes with operator set 13. */
  static final long IR_VERSION = 7;

  static final long OPSET = 13;
  static final String QONNX_DOMAIN = "qonnx.custom_op.general";
  static final long QONNX_OPSET = 1;
  static final String PRODUCER = "signum";

  /** Above this, consecutive integers are no longer all floats. */
  private static final long FLOAT_INTEGERS = 1L << 24;

  private static final String SUPPORTED =
      "ONNX export writes classifiers of an 8-bit or bipolar input, dense, batchnorm, affine, sign"
          + " and threshold layers, and class scores from a dense layer (without a score table),"
          + " optionally followed by argmax";

  private OnnxExporter() {}

  /**
   * The ONNX model of {@code net}, serialized.
   *
   * @throws OnnxExportException when the network cannot be written so that the importer reads it
   *     back exactly; the message names the layer and says what is supported
   */
  public static byte[] export(Network net) {
    return model(net).toByteArray();
  }

  /**
   * Writes the ONNX model of {@code net} to {@code path}, whole or not at all: through a temporary
   * file in the same directory, moved over {@code path} atomically where the file system allows.
   *
   * @throws OnnxExportException as {@link #export}, before anything is written
   * @throws IOException when the file cannot be written; {@code path} is then unchanged
   */
  public static void write(Network net, Path path) throws IOException {
    OutputFile.write(path, export(net));
  }

  /** The model of {@code net}, for {@link #export}; refuses as it does. */
  static ModelProto model(Network net) {
    Verifier.Result r = Verifier.check(net);
    if (!r.ok()) {
      throw new OnnxExportException(
          "network '"
              + net.name()
              + "' is not valid, so it cannot be exported:\n  "
              + String.join("\n  ", r.problems()));
    }
    checkScores(net);
    Export e = new Export(net);
    e.run();
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(PRODUCER)
        .setProducerVersion(version())
        .setDocString(e.doc())
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .addOpsetImport(
            OperatorSetIdProto.newBuilder().setDomain(QONNX_DOMAIN).setVersion(QONNX_OPSET))
        .setGraph(e.graph.proto())
        .build();
  }

  /** The network must end in scores of a dense layer, without a table, then optionally argmax. */
  private static void checkScores(Network net) {
    int last = net.size() - 1;
    int scores = net.layer(last) instanceof Argmax ? last - 1 : last;
    if (!(net.layer(scores) instanceof Scores s)) {
      throw refuse(
          net,
          last,
          "the network ends here, without class scores; "
              + SUPPORTED
              + ", which is what Signum's importer reads back");
    }
    if (s.table().isPresent()) {
      throw refuse(
          net,
          scores,
          "its score table (what the compiler's FoldFloatScoresIntoTable makes) has no ONNX form"
              + " that Signum's importer reads; export the network before it is compiled, with the"
              + " float layers the table was folded from");
    }
    for (int i = 1; i < scores; i++) {
      if (net.layer(i) instanceof BinaryDense) {
        return;
      }
    }
    throw refuse(net, scores, "the scores are not computed by a dense layer; " + SUPPORTED);
  }

  /** Header of every message about layer {@code i}, as the verifier writes it. */
  static String where(Network net, int i) {
    Layer l = net.layer(i);
    return "layer " + i + " '" + l.name() + "' (" + l.kind() + ")";
  }

  private static OnnxExportException refuse(Network net, int i, String what) {
    return new OnnxExportException(where(net, i) + ": " + what);
  }

  /** Signum's version, from the build's filtered {@code version.properties}. */
  static String version() {
    Properties p = new Properties();
    try (InputStream in = OnnxExporter.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /**
   * Whether float32 sums of {@code k} bytes times {@code scale} are exact, as the importer asks.
   */
  static boolean exactSums(Rational scale, long k) {
    return isPowerOfTwo(scale.denominator()) && 255L * k * scale.numerator() < FLOAT_INTEGERS;
  }

  private static boolean isPowerOfTwo(long d) {
    return d > 0 && (d & (d - 1)) == 0;
  }

  private static Rational reduced(Rational r) {
    long a = r.numerator();
    long b = r.denominator();
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Rational.of(r.numerator() / a, r.denominator() / a);
  }

  /** One ONNX node of a layer: the live tensor, then constants. */
  private record Step(
      String domain,
      String opType,
      String role,
      List<String> constants,
      List<AttributeProto> attributes,
      String doc) {
    static Step of(String opType, String role, String constant, String doc) {
      return new Step("", opType, role, List.of(constant), List.of(), doc);
    }
  }

  /** The walk over the layers, carrying the live tensor and what its values mean. */
  private static final class Export {
    final Network net;
    final ExportGraph graph;

    /** The tensor holding the current layer's output. */
    String live;

    /** Its element count; every tensor after the flattened input is [1, width]. */
    int width;

    /**
     * The factor from the integer source's values (the input bytes or a dense layer's sums) to what
     * the graph holds for them: the input scale where the graph applied it before them, else 1.
     */
    Rational sourceScale = Rational.ONE;

    /**
     * The input scale still to apply to a dense layer's sums over raw bytes before a float layer
     * reads their real values; null when there is none.
     */
    Rational pending;

    String one;
    String scaleNote = "";

    Export(Network net) {
      this.net = net;
      this.graph = new ExportGraph(net.name(), net.layers().stream().map(Layer::name).toList());
    }

    void run() {
      input((Input) net.layer(0));
      for (int i = 1; i < net.size(); i++) {
        Layer l = net.layer(i);
        if (l instanceof BinaryDense d) {
          dense(i, d);
        } else if (l instanceof BatchNorm b) {
          applyPending(i);
          batchNorm(i, b);
        } else if (l instanceof Affine a) {
          applyPending(i);
          affine(i, a);
        } else if (l instanceof Sign) {
          sign(i);
        } else if (l instanceof Threshold t) {
          threshold(i, t);
        } else if (l instanceof Argmax) {
          argmax(i);
        } else if (!(l instanceof Scores)) {
          throw new AssertionError(l);
        }
      }
      if (net.layer(net.size() - 1) instanceof Scores) {
        graph.output(live, ExportGraph.FLOAT, 1, width);
      }
    }

    String doc() {
      Input in = (Input) net.layer(0);
      String input =
          in.encoding() == Input.Encoding.BIPOLAR
              ? "+1/-1 values (annotated BIPOLAR)"
              : "raw bytes 0-255 (annotated UINT8)" + scaleNote;
      String output =
          net.layer(net.size() - 1) instanceof Argmax
              ? "the index of the largest class score (TopK, the first maximum winning)"
              : "the class scores";
      return "Binarized network '"
          + net.name()
          + "' exported from Signum's layer IR ("
          + net.size()
          + " layers). Input '"
          + in.name()
          + "' of shape "
          + in.shape()
          + ": "
          + input
          + ". Output: "
          + output
          + ". Signum's importer reads this graph back to the same network; see"
          + " docs/onnx-import.md, section Export.";
    }

    private void input(Input in) {
      int rank = in.shape().rank();
      long[] dims = new long[rank + 1];
      dims[0] = 1;
      for (int d = 0; d < rank; d++) {
        dims[d + 1] = in.shape().dim(d);
      }
      boolean bytes = in.encoding() == Input.Encoding.UINT8;
      graph.input(in.name(), ExportGraph.FLOAT, dims);
      graph.annotate(in.name(), bytes ? "UINT8" : "BIPOLAR");
      live = in.name();
      width = (int) in.shape().elements();
      if (rank > 1) {
        String shape = graph.longs(in.name() + ".flat_shape", 1, width);
        String name = graph.fresh(in.name() + ".flatten");
        graph.add(
            graph
                .node("", "Reshape", name, List.of(live, shape), List.of(name))
                .setDocString(
                    where(net, 0)
                        + ": the input flattened to [1, "
                        + width
                        + "], in the order a dense layer reads it"));
        live = name;
      }
      if (!bytes) {
        return;
      }
      Rational r = reduced(in.scale());
      if (isOne(r)) {
        return;
      }
      if (net.layer(1) instanceof BinaryDense d && !exactSums(r, d.inputs())) {
        // ONNX would sum the scaled bytes in float32 with rounding; it sums the raw bytes instead
        // and the scale follows the sums, where the network first reads their real values.
        pending = r;
        scaleNote =
            "; the input scale "
                + r
                + " changes no result of this network (the first dense layer's sums are only"
                + " compared with thresholds or are the scores), so the graph does not apply it";
        return;
      }
      scale(0, r, 255, in.name(), "the input bytes");
      sourceScale = r;
      scaleNote = "; the graph applies the scale " + r + " to them itself";
    }

    private static boolean isOne(Rational r) {
      return r.numerator() == r.denominator();
    }

    /**
     * Multiplies the live tensor, whose values are integers of magnitude up to {@code magnitude},
     * by {@code r}'s numerator and divides it by its denominator, in the order in which float32
     * rounds once: numerator first while the products are exact, else denominator first when it is
     * a power of two (an exact division).
     */
    private void scale(int layer, Rational r, long magnitude, String owner, String what) {
      long n = r.numerator();
      long d = r.denominator();
      for (long v : new long[] {n, d}) {
        if ((long) (float) v != v) {
          throw refuse(
              net,
              layer,
              "the input scale "
                  + r
                  + " cannot be written exactly: the graph multiplies by its numerator and"
                  + " divides by its denominator in float32, and "
                  + v
                  + " is not a float32 value");
        }
      }
      boolean multiplyFirst = n == 1 || d == 1 || magnitude * n < FLOAT_INTEGERS;
      if (!multiplyFirst && !isPowerOfTwo(d)) {
        throw refuse(
            net,
            layer,
            "the input scale "
                + r
                + " cannot be applied exactly to "
                + what
                + ": the graph would multiply values up to "
                + magnitude
                + " by "
                + n
                + " and divide by "
                + d
                + " in float32, which rounds twice unless "
                + magnitude
                + " * "
                + n
                + " < 2^24 or "
                + d
                + " is a power of two");
      }
      List<Step> steps = new ArrayList<>();
      if (multiplyFirst) {
        if (n != 1) {
          steps.add(scaleStep(owner, r, true));
        }
        if (d != 1) {
          steps.add(scaleStep(owner, r, false));
        }
      } else {
        steps.add(scaleStep(owner, r, false));
        steps.add(scaleStep(owner, r, true));
      }
      for (Step s : steps) {
        emit(layer, s, graph.fresh(owner + "." + s.role()));
      }
    }

    private Step scaleStep(String owner, Rational r, boolean multiply) {
      float v = multiply ? r.numerator() : r.denominator();
      String constant =
          graph.floats(
              owner + (multiply ? ".scale_numerator" : ".scale_denominator"),
              new long[0],
              new float[] {v});
      return Step.of(
          multiply ? "Mul" : "Div",
          multiply ? "scale_multiply" : "scale_divide",
          constant,
          "the input scale " + r + ": " + (multiply ? "times " : "divided by ") + (long) v);
    }

    /** Before the first float layer after a dense layer over raw bytes: the input scale. */
    private void applyPending(int i) {
      if (pending != null) {
        BinaryDense d = (BinaryDense) net.layer(i - 1);
        scaleNote =
            "; the graph applies the input scale "
                + pending
                + " to the sums of the first dense layer '"
                + d.name()
                + "', which it computes from the raw bytes";
        scale(
            i - 1,
            pending,
            255L * d.inputs(),
            d.name(),
            "its sums (which the graph computes"
                + " from the raw bytes, since float32 sums of the scaled bytes would round)");
        pending = null;
      }
    }

    private void dense(int i, BinaryDense d) {
      int k = d.inputs();
      int m = d.outputs();
      boolean bytes = net.layer(i - 1) instanceof Input in && in.encoding() == Input.Encoding.UINT8;
      if (bytes && !exactSums(sourceScale, k)) {
        throw refuse(
            net,
            i,
            "it sums "
                + k
                + " 8-bit inputs; ONNX sums them in float32, exactly only for at most 65793"
                + " inputs (255 * K < 2^24), while Signum's sums are exact. Binarize the input"
                + " first (an affine and a sign), or use fewer inputs");
      }
      if (!bytes && k >= FLOAT_INTEGERS) {
        throw refuse(
            net,
            i,
            "it sums "
                + k
                + " products of +1/-1; ONNX sums them in float32, exactly only for fewer than"
                + " 2^24 inputs, while Signum's sums are exact");
      }
      float[] w = new float[m * k];
      for (int j = 0; j < m; j++) {
        for (int c = 0; c < k; c++) {
          w[j * k + c] = d.weights().sign(j, c);
        }
      }
      String where = where(net, i) + ": ";
      String weights = graph.floats(d.name() + ".weight", new long[] {m, k}, w);
      String quantized = graph.fresh(d.name() + ".weight_quant");
      graph.add(
          graph
              .node(
                  QONNX_DOMAIN,
                  "BipolarQuant",
                  quantized,
                  List.of(weights, one()),
                  List.of(quantized))
              .setDocString(
                  where + "the weights, one row of +1/-1 per output (QONNX BipolarQuant)"));
      String transposed = graph.fresh(d.name() + ".weight_transpose");
      graph.add(
          graph
              .node("", "Transpose", transposed, List.of(quantized), List.of(transposed))
              .addAttribute(ExportGraph.intsAttr("perm", 1, 0))
              .setDocString(where + "the weights as [inputs, outputs] for MatMul"));
      graph.annotate(transposed, "BIPOLAR");
      graph.add(
          graph
              .node("", "MatMul", d.name(), List.of(live, transposed), List.of(d.name()))
              .setDocString(where + "the dot products of the input with each weight row"));
      live = d.name();
      width = m;
      if (!bytes) {
        sourceScale = Rational.ONE;
        pending = null;
      }
    }

    /** A sign as QONNX's BipolarQuant with scale 1: +1 where x >= 0, else -1. */
    private void sign(int i) {
      pending = null;
      chain(
          i,
          List.of(
              new Step(
                  QONNX_DOMAIN,
                  "BipolarQuant",
                  "quant",
                  List.of(one()),
                  List.of(),
                  "x >= 0 ? +1 : -1 (QONNX BipolarQuant, scale 1)")));
      graph.annotate(live, "BIPOLAR");
    }

    /**
     * A batch norm in the IR's order of float32 operations, {@code (gamma * (x - mean)) / sqrt(var
     * + eps) + beta}: Sub, Mul, then BatchNormalization with scale 1, B 0 and mean 0 for the
     * division, then Add. ONNX's own BatchNormalization multiplies by gamma after dividing, which
     * rounds differently. Steps that change nothing (mean 0, gamma 1, beta 0) are left out.
     */
    private void batchNorm(int i, BatchNorm b) {
      String name = b.name();
      float[] mean = perElement(b.mean());
      float[] gamma = perElement(b.gamma());
      float[] var = perElement(b.var());
      float[] beta = perElement(b.beta());
      float[] ones = new float[width];
      Arrays.fill(ones, 1f);
      List<Step> steps = new ArrayList<>();
      if (!all(mean, 0f)) {
        steps.add(
            Step.of("Sub", "center", graph.floatsOrScalar(name + ".mean", mean), "t = x - mean"));
      }
      if (!all(gamma, 1f)) {
        steps.add(
            Step.of(
                "Mul", "multiply", graph.floatsOrScalar(name + ".gamma", gamma), "u = gamma * t"));
      }
      String zeros = graph.floats(name + ".zeros", new long[] {width}, new float[width]);
      steps.add(
          new Step(
              "",
              "BatchNormalization",
              "normalize",
              List.of(
                  graph.floats(name + ".ones", new long[] {width}, ones),
                  zeros,
                  zeros,
                  graph.floats(name + ".var", new long[] {width}, var)),
              List.of(ExportGraph.floatAttr("epsilon", b.eps())),
              "u / sqrt(var + eps): BatchNormalization with scale 1, B 0 and mean 0"));
      if (!all(beta, 0f)) {
        steps.add(
            Step.of("Add", "add", graph.floatsOrScalar(name + ".beta", beta), "y = u / d + beta"));
      }
      chain(i, steps);
    }

    /**
     * An affine, {@code scale * x + bias}: Mul then Add, each left out where it changes nothing.
     */
    private void affine(int i, Affine a) {
      float[] scale = perElement(a.scale());
      float[] bias = perElement(a.bias());
      List<Step> steps = new ArrayList<>();
      if (!all(scale, 1f)) {
        steps.add(
            Step.of(
                "Mul", "multiply", graph.floatsOrScalar(a.name() + ".scale", scale), "scale * x"));
      }
      if (!all(bias, 0f)) {
        steps.add(Step.of("Add", "add", graph.floatsOrScalar(a.name() + ".bias", bias), "+ bias"));
      }
      chain(i, steps);
    }

    /**
     * A threshold as FINN's MultiThreshold with one threshold per element and outputs -1 and +1.
     * The graph holds each integer v of the source as the float {@code x = sourceScale * v}
     * (exactly, or rounded once in a way that keeps the order of the values the source takes), so
     * {@code v >= T} is {@code x >= x(T)}; a reversed rule {@code v < T} is {@code -x >= -x(T -
     * 1)}, after a Mul by -1 on those elements.
     */
    private void threshold(int i, Threshold t) {
      IntegerValues values = IntegerValues.of(net, i - 1);
      int per = width / values.channels();
      float[] thresholds = new float[width];
      float[] signs = new float[width];
      boolean negate = false;
      for (int c = 0; c < values.channels(); c++) {
        long lo = values.low(c);
        long hi = values.high(c);
        ThresholdRule rule = t.rules().get(c);
        ThresholdRule.Kind kind = rule.kind();
        long at = 0;
        if (kind == ThresholdRule.Kind.AT_LEAST || kind == ThresholdRule.Kind.BELOW) {
          at = valueThreshold(t, rule.threshold(), values.popcountInputs(), lo, hi);
          if (at <= lo) {
            kind =
                kind == ThresholdRule.Kind.AT_LEAST
                    ? ThresholdRule.Kind.ALWAYS
                    : ThresholdRule.Kind.NEVER;
          } else if (at > hi) {
            kind =
                kind == ThresholdRule.Kind.AT_LEAST
                    ? ThresholdRule.Kind.NEVER
                    : ThresholdRule.Kind.ALWAYS;
          }
        }
        float threshold =
            switch (kind) {
              case ALWAYS -> -Float.MAX_VALUE;
              case NEVER -> Float.MAX_VALUE;
              case AT_LEAST -> sourceScale.toFloat(at);
              case BELOW -> -sourceScale.toFloat(at - 1);
            };
        negate |= kind == ThresholdRule.Kind.BELOW;
        for (int e = c * per; e < (c + 1) * per; e++) {
          thresholds[e] = threshold;
          signs[e] = kind == ThresholdRule.Kind.BELOW ? -1f : 1f;
        }
      }
      List<Step> steps = new ArrayList<>();
      if (negate) {
        steps.add(
            Step.of(
                "Mul",
                "negate",
                graph.floatsOrScalar(t.name() + ".signs", signs),
                "-x where the rule is reversed (v < T as -x >= -x(T - 1))"));
      }
      boolean shared = all(thresholds, thresholds[0]);
      String table =
          graph.floats(
              t.name() + ".thresholds",
              new long[] {shared ? 1 : width, 1},
              shared ? new float[] {thresholds[0]} : thresholds);
      steps.add(
          new Step(
              QONNX_DOMAIN,
              "MultiThreshold",
              "threshold",
              List.of(table),
              List.of(
                  ExportGraph.stringAttr("out_dtype", "BIPOLAR"),
                  ExportGraph.floatAttr("out_scale", 2f),
                  ExportGraph.floatAttr("out_bias", -1f)),
              "+1 where x >= threshold, else -1 (FINN MultiThreshold)"));
      pending = null;
      chain(i, steps);
      graph.annotate(live, "BIPOLAR");
    }

    /**
     * The rule's threshold on the source's own value: for a popcount operand p = (v + N) / 2,
     * {@code p >= P} is {@code v >= 2P - N}; thresholds outside 0..N become ones outside lo..hi.
     */
    private static long valueThreshold(Threshold t, long at, int n, long lo, long hi) {
      if (t.operand() == Threshold.Operand.VALUE) {
        return at;
      }
      return at <= 0 ? lo : at > n ? hi + 1 : 2 * at - n;
    }

    private void argmax(int i) {
      String scores = live;
      String k = graph.longs(net.layer(i).name() + ".k", 1);
      String values = graph.fresh(net.layer(i).name() + ".top_score");
      String name = net.layer(i).name();
      graph.add(
          graph
              .node("", "TopK", name, List.of(scores, k), List.of(values, name))
              .addAttribute(ExportGraph.intAttr("axis", -1))
              .addAttribute(ExportGraph.intAttr("largest", 1))
              .addAttribute(ExportGraph.intAttr("sorted", 1))
              .setDocString(
                  where(net, i)
                      + ": the index of the largest of the class scores '"
                      + scores
                      + "', the first maximum winning"));
      graph.output(name, ExportGraph.INT64, 1, 1);
      live = name;
    }

    /** Adds the steps of layer {@code i}; the last one is named after the layer. */
    private void chain(int i, List<Step> steps) {
      String layer = net.layer(i).name();
      for (int s = 0; s < steps.size(); s++) {
        Step step = steps.get(s);
        boolean last = s == steps.size() - 1;
        emit(i, step, last ? layer : graph.fresh(layer + "." + step.role()));
      }
    }

    private void emit(int layer, Step step, String name) {
      List<String> inputs = new ArrayList<>();
      inputs.add(live);
      inputs.addAll(step.constants());
      NodeProto.Builder node =
          graph
              .node(step.domain(), step.opType(), name, inputs, List.of(name))
              .addAllAttribute(step.attributes())
              .setDocString(where(net, layer) + ": " + step.doc());
      graph.add(node);
      live = name;
    }

    /** The scalar 1.0, shared by every BipolarQuant as its scale. */
    private String one() {
      if (one == null) {
        one = graph.floats("one", new long[0], new float[] {1f});
      }
      return one;
    }

    /** A per-channel vector spread over the elements of each channel of the live tensor. */
    private float[] perElement(FloatVector v) {
      float[] out = new float[width];
      int per = width / v.size();
      for (int e = 0; e < width; e++) {
        out[e] = v.get(e / per);
      }
      return out;
    }

    private static boolean all(float[] v, float value) {
      for (float f : v) {
        if (f != value) {
          return false;
        }
      }
      return true;
    }
  }
}
