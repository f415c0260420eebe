package org.signum.compiler.onnx;

/**
 * What the float evaluator predicts for one input.
 *
 * @param classIndex the class: the first maximum of the scores, or TopK's index
 * @param scores the class scores the prediction comes from
 * @param topShared whether several classes share the top score, so that only the rule "the first
 *     maximum wins" decides the class
 */
public record FloatPrediction(int classIndex, float[] scores, boolean topShared) {
  public FloatPrediction {
    scores = scores.clone();
  }

  @Override
  public float[] scores() {
    return scores.clone();
  }
}
