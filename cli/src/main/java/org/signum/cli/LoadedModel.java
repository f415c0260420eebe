package org.signum.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.signum.compiler.CompileException;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.model.ModelFile;
import org.signum.compiler.onnx.ImportedNetwork;
import org.signum.compiler.onnx.OnnxImportException;
import org.signum.compiler.onnx.OnnxImporter;
import org.signum.compiler.onnx.OnnxModel;

/**
 * A model given on the command line, as the compiler's layer IR: an ONNX model ({@code .onnx}),
 * lowered by the importer, or a Signum model file ({@code .sgm}).
 *
 * @param path the file
 * @param network the layer IR
 * @param onnx the imported ONNX model, for checks against its float evaluator; empty for model
 *     files
 * @param inputScale what each raw input byte is multiplied by (1 for a bipolar input)
 * @param scaleOrigin where the scale comes from, for people
 */
record LoadedModel(
    Path path,
    Network network,
    Optional<ImportedNetwork> onnx,
    Rational inputScale,
    String scaleOrigin) {

  /**
   * Reads {@code path}; {@code scale}, when given, replaces the input scale of the model.
   *
   * @throws CliException naming the file and what is wrong with it
   */
  static LoadedModel load(Path path, Optional<Rational> scale) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    if (name.endsWith(".onnx")) {
      return onnx(path, scale);
    }
    if (name.endsWith(".sgm")) {
      return modelFile(path, scale);
    }
    throw new CliException(
        "signum: error: "
            + path
            + ": expected an ONNX model (.onnx) or a Signum model file (.sgm, docs/model-format.md)");
  }

  private static LoadedModel onnx(Path path, Optional<Rational> scale) {
    try {
      ImportedNetwork imported = OnnxImporter.importNetwork(OnnxModel.load(path), scale);
      String origin = scale.isPresent() ? "--input-scale" : imported.inputScaleOrigin();
      return new LoadedModel(
          path, imported.network(), Optional.of(imported), imported.inputScale(), origin);
    } catch (OnnxImportException e) {
      throw new CliException("signum: error: " + e.getMessage());
    }
  }

  /**
   * A Signum model file held in memory, such as one bundled with the command line; {@code name}
   * stands for the file in messages.
   *
   * @throws CliException naming the file, line and field of every problem
   */
  static LoadedModel modelFile(String name, String text) {
    Network net;
    try {
      net = ModelFile.parse(text, name);
    } catch (CompileException e) {
      // Each line is already "file:line: error: message".
      throw new CliException(e.getMessage());
    }
    Input in = (Input) net.layer(0);
    return new LoadedModel(Path.of(name), net, Optional.empty(), in.scale(), "the model file");
  }

  private static LoadedModel modelFile(Path path, Optional<Rational> scale) {
    Network net;
    try {
      net = ModelFile.read(path);
    } catch (CompileException e) {
      // Each line is already "file:line: error: message".
      throw new CliException(e.getMessage());
    }
    Input in = (Input) net.layer(0);
    if (scale.isEmpty()) {
      return new LoadedModel(path, net, Optional.empty(), in.scale(), "the model file");
    }
    if (in.encoding() != Input.Encoding.UINT8) {
      throw new CliException(
          "signum: error: "
              + path
              + ": the input '"
              + in.name()
              + "' is bipolar; --input-scale applies only to 8-bit inputs");
    }
    Input scaled = new Input(in.name(), in.shape(), in.encoding(), scale.get());
    return new LoadedModel(
        path,
        net.replace(0, 1, java.util.List.of(scaled)),
        Optional.empty(),
        scale.get(),
        "--input-scale");
  }

  /** Whether the network takes 8-bit values (else +1/-1). */
  boolean takesBytes() {
    return ((Input) network.layer(0)).encoding() == Input.Encoding.UINT8;
  }

  int inputElements() {
    return (int) ((Input) network.layer(0)).shape().elements();
  }

  /** {@code 784 -> 64 -> 64 -> 10}: the input's size, then each dense layer's outputs. */
  String shapeSummary() {
    StringBuilder s = new StringBuilder().append(inputElements());
    for (Layer l : network.layers()) {
      if (l instanceof BinaryDense d) {
        s.append(" -> ").append(d.outputs());
      }
    }
    return s.toString();
  }

  /** {@code input 1x28x28 uint8, scale 1/255 (--input-scale)}. */
  String inputSummary() {
    Input in = (Input) network.layer(0);
    return "input "
        + in.shape()
        + (takesBytes() ? " uint8, scale " + inputScale + " (" + scaleOrigin + ")" : " bipolar");
  }
}
