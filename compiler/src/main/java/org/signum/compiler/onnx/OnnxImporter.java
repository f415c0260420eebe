package org.signum.compiler.onnx;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Verifier;

/**
 * Lowers an imported ONNX graph of a fully connected binarized network to the compiler's layer IR,
 * computing exactly what the graph computes in float32 (what {@link FloatEvaluator} evaluates), for
 * every input.
 *
 * <pre>{@code
 * OnnxModel model = OnnxModel.load(Path.of("TFC_1W1A.onnx"));
 * ImportedNetwork imported = OnnxImporter.importNetwork(model, Optional.of(Rational.of(1, 255)));
 * CompiledProgram p = Compiler.compile(imported.network(), machine, CompileOptions.defaults());
 * }</pre>
 *
 * <p>The graph must be a chain from its one input to its one output: every node reads the previous
 * node's result and constants. The input is 8-bit (each byte times the input scale) or bipolar;
 * then come float arithmetic, binarizations and binary dense layers, and at the end the class
 * scores, optionally through TopK with k = 1. Anything else is an error naming the node and
 * operator.
 */
public final class OnnxImporter {
  private static final Set<String> RESHAPING =
      Set.of("Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity");
  private static final String COMPILED =
      "Add, BatchNormalization, BipolarQuant, Div, Flatten, Gemm, Identity, MatMul, Mul,"
          + " MultiThreshold, Quant (1-bit), Reshape, Sign, Squeeze, Sub, TopK (k = 1), Transpose"
          + " (keeping the element order), Unsqueeze";

  private OnnxImporter() {}

  /**
   * Lowers {@code model} with the input scale its annotations give (1 for FINN's UINT8 input, 1
   * without annotation).
   *
   * @throws OnnxImportException naming the node and operator that Signum cannot lower, and why
   */
  public static ImportedNetwork importNetwork(OnnxModel model) throws OnnxImportException {
    return importNetwork(model, Optional.empty());
  }

  /**
   * Lowers {@code model}; {@code inputScale}, when given, is what each raw input byte is multiplied
   * by to give the graph's float input.
   *
   * @throws OnnxImportException naming the node and operator that Signum cannot lower, and why
   */
  public static ImportedNetwork importNetwork(OnnxModel model, Optional<Rational> inputScale)
      throws OnnxImportException {
    try {
      InputSpec in = InputSpec.of(model, inputScale);
      ImportState s = new ImportState(model, in.flatLayer(), in.tensor());
      for (OnnxNode node : model.nodes()) {
        try {
          lower(s, node);
        } catch (NodeException e) {
          throw new OnnxImportException(
              model.source() + ": " + node.describe() + ": " + e.getMessage(), e);
        }
      }
      finish(s);
      List<Layer> layers = InputChannels.restore(s.layers(), in.shape());
      Network net = Network.of(networkName(model), layers);
      Verifier.Result r = Verifier.check(net);
      if (!r.ok()) {
        throw new ModelException(
            "the lowered network is not valid:\n  " + String.join("\n  ", r.problems()));
      }
      return new ImportedNetwork(
          model, net, in.scale(), in.scaleOrigin(), s.scoresTensor(), s.classTensor());
    } catch (ModelException e) {
      throw new OnnxImportException(model.source() + ": " + e.getMessage(), e);
    }
  }

  private static void lower(ImportState s, OnnxNode node) {
    int liveIndex = liveInput(s, node);
    switch (node.opType()) {
      case "Add", "Sub", "Mul", "Div" -> FloatLowering.elementwise(s, node, liveIndex);
      case "BatchNormalization" -> FloatLowering.batchNorm(s, node);
      case "MatMul" -> DenseLowering.matMul(s, node, liveIndex);
      case "Gemm" -> DenseLowering.gemm(s, node, liveIndex);
      case "BipolarQuant" -> ActivationLowering.bipolarQuant(s, node);
      case "Quant", "IntQuant" -> ActivationLowering.quant(s, node);
      case "MultiThreshold" -> ActivationLowering.multiThreshold(s, node);
      case "Sign" -> ActivationLowering.sign(s, node);
      case "TopK" -> {
        topK(s, node);
        return;
      }
      case "Transpose" -> requireOrderKept(s, node);
      default -> {
        if (!RESHAPING.contains(node.opType())) {
          throw new NodeException(
              "operator '"
                  + node.opType()
                  + "' on values computed from the input is not supported by Signum's compiler;"
                  + " it compiles "
                  + COMPILED
                  + ", and folds constant subgraphs of any imported operator");
        }
      }
    }
    s.advance(node.outputs().get(0));
  }

  /**
   * Which input of {@code node} is the live tensor; every other input must be a constant, and the
   * live tensor may feed no other node.
   */
  private static int liveInput(ImportState s, OnnxNode node) {
    int index = -1;
    for (int i = 0; i < node.inputs().size(); i++) {
      String in = node.inputs().get(i);
      if (in.isEmpty() || s.model.initializer(in).isPresent()) {
        continue;
      }
      if (!in.equals(s.live())) {
        throw new NodeException(
            "reads '"
                + in
                + "', which is not the result of the node before it in the chain ('"
                + s.live()
                + "'); Signum compiles networks in which each node reads the previous one's"
                + " result and constants");
      }
      if (index >= 0) {
        throw new NodeException(
            "reads '" + in + "' twice; Signum compiles operations of a tensor with constants");
      }
      index = i;
    }
    if (index < 0) {
      throw new NodeException("reads no value computed from the input");
    }
    List<OnnxNode> readers = s.model.consumersOf(s.live());
    if (readers.size() > 1 || isGraphOutput(s.model, s.live())) {
      throw new NodeException(
          "'"
              + s.live()
              + "' is read by "
              + (readers.size() > 1 ? readers.size() + " nodes" : "this node and is an output")
              + "; Signum compiles chains in which each result feeds exactly one node");
    }
    return index;
  }

  private static boolean isGraphOutput(OnnxModel model, String tensor) {
    return model.outputs().stream().anyMatch(o -> o.name().equals(tensor));
  }

  /** A transpose that only moves dimensions of size 1 keeps the element order: a reshape. */
  private static void requireOrderKept(ImportState s, OnnxNode node) {
    Shape in = s.liveShape();
    long[] perm =
        node.attribute("perm").map(OnnxAttribute::intsValue).orElseGet(() -> reversed(in.rank()));
    int previous = -1;
    for (long axis : perm) {
      if (in.dim((int) axis) == 1) {
        continue;
      }
      if (axis < previous) {
        throw new NodeException(
            "permutes the elements of "
                + in
                + "; Signum supports transposes that keep their order");
      }
      previous = (int) axis;
    }
  }

  private static long[] reversed(int rank) {
    long[] p = new long[rank];
    for (int i = 0; i < rank; i++) {
      p[i] = rank - 1 - i;
    }
    return p;
  }

  /** TopK with k = 1 of the class scores: the class, the first maximum winning. */
  private static void topK(ImportState s, OnnxNode node) {
    if (!s.seenDense()
        || (s.kind() != ImportState.Kind.INTEGER && s.kind() != ImportState.Kind.FLOAT)) {
      throw new NodeException(
          "selects from values that are not class scores; Signum supports TopK only on the"
              + " scores after the last dense layer");
    }
    Shape x = s.liveShape();
    long axis = node.attribute("axis").map(OnnxAttribute::intValue).orElse(-1L);
    int resolved = (int) (axis < 0 ? axis + x.rank() : axis);
    long k =
        node.inputs().size() > 1 && !node.inputs().get(1).isEmpty()
            ? (long) s.constant(node, 1, "k").valueAt(0)
            : node.attribute("k").map(OnnxAttribute::intValue).orElse(0L);
    boolean largest = node.attribute("largest").map(a -> a.intValue() == 1).orElse(true);
    if (k != 1 || !largest || x.dim(resolved) != x.size()) {
      throw new NodeException(
          "k = "
              + k
              + (largest ? " largest" : " smallest")
              + " along axis "
              + axis
              + " of "
              + x
              + "; Signum supports the single largest score (k = 1, largest = 1) along the axis"
              + " of the classes");
    }
    String values = node.outputs().get(0);
    if (!values.isEmpty()
        && (!s.model.consumersOf(values).isEmpty() || isGraphOutput(s.model, values))) {
      throw new NodeException(
          "its values '"
              + values
              + "' are used; Signum computes the class index, TopK's second output, only");
    }
    addScores(s);
    s.markScores(s.live(), node.outputs().get(1));
    s.advance(node.outputs().get(1), ImportState.Kind.CLASS);
  }

  private static void addScores(ImportState s) {
    s.add(Scores.of("scores"));
    s.add(new Argmax("class"));
  }

  /** The graph's one output must end the chain: class scores or TopK's class. */
  private static void finish(ImportState s) {
    List<TensorInfo> outputs = s.model.outputs();
    if (outputs.size() != 1) {
      throw new ModelException(
          "the graph has "
              + outputs.size()
              + " outputs; Signum compiles networks with one (the class scores or the class)");
    }
    String out = outputs.get(0).name();
    if (!out.equals(s.live())) {
      throw new ModelException(
          "graph output '"
              + out
              + "' is not the end of the chain from the input, '"
              + s.live()
              + "'");
    }
    if (s.kind() == ImportState.Kind.CLASS) {
      return;
    }
    if (s.kind() == ImportState.Kind.BINARY) {
      throw new ModelException(
          "graph output '" + out + "' holds binary activations; " + endsWith());
    }
    if (!s.seenDense()) {
      throw new ModelException(
          "graph output '" + out + "' is computed without a dense layer; " + endsWith());
    }
    Shape shape = s.liveShape();
    if (shape.dim(shape.rank() - 1) != shape.size()) {
      throw new ModelException("graph output '" + out + "' has shape " + shape + "; " + endsWith());
    }
    addScores(s);
    s.markScores(out, null);
  }

  private static String endsWith() {
    return "Signum compiles classifiers that end in one row of class scores from a dense layer,"
        + " optionally scaled per class, optionally followed by TopK";
  }

  private static String networkName(OnnxModel model) {
    String source = model.source().replace('\\', '/');
    String base = source.substring(source.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return Names.sanitize(dot > 0 ? base.substring(0, dot) : base);
  }
}
