package org.signum.compiler.ir;

import java.util.Objects;
import java.util.Optional;

/**
 * Marks the network's class scores, one per channel of its input. Without a table the scores are
 * the input itself: a dense layer's integer dot products, or the floats of a per-class affine or
 * batch norm before it. With a table (what folding those float layers produces) the scores are
 * integers looked up from the dense layer's output, see {@link ScoreTable}.
 */
public record Scores(String name, Optional<ScoreTable> table) implements Layer {
  public Scores {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
  }

  /** Scores that are the input values. */
  public static Scores of(String name) {
    return new Scores(name, Optional.empty());
  }

  @Override
  public String kind() {
    return "scores";
  }
}
