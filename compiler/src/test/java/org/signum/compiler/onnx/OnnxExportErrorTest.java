package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.FloatVector;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Shape;

/** Every network the exporter refuses, with its message. */
class OnnxExportErrorTest {
  private static final String SUPPORTED =
      "ONNX export writes classifiers of an 8-bit or bipolar input, dense, batchnorm, affine, sign"
          + " and threshold layers, and class scores from a dense layer (without a score table),"
          + " optionally followed by argmax";

  private static BitMatrix weights(int rows, int cols) {
    Random r = new Random(rows * 31L + cols);
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        b.set(i, j, r.nextBoolean());
      }
    }
    return b.build();
  }

  private static String refusal(Network net) {
    OnnxExportException e = assertThrows(OnnxExportException.class, () -> OnnxExporter.export(net));
    assertEquals(IllegalArgumentException.class, e.getClass().getSuperclass());
    return e.getMessage();
  }

  /** An 8-bit input of {@code n} elements and {@code scale}, binarized, then 2 classes. */
  private static Network binarized(Rational scale, int n) {
    return Network.builder("scaled")
        .input("x", Shape.of(n), Input.Encoding.UINT8, scale)
        .affine("shift", filled(n, 1), filled(n, -1000))
        .sign("bits")
        .dense("out", weights(2, n))
        .scores("scores")
        .build();
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Test
  void anInvalidNetworkListsTheVerifiersProblems() {
    Network net =
        Network.of(
            "bad",
            List.of(
                Input.bipolar("x", Shape.of(3)),
                new BatchNorm(
                    "bn",
                    FloatVector.of(1),
                    FloatVector.of(0),
                    FloatVector.of(0),
                    FloatVector.of(1),
                    0f)));
    assertEquals(
        "network 'bad' is not valid, so it cannot be exported:\n"
            + "  layer 1 'bn' (batchnorm): expected an integer, 8-bit or float input, got"
            + " bipolar[3]",
        refusal(net));
  }

  @Test
  void aNetworkWithoutScoresIsRefusedAtItsLastLayer() {
    Network net =
        Network.builder("open")
            .input("x", Shape.of(4), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", weights(3, 4))
            .sign("act")
            .build();
    assertEquals(
        "layer 2 'act' (sign): the network ends here, without class scores; "
            + SUPPORTED
            + ", which is what Signum's importer reads back",
        refusal(net));
  }

  @Test
  void aScoreTableIsRefused() {
    // A dense layer over 2 bipolar inputs gives -2, 0 or 2: three entries per class.
    Network net =
        Network.of(
            "folded",
            List.of(
                Input.bipolar("x", Shape.of(2)),
                new BinaryDense("fc", weights(2, 2)),
                new Scores(
                    "ranks",
                    Optional.of(new ScoreTable(-2, 2, new int[][] {{0, 1, 2}, {2, 1, 0}}))),
                new Argmax("class")));
    assertEquals(
        "layer 2 'ranks' (scores): its score table (what the compiler's FoldFloatScoresIntoTable"
            + " makes) has no ONNX form that Signum's importer reads; export the network before it"
            + " is compiled, with the float layers the table was folded from",
        refusal(net));
  }

  @Test
  void scoresWithoutADenseLayerAreRefused() {
    Network net =
        Network.builder("nodense")
            .input("x", Shape.of(3), Input.Encoding.UINT8, Rational.ONE)
            .affine("a", new float[] {1, 2, 3}, new float[] {0, 0, 0})
            .scores("scores")
            .argmax("class")
            .build();
    assertEquals(
        "layer 2 'scores' (scores): the scores are not computed by a dense layer; " + SUPPORTED,
        refusal(net));
  }

  @Test
  void anInputScaleThatIsNotAFloatIsRefused() {
    assertEquals(
        "layer 0 'x' (input): the input scale 16777217 cannot be written exactly: the graph"
            + " multiplies by its numerator and divides by its denominator in float32, and"
            + " 16777217 is not a float32 value",
        refusal(binarized(Rational.of(16777217, 1), 3)));
  }

  @Test
  void anInputScaleThatWouldRoundTwiceIsRefused() {
    assertEquals(
        "layer 0 'x' (input): the input scale 70000/3 cannot be applied exactly to the input"
            + " bytes: the graph would multiply values up to 255 by 70000 and divide by 3 in"
            + " float32, which rounds twice unless 255 * 70000 < 2^24 or 3 is a power of two",
        refusal(binarized(Rational.of(70000, 3), 3)));
  }

  /** A denominator that is a power of two divides exactly first, whatever the numerator. */
  @Test
  void aLargeNumeratorOverAPowerOfTwoIsWrittenDividingFirst() throws Exception {
    Network net = binarized(Rational.of(70001, 4), 3);
    ExportCheck.Outcome o =
        ExportCheck.assertSameNetwork(
            net, List.of(new int[] {0, 1, 255}, new int[] {7, 0, 3}, new int[] {57, 58, 229}));
    assertEquals(Rational.of(70001, 4), ((Input) o.imported().network().layer(0)).scale());
  }

  @Test
  void aScaleOnTheSumsThatWouldRoundTwiceIsRefused() {
    Network net =
        Network.builder("sums")
            .input("x", Shape.of(256), Input.Encoding.UINT8, Rational.of(300, 7))
            .dense("fc", weights(2, 256))
            .affine("a", new float[] {1, 1}, new float[] {0.5f, -0.5f})
            .sign("act")
            .dense("out", weights(2, 2))
            .scores("scores")
            .build();
    assertEquals(
        "layer 1 'fc' (dense): the input scale 300/7 cannot be applied exactly to its sums (which"
            + " the graph computes from the raw bytes, since float32 sums of the scaled bytes"
            + " would round): the graph would multiply values up to 65280 by 300 and divide by 7"
            + " in float32, which rounds twice unless 65280 * 300 < 2^24 or 7 is a power of two",
        refusal(net));
  }

  @Test
  void aDenseLayerOnTooManyBytesIsRefused() {
    int n = 65794;
    Network net =
        Network.builder("wide")
            .input("x", Shape.of(n), Input.Encoding.UINT8, Rational.ONE)
            .dense("fc", weights(1, n))
            .scores("scores")
            .build();
    assertEquals(
        "layer 1 'fc' (dense): it sums 65794 8-bit inputs; ONNX sums them in float32, exactly only"
            + " for at most 65793 inputs (255 * K < 2^24), while Signum's sums are exact."
            + " Binarize the input first (an affine and a sign), or use fewer inputs",
        refusal(net));
  }

  @Test
  void theWidestDenseLayerOnBytesIsWritten() throws Exception {
    int n = 65793;
    Network net =
        Network.builder("widest")
            .input("x", Shape.of(n), Input.Encoding.UINT8, Rational.of(1, 255))
            .dense("fc", weights(2, n))
            .batchNorm(
                "bn",
                new float[] {1, -1},
                new float[] {0, 0},
                new float[] {3, 0},
                new float[] {1, 1},
                0)
            .scores("scores")
            .build();
    int[] x = new int[n];
    java.util.Arrays.fill(x, 255);
    ExportCheck.assertSameNetwork(net, List.of(x, new int[n]));
  }

  @Test
  void aDenseLayerOnTooManyBipolarValuesIsRefused() {
    int n = 1 << 24;
    Network net =
        Network.builder("huge")
            .input("x", Shape.of(n), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", new BitMatrix.Builder(1, n).build())
            .scores("scores")
            .build();
    assertEquals(
        "layer 1 'fc' (dense): it sums 16777216 products of +1/-1; ONNX sums them in float32,"
            + " exactly only for fewer than 2^24 inputs, while Signum's sums are exact",
        refusal(net));
  }
}
