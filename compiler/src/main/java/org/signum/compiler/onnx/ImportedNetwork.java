package org.signum.compiler.onnx;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;

/**
 * An ONNX model lowered to the layer IR, with what is needed to check the IR against the model: how
 * a raw input becomes the graph's float input, and which tensors hold the class scores and the
 * class.
 *
 * @param model the imported graph
 * @param network the layer IR computing the same classes, ready for {@link
 *     org.signum.compiler.Compiler#compile}
 * @param inputScale what a raw byte is multiplied by to give the graph's input (1 for a bipolar
 *     input); the network's own input scale may differ where the graph's first operations scale the
 *     input exactly and were folded into it
 * @param inputScaleOrigin where the input scale comes from, for people: "given", or the annotation
 *     or default it was taken from
 * @param scoresTensor the graph tensor of the class scores: the graph output, or TopK's input
 * @param classTensor TopK's index output when the graph ends in TopK
 */
public record ImportedNetwork(
    OnnxModel model,
    Network network,
    Rational inputScale,
    String inputScaleOrigin,
    String scoresTensor,
    Optional<String> classTensor) {

  public ImportedNetwork {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(inputScale, "inputScale");
    Objects.requireNonNull(classTensor, "classTensor");
  }

  /** Whether the network takes 8-bit values (else +1/-1). */
  public boolean takesBytes() {
    return ((Input) network.layer(0)).encoding() == Input.Encoding.UINT8;
  }

  /**
   * The graph's float input for raw input values: each byte times the input scale, rounded once to
   * float32 ({@link Rational#toFloat}), or the +1/-1 values of a bipolar input.
   */
  public float[] floatInput(int[] raw) {
    float[] x = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      x[i] = takesBytes() ? inputScale.toFloat(raw[i]) : raw[i];
    }
    return x;
  }

  /**
   * Runs the model's own float evaluator on {@code raw} and reads its prediction.
   *
   * @throws IllegalArgumentException when {@code raw} does not have the input's size
   */
  public FloatPrediction evaluate(int[] raw) {
    Map<String, float[]> values = FloatEvaluator.run(model, floatInput(raw));
    float[] scores = values.get(scoresTensor);
    int best = 0;
    int top = 0;
    for (int j = 0; j < scores.length; j++) {
      if (scores[j] > scores[best]) {
        best = j;
      }
    }
    for (float s : scores) {
      if (s == scores[best]) {
        top++;
      }
    }
    int predicted = classTensor.map(t -> (int) values.get(t)[0]).orElse(best);
    return new FloatPrediction(predicted, scores, top > 1);
  }
}
