package org.signum.compiler.onnx;

import java.util.Arrays;
import java.util.Optional;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Rational;

/**
 * The network's input as the model declares it: its one graph input, without the batch dimension,
 * as 8-bit values times a scale or as bipolar values.
 *
 * @param tensor the graph input's name
 * @param shape the input's dimensions without the batch
 * @param encoding 8-bit or bipolar
 * @param scale what a raw byte is multiplied by before the graph sees it
 * @param scaleOrigin where the scale comes from, for people
 */
record InputSpec(
    String tensor,
    org.signum.compiler.ir.Shape shape,
    Input.Encoding encoding,
    Rational scale,
    String scaleOrigin) {

  static InputSpec of(OnnxModel model, Optional<Rational> requested) {
    if (model.inputs().size() != 1) {
      throw new ModelException(
          "the graph has "
              + model.inputs().size()
              + " inputs; Signum compiles networks with exactly one");
    }
    TensorInfo in = model.inputs().get(0);
    int[] dims = in.shape().dims();
    if (dims.length == 0) {
      throw new ModelException("graph input '" + in.name() + "' is a scalar; expected a tensor");
    }
    if (dims.length > 1 && dims[0] != 1) {
      throw new ModelException(
          "graph input '"
              + in.name()
              + "' has shape "
              + in.shape()
              + "; Signum runs one input at a time, so the first dimension (the batch) must be 1");
    }
    int[] own = dims.length > 1 ? Arrays.copyOfRange(dims, 1, dims.length) : dims;
    org.signum.compiler.ir.Shape shape = org.signum.compiler.ir.Shape.of(own);
    String annotation = model.finnDatatype(in.name()).orElse("");
    String described = "graph input '" + in.name() + "'";
    if (annotation.equals("BIPOLAR")) {
      if (requested.isPresent()) {
        throw new ModelException(
            described
                + " is annotated BIPOLAR (+1/-1 values); an input scale applies only to 8-bit"
                + " inputs");
      }
      return new InputSpec(
          in.name(), shape, Input.Encoding.BIPOLAR, Rational.ONE, "its BIPOLAR annotation");
    }
    boolean unsignedBits = annotation.matches("UINT[1-8]");
    if (!annotation.isEmpty() && !unsignedBits && !annotation.equals("FLOAT32")) {
      throw new ModelException(
          described
              + " is annotated "
              + annotation
              + "; Signum's input is 8-bit unsigned (UINT8 or narrower), BIPOLAR, or a float"
              + " taken as an 8-bit value times the input scale");
    }
    if (requested.isPresent()) {
      Rational r = requested.get();
      if (!r.isValid()) {
        throw new ModelException(
            "input scale "
                + r
                + " is not a positive fraction with numerator and denominator in [1,"
                + " 2147483647]");
      }
      return new InputSpec(in.name(), shape, Input.Encoding.UINT8, r, "given");
    }
    String origin =
        unsignedBits
            ? "the " + annotation + " annotation of " + described
            : "the default: " + described + " carries no datatype annotation";
    return new InputSpec(in.name(), shape, Input.Encoding.UINT8, Rational.ONE, origin);
  }

  /** The input layer while importing: flat, one channel per element. */
  Input flatLayer() {
    org.signum.compiler.ir.Shape flat = org.signum.compiler.ir.Shape.of((int) shape.elements());
    return new Input(tensor, flat, encoding, scale);
  }
}
