package org.signum.compiler.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A binarized network as a chain of layers, each reading the output of the one before it: an {@link
 * Input} first, then any of the other {@link Layer} kinds, typically
 *
 * <pre>
 *   input -> (dense -> batchnorm -> sign)* -> dense -> [affine] -> scores -> argmax
 * </pre>
 *
 * <p>Immutable. Build one with {@link #builder(String)}, which verifies the result, or with {@link
 * #of(String, List)} followed by {@link Verifier#check(Network)}:
 *
 * <pre>{@code
 * Network net = Network.builder("tfc")
 *     .input("x", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255))
 *     .dense("fc1", weights1)            // BitMatrix, 64 rows x 784 columns
 *     .batchNorm("bn1", gamma, beta, mean, var, 1e-5f)
 *     .sign("act1")
 *     .dense("fc2", weights2)            // 10 x 64
 *     .scores("scores")
 *     .argmax("class")
 *     .build();
 * }</pre>
 */
public record Network(String name, List<Layer> layers) {
  public Network {
    Objects.requireNonNull(name, "name");
    layers = List.copyOf(layers);
  }

  /** A network, not yet verified. */
  public static Network of(String name, List<Layer> layers) {
    return new Network(name, layers);
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public Layer layer(int i) {
    return layers.get(i);
  }

  public int size() {
    return layers.size();
  }

  /** The index of the layer called {@code layerName}, or -1. */
  public int indexOf(String layerName) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(layerName)) {
        return i;
      }
    }
    return -1;
  }

  /** The output type of every layer, in order. */
  public List<TensorType> types() {
    Verifier.Result r = Verifier.check(this);
    if (!r.ok()) {
      throw new IrException(r.problems());
    }
    return r.types();
  }

  /** This network with layers {@code from..to-1} replaced by {@code replacement}. */
  public Network replace(int from, int to, List<Layer> replacement) {
    List<Layer> out = new ArrayList<>(layers.subList(0, from));
    out.addAll(replacement);
    out.addAll(layers.subList(to, layers.size()));
    return new Network(name, out);
  }

  /**
   * Appends layers one by one; {@link #build()} verifies the chain and reports every problem at
   * once.
   */
  public static final class Builder {
    private final String name;
    private final List<Layer> layers = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder add(Layer layer) {
      layers.add(Objects.requireNonNull(layer, "layer"));
      return this;
    }

    /** The input; {@code scale} is ignored for bipolar inputs. */
    public Builder input(String layerName, Shape shape, Input.Encoding encoding, Rational scale) {
      return add(
          new Input(
              layerName,
              shape,
              encoding,
              encoding == Input.Encoding.BIPOLAR ? Rational.ONE : scale));
    }

    public Builder dense(String layerName, BitMatrix weights) {
      return add(new BinaryDense(layerName, weights));
    }

    public Builder batchNorm(
        String layerName, float[] gamma, float[] beta, float[] mean, float[] var, float eps) {
      return add(
          new BatchNorm(
              layerName,
              FloatVector.of(gamma),
              FloatVector.of(beta),
              FloatVector.of(mean),
              FloatVector.of(var),
              eps));
    }

    public Builder affine(String layerName, float[] scale, float[] bias) {
      return add(new Affine(layerName, FloatVector.of(scale), FloatVector.of(bias)));
    }

    public Builder sign(String layerName) {
      return add(new Sign(layerName));
    }

    public Builder threshold(
        String layerName, Threshold.Operand operand, List<ThresholdRule> rules) {
      return add(new Threshold(layerName, operand, rules));
    }

    public Builder scores(String layerName) {
      return add(new Scores(layerName, Optional.empty()));
    }

    public Builder argmax(String layerName) {
      return add(new Argmax(layerName));
    }

    /**
     * The network.
     *
     * @throws IrException listing every problem the verifier found
     */
    public Network build() {
      Network n = new Network(name, layers);
      Verifier.Result r = Verifier.check(n);
      if (!r.ok()) {
        throw new IrException(r.problems());
      }
      return n;
    }
  }
}
