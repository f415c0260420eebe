package org.signum.compiler.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;

/**
 * The chain being lowered to the layer IR: the layers so far, the ONNX tensor that carries the
 * chain's current value (the live tensor), and what that value is.
 *
 * <p>Until the import finishes, the input layer is flat (one channel per element), so that every
 * per-channel parameter before the first dense layer is per element; {@link InputChannels} then
 * restores the input's own shape where the parameters allow it.
 */
final class ImportState {
  /** What the live tensor holds. */
  enum Kind {
    /** The 8-bit input itself: element i is the byte times the input layer's scale. */
    RAW,
    /** A dense layer's output, or the input after an exact change of scale: integers. */
    INTEGER,
    /** A float layer's output, computed from integers or the 8-bit input. */
    FLOAT,
    /** Binary activations: every element is +alpha or -alpha. */
    BINARY,
    /** The index of the winning class. */
    CLASS
  }

  final OnnxModel model;
  private final List<Layer> layers = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  private String live;
  private Kind kind;
  private float alpha = 1f;
  private boolean seenDense;
  private String scoresTensor;
  private String classTensor;

  ImportState(OnnxModel model, Input input, String inputTensor) {
    this.model = model;
    add(input);
    this.live = inputTensor;
    this.kind = input.encoding() == Input.Encoding.BIPOLAR ? Kind.BINARY : Kind.RAW;
  }

  String live() {
    return live;
  }

  Kind kind() {
    return kind;
  }

  /** For {@link Kind#BINARY}: the magnitude of every element. */
  float alpha() {
    return alpha;
  }

  boolean seenDense() {
    return seenDense;
  }

  /** The live tensor's static shape, as the import probe found it. */
  Shape liveShape() {
    return model.tensor(live).orElseThrow().shape();
  }

  int liveElements() {
    return liveShape().size();
  }

  List<Layer> layers() {
    return List.copyOf(layers);
  }

  Layer last() {
    return layers.get(layers.size() - 1);
  }

  /** The chain with its current layers, unverified: for inspecting reachable values. */
  Network network() {
    return Network.of("import", layers);
  }

  /** Appends {@code layer} under a unique name derived from its own. */
  void add(Layer layer) {
    layers.add(Names.renamed(layer, unique(layer.name())));
  }

  /** Replaces the last layer by {@code layer}, which takes a unique form of its own name. */
  void replaceLast(Layer layer) {
    Layer old = layers.remove(layers.size() - 1);
    names.remove(old.name());
    add(layer);
  }

  private String unique(String base) {
    String name = Names.sanitize(base);
    for (int i = 2; !names.add(name); i++) {
      name = Names.sanitize(base) + "_" + i;
    }
    return name;
  }

  /** The live value moves to {@code tensor}, now of {@code newKind}. */
  void advance(String tensor, Kind newKind) {
    live = tensor;
    kind = newKind;
  }

  void advance(String tensor) {
    live = tensor;
  }

  void setAlpha(float a) {
    alpha = a;
  }

  void markDense() {
    seenDense = true;
  }

  void markScores(String scores, String classIndex) {
    scoresTensor = scores;
    classTensor = classIndex;
  }

  String scoresTensor() {
    return scoresTensor;
  }

  Optional<String> classTensor() {
    return Optional.ofNullable(classTensor);
  }

  /**
   * The index of the layer whose integers the float layers after it read: the last dense layer or
   * the input.
   */
  int integerSource() {
    for (int i = layers.size() - 1; i > 0; i--) {
      if (layers.get(i) instanceof BinaryDense) {
        return i;
      }
    }
    return 0;
  }

  /** The values the integer source can take, channel by channel. */
  IntegerValues integerValues() {
    return IntegerValues.of(network(), integerSource());
  }

  /**
   * Whether the live value is an integer equal to its own real value: a dense layer's sum over
   * binary inputs or over bytes of scale 1, or the bytes of an input of scale 1.
   */
  boolean liveIsPlainInteger() {
    if (kind != Kind.RAW && kind != Kind.INTEGER) {
      return false;
    }
    return integerValues().scale().equals(Rational.ONE);
  }

  /** The constant input {@code index} of {@code node}, which must be an initializer. */
  Tensor constant(OnnxNode node, int index, String role) {
    String name = index < node.inputs().size() ? node.inputs().get(index) : "";
    if (name.isEmpty()) {
      throw new NodeException(role + " (input " + index + ") is missing");
    }
    return model
        .initializer(name)
        .orElseThrow(
            () ->
                new NodeException(
                    role
                        + " (input "
                        + index
                        + ", '"
                        + name
                        + "') is computed from the network's input; Signum needs it constant"));
  }
}
