package org.signum.compiler.ir;

import java.util.Objects;

/**
 * The index of the largest score; among equal largest scores the first wins. Follows {@link
 * Scores}.
 */
public record Argmax(String name) implements Layer {
  public Argmax {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String kind() {
    return "argmax";
  }
}
