package org.signum.compiler.ir;

import java.util.Objects;

/**
 * The network's input: the first layer, and only the first.
 *
 * @param shape the input's dimensions, without a batch dimension
 * @param encoding what each element is
 * @param scale for {@link Encoding#UINT8}, the exact factor from a raw byte to the value the
 *     network was trained on (a pixel scaled to [0, 1] has scale {@code 1/255}); {@link
 *     Rational#ONE} for bipolar inputs
 */
public record Input(String name, Shape shape, Encoding encoding, Rational scale) implements Layer {
  /** How the input's elements are given. */
  public enum Encoding {
    /** Each element is +1 or -1. */
    BIPOLAR,
    /** Each element is an unsigned byte 0..255. */
    UINT8
  }

  public Input {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(scale, "scale");
  }

  public static Input bipolar(String name, Shape shape) {
    return new Input(name, shape, Encoding.BIPOLAR, Rational.ONE);
  }

  public static Input uint8(String name, Shape shape, Rational scale) {
    return new Input(name, shape, Encoding.UINT8, scale);
  }

  @Override
  public String kind() {
    return "input";
  }
}
