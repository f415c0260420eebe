package org.signum.compiler.golden;

import java.util.List;

/**
 * What the golden reference computed for one input: every layer's output in order, and the
 * network's scores and class when it has them.
 */
public record Evaluation(List<LayerValue> layers, LayerValue scores, int classIndex) {
  public Evaluation {
    layers = List.copyOf(layers);
  }

  /** The output of the layer called {@code name}. */
  public LayerValue layer(String name) {
    for (LayerValue v : layers) {
      if (v.layer().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no layer '" + name + "'");
  }

  /** Whether the network ends in argmax, so that {@link #classIndex()} means something. */
  public boolean hasClass() {
    return classIndex >= 0;
  }
}
