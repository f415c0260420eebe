package org.signum.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.compiler.CompileException;
import org.signum.compiler.RandomNetworks;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.passes.PassContext;
import org.signum.compiler.passes.Pipeline;

class ModelFileTest {
  static final String TINY =
      """
      signum-model 1
      network tiny

      layer x input
        shape 5
        encoding bipolar

      layer fc dense
        weights 2x5
          a8
          58

      layer bn batchnorm
        eps 0.0
        gamma 1.0 -0.5
        beta 0.0 0.25
        mean 1.0 0.0
        var 1.0 2.0

      layer s sign

      layer out dense
        weights 3x2
          c
          8
          4

      layer scores scores

      layer class argmax

      end
      """;

  static final String BYTES =
      """
      signum-model 1
      network t
      layer x input      # comments run to the end of the line
        shape 2x3
        encoding uint8
        scale 1/255
      layer t threshold
        operand value
        rules >=128 never
      end
      """;

  @Test
  void readsTheDocumentedExample() throws CompileException {
    Network expected =
        Network.builder("tiny")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", BitMatrix.fromSigns(new int[][] {{1, -1, 1, -1, 1}, {-1, 1, -1, 1, 1}}))
            .batchNorm(
                "bn",
                new float[] {1, -0.5f},
                new float[] {0, 0.25f},
                new float[] {1, 0},
                new float[] {1, 2},
                0)
            .sign("s")
            .dense("out", BitMatrix.fromSigns(new int[][] {{1, 1}, {1, -1}, {-1, 1}}))
            .scores("scores")
            .argmax("class")
            .build();
    assertEquals(expected, ModelFile.parse(TINY, "m.sgm"));
    assertEquals(TINY, ModelFile.format(expected));
  }

  @Test
  void randomNetworksAndTheirFoldedFormsRoundTrip() throws CompileException {
    RandomNetworks gen = new RandomNetworks(99, 200);
    for (int k = 0; k < 80; k++) {
      Network net = gen.next("net" + k);
      assertEquals(net, ModelFile.parse(ModelFile.format(net), "r.sgm"));
      Network folded = Pipeline.standard(true).run(net, new PassContext(), (p, n) -> {});
      assertEquals(folded, ModelFile.parse(ModelFile.format(folded), "f.sgm"));
    }
  }

  @Test
  void floatsKeepEveryBit() throws CompileException {
    float[] awkward = {-0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, 1e-45f, 16777217f, -3.3e-20f};
    float[] zeros = new float[awkward.length];
    Network net =
        Network.builder("f")
            .input("x", Shape.of(awkward.length), Input.Encoding.UINT8, Rational.of(3, 7))
            .affine("a", awkward, zeros)
            .sign("s")
            .build();
    assertEquals(net, ModelFile.parse(ModelFile.format(net), "f.sgm"));
  }

  @Test
  void writesAndReadsFiles(@TempDir Path dir) throws Exception {
    Network net = ModelFile.parse(TINY, "m.sgm");
    Path file = dir.resolve("tiny.sgm");
    ModelFile.write(net, file);
    assertEquals(TINY, Files.readString(file));
    assertEquals(net, ModelFile.read(file));
    Path missing = dir.resolve("missing.sgm");
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFile.read(missing));
    assertEquals(missing + ":1: error: cannot read the file: " + missing, e.getMessage());
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            TINY,
            "signum-model 1",
            "signum-modle 1",
            "m.sgm:1: error: header: expected 'signum-model 1', got 'signum-modle 1'"),
        Arguments.of(
            TINY,
            "signum-model 1",
            "signum-model 2",
            "m.sgm:1: error: header: unsupported version '2'; this reader reads version 1"),
        Arguments.of(
            TINY,
            "network tiny",
            "netwrk tiny",
            "m.sgm:2: error: expected 'network NAME' after the header, got 'netwrk tiny'"),
        Arguments.of(
            TINY,
            "layer bn batchnorm",
            "layer bn batchnrm",
            "m.sgm:13: error: layer 'bn': kind 'batchnrm': expected one of input, dense, "
                + "batchnorm, affine, sign, threshold, scores, argmax"),
        Arguments.of(
            TINY,
            "  gamma",
            "  gama",
            "m.sgm:15: error: layer 'bn': unknown field 'gama' for a batchnorm layer; expected "
                + "eps, gamma, beta, mean, var"),
        Arguments.of(
            TINY,
            "gamma 1.0 -0.5",
            "gamma 1.0 x",
            "m.sgm:15: error: layer 'bn', gamma value 1: expected a finite float (decimal such "
                + "as -1.5E-3, or hex such as 0x1.8p1), got 'x'"),
        Arguments.of(
            TINY,
            "beta 0.0 0.25",
            "beta NaN 0.25",
            "m.sgm:16: error: layer 'bn', beta value 0: expected a finite float (decimal such "
                + "as -1.5E-3, or hex such as 0x1.8p1), got 'NaN'"),
        Arguments.of(
            TINY,
            "var 1.0 2.0",
            "var 1.0 1e39",
            "m.sgm:18: error: layer 'bn', var value 1: expected a finite float (decimal such "
                + "as -1.5E-3, or hex such as 0x1.8p1), got '1e39'"),
        Arguments.of(
            TINY,
            "  eps 0.0\n",
            "",
            "m.sgm:13: error: layer 'bn': missing field 'eps' of a batchnorm layer"),
        Arguments.of(
            TINY,
            "  eps 0.0\n",
            "  eps 0.0\n  eps 0.0\n",
            "m.sgm:15: error: layer 'bn': field 'eps' given twice"),
        Arguments.of(
            TINY,
            "eps 0.0",
            "eps 0.0 1.0",
            "m.sgm:14: error: layer 'bn', eps: expected a float, got 2 values"),
        Arguments.of(
            TINY,
            "    a8",
            "    a",
            "m.sgm:10: error: layer 'fc', weights row 0: expected 2 hex digits (4 weights each, "
                + "the first weight in the most significant bit), got 1"),
        Arguments.of(
            TINY,
            "    58",
            "    5g",
            "m.sgm:11: error: layer 'fc', weights row 1: character 2 is 'g', expected a hex digit"),
        Arguments.of(
            TINY,
            "    a8",
            "    a9",
            "m.sgm:10: error: layer 'fc', weights row 0: bits past weight 4 must be 0, the last "
                + "digit is '9'"),
        Arguments.of(
            TINY,
            "weights 2x5",
            "weights 3x5",
            "m.sgm:9: error: layer 'fc', weights: expected 3 rows of hex digits, found 2"),
        Arguments.of(
            TINY,
            "weights 2x5",
            "weights two by five",
            "m.sgm:9: error: layer 'fc', weights: expected ROWSxCOLUMNS, such as 64x784, got "
                + "'two by five'"),
        Arguments.of(
            TINY,
            "gamma 1.0 -0.5",
            "gamma 1.0 -0.5 2.0",
            "m.sgm:13: error: layer 2 'bn' (batchnorm): gamma has 3 values, expected 2 (one per "
                + "channel of integer[2])"),
        Arguments.of(
            TINY,
            "weights 3x2",
            "weights 3x3",
            "m.sgm:22: error: layer 4 'out' (dense): weights have 3 columns, expected 2 (one "
                + "per element of the input bipolar[2])"),
        Arguments.of(
            TINY,
            "\nend\n",
            "\n",
            "m.sgm:32: error: the file ends without 'end'; is it cut short?"),
        Arguments.of(
            TINY,
            "\nend\n",
            "\nend\nlayer z sign\n",
            "m.sgm:33: error: nothing may follow 'end', got 'layer z sign'"),
        Arguments.of(
            TINY,
            "layer x input",
            "lyer x input",
            "m.sgm:4: error: expected 'layer NAME KIND' or 'end', got 'lyer x input'"),
        Arguments.of(
            TINY,
            "layer s sign",
            "layer s sign\n  shape 3",
            "m.sgm:21: error: layer 's': unknown field 'shape' for a sign layer; it takes none"),
        Arguments.of(
            TINY,
            "layer class argmax",
            "layer fc argmax",
            "m.sgm:30: error: layer 6 'fc' (argmax): name: another layer is already called 'fc'"),
        Arguments.of(
            BYTES,
            "shape 2x3",
            "shape 2x",
            "m.sgm:4: error: layer 'x', shape: expected dimensions such as 784 or 1x28x28, got "
                + "'2x'"),
        Arguments.of(
            BYTES,
            "encoding uint8",
            "encoding uint9",
            "m.sgm:5: error: layer 'x', encoding: expected uint8 or bipolar, got 'uint9'"),
        Arguments.of(
            BYTES,
            "  scale 1/255\n",
            "",
            "m.sgm:3: error: layer 'x': missing field 'scale' of a input layer"),
        Arguments.of(
            BYTES,
            "scale 1/255",
            "scale 0/3",
            "m.sgm:6: error: layer 'x', scale: expected a fraction N/D or a whole number N with "
                + "N and D in [1, 2147483647], got '0/3'"),
        Arguments.of(
            BYTES,
            "encoding uint8",
            "encoding bipolar",
            "m.sgm:6: error: layer 'x', scale: a bipolar input takes no scale"),
        Arguments.of(
            BYTES,
            "operand value",
            "operand val",
            "m.sgm:8: error: layer 't', operand: expected value or popcount, got 'val'"),
        Arguments.of(
            BYTES,
            "rules >=128 never",
            "rules >=128 >x",
            "m.sgm:9: error: layer 't', rules: rule 1: expected >=T, <T, always or never with T "
                + "a whole number, got '>x'"),
        Arguments.of(
            BYTES,
            "rules >=128 never",
            "rules >=128",
            "m.sgm:7: error: layer 1 't' (threshold): has 1 rules, expected 2 (one per channel "
                + "of uint8[2x3])"),
        Arguments.of(
            "",
            "",
            "",
            "m.sgm:1: error: the file is empty; expected the header " + "'signum-model 1'"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("malformed")
  void malformedFileNamesLineAndField(String base, String from, String to, String expected) {
    String text =
        from.isEmpty()
            ? base
            : base.replaceFirst(
                java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFile.parse(text, "m.sgm"));
    assertEquals(expected, e.getMessage());
    assertEquals(List.of(expected), e.errors());
  }

  @Test
  void reportsEveryBadFieldAtOnce() {
    String text = TINY.replace("gamma 1.0 -0.5", "gamma 1.0 y").replace("    58", "    5g");
    ModelFormatException e =
        assertThrows(ModelFormatException.class, () -> ModelFile.parse(text, "m.sgm"));
    assertEquals(2, e.errors().size(), e.getMessage());
  }
}
