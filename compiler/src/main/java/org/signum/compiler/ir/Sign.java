package org.signum.compiler.ir;

import java.util.Objects;

/** Binarization: +1 where the input is at least 0, else -1 (see {@link FloatArithmetic}). */
public record Sign(String name) implements Layer {
  public Sign {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String kind() {
    return "sign";
  }
}
