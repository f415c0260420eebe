package org.signum.compiler.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifierTest {
  private static BitMatrix ones(int rows, int cols) {
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        b.set(r, c, true);
      }
    }
    return b.build();
  }

  private static float[] filled(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  private static List<String> problems(Layer... layers) {
    return Verifier.check(Network.of("net", List.of(layers))).problems();
  }

  private static void assertProblem(String expected, Layer... layers) {
    assertEquals(List.of(expected), problems(layers));
  }

  private static final Input BIPOLAR3 = Input.bipolar("x", Shape.of(3));

  @Test
  void validNetworkHasTypes() {
    Network n =
        Network.builder("ok")
            .input("x", Shape.of(1, 2, 3), Input.Encoding.UINT8, Rational.of(1, 255))
            .dense("fc1", ones(4, 6))
            .batchNorm("bn", filled(4, 1), filled(4, 0), filled(4, 0), filled(4, 1), 1e-5f)
            .sign("s")
            .dense("fc2", ones(2, 4))
            .affine("a", filled(2, 2), filled(2, 1))
            .scores("scores")
            .argmax("class")
            .build();
    assertEquals(
        "[uint8[1x2x3], integer[4], float[4], bipolar[4], integer[2], float[2], float[2],"
            + " class[1]]",
        n.types().toString());
  }

  @Test
  void emptyNetwork() {
    assertProblem("network 'net' has no layers: expected an input layer first");
  }

  @Test
  void mustStartWithInput() {
    assertProblem(
        "layer 0 's' (sign): expected the network to start with an input layer", new Sign("s"));
  }

  @Test
  void inputOnlyFirst() {
    assertProblem(
        "layer 1 'y' (input): an input layer may only come first",
        BIPOLAR3,
        Input.bipolar("y", Shape.of(3)));
  }

  @Test
  void duplicateNames() {
    assertProblem(
        "layer 1 'x' (sign): name: another layer is already called 'x'",
        Input.uint8("x", Shape.of(3), Rational.ONE),
        new Sign("x"));
  }

  @Test
  void badName() {
    assertProblem(
        "layer 1 'a b' (sign): name: expected non-empty text without spaces or '#'",
        Input.uint8("x", Shape.of(3), Rational.ONE),
        new Sign("a b"));
  }

  @Test
  void badShape() {
    assertProblem(
        "layer 0 'x' (input): shape 3x0: expected dimensions of at least 1 and at most "
            + "16777216 elements",
        Input.bipolar("x", Shape.of(3, 0)));
  }

  @Test
  void badScale() {
    assertProblem(
        "layer 0 'x' (input): scale 0/255: expected a positive fraction with numerator "
            + "and denominator in [1, 2147483647]",
        Input.uint8("x", Shape.of(3), Rational.of(0, 255)));
  }

  @Test
  void denseColumnsMustMatchInput() {
    assertProblem(
        "layer 1 'fc' (dense): weights have 4 columns, expected 3 (one per element of "
            + "the input bipolar[3])",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 4)));
  }

  @Test
  void denseNeedsBinaryInput() {
    assertProblem(
        "layer 2 'fc2' (dense): expected a bipolar or 8-bit input, got integer[2] "
            + "(binarize it first, for example with sign)",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new BinaryDense("fc2", ones(2, 2)));
  }

  @Test
  void batchNormSizes() {
    assertProblem(
        "layer 2 'bn' (batchnorm): beta has 1 values, expected 2 (one per channel of "
            + "integer[2])",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new BatchNorm(
            "bn",
            FloatVector.of(1, 1),
            FloatVector.of(0),
            FloatVector.of(0, 0),
            FloatVector.of(1, 1),
            0));
  }

  @Test
  void batchNormFinite() {
    assertProblem(
        "layer 2 'bn' (batchnorm): mean of channel 1 is NaN, expected a finite number",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new BatchNorm(
            "bn",
            FloatVector.of(1, 1),
            FloatVector.of(0, 0),
            FloatVector.of(0, Float.NaN),
            FloatVector.of(1, 1),
            0));
  }

  @Test
  void batchNormVariance() {
    assertProblem(
        "layer 2 'bn' (batchnorm): var of channel 0 is 0.0: expected var >= 0 and "
            + "var + eps > 0",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new BatchNorm(
            "bn",
            FloatVector.of(1, 1),
            FloatVector.of(0, 0),
            FloatVector.of(0, 0),
            FloatVector.of(0, 1),
            0));
  }

  @Test
  void batchNormEps() {
    assertProblem(
        "layer 2 'bn' (batchnorm): eps is -1.0, expected a finite number >= 0",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new BatchNorm(
            "bn",
            FloatVector.of(1, 1),
            FloatVector.of(0, 0),
            FloatVector.of(0, 0),
            FloatVector.of(1, 1),
            -1));
  }

  @Test
  void signNeedsNumbers() {
    assertProblem(
        "layer 1 's' (sign): expected an integer, 8-bit or float input, got bipolar[3]",
        BIPOLAR3,
        new Sign("s"));
  }

  @Test
  void thresholdRuleCount() {
    assertProblem(
        "layer 2 't' (threshold): has 1 rules, expected 2 (one per channel of " + "integer[2])",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new Threshold("t", Threshold.Operand.VALUE, List.of(ThresholdRule.always())));
  }

  @Test
  void popcountNeedsBipolarDense() {
    assertProblem(
        "layer 1 't' (threshold): operand popcount needs a dense layer with bipolar "
            + "inputs before it",
        Input.uint8("x", Shape.of(1), Rational.ONE),
        new Threshold("t", Threshold.Operand.POPCOUNT, List.of(ThresholdRule.always())));
  }

  @Test
  void argmaxFollowsScores() {
    assertProblem(
        "layer 2 'c' (argmax): expected to follow a scores layer, follows dense",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new Argmax("c"));
  }

  @Test
  void nothingAfterArgmax() {
    assertProblem(
        "layer 4 's' (sign): nothing may follow argmax",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        Scores.of("sc"),
        new Argmax("c"),
        new Sign("s"));
  }

  @Test
  void onlyArgmaxAfterScores() {
    assertProblem(
        "layer 2 'sc' (scores): only argmax may follow scores, got sign",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        Scores.of("sc"),
        new Sign("s"));
  }

  @Test
  void scoreTableMustCoverValues() {
    ScoreTable t = new ScoreTable(-1, 2, new int[][] {{0, 1}, {0, 1}});
    assertProblem(
        "layer 2 'sc' (scores): table covers -1..1 in steps of 2, class 0 takes values " + "-3..3",
        BIPOLAR3,
        new BinaryDense("fc", ones(2, 3)),
        new Scores("sc", Optional.of(t)));
  }

  @Test
  void reportsEveryProblem() {
    List<Layer> layers = new ArrayList<>();
    layers.add(Input.uint8("x", Shape.of(2), Rational.of(3, 0)));
    layers.add(new Sign("x"));
    assertEquals(2, problems(layers.toArray(new Layer[0])).size());
  }

  @Test
  void builderThrowsWithEveryProblem() {
    IrException e = assertThrows(IrException.class, () -> Network.builder("n").sign("s").build());
    assertTrue(e.getMessage().contains("start with an input layer"), e.getMessage());
  }

  @Test
  void bitMatrixRejectsOtherValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BitMatrix.fromSigns(new int[][] {{1, 0}}));
    assertEquals("element (0, 1) is 0, expected +1 or -1", e.getMessage());
  }

  @Test
  void integerValuesOfEightBitDense() {
    BitMatrix w = BitMatrix.fromSigns(new int[][] {{1, -1, 1}, {-1, -1, -1}});
    Network n =
        Network.builder("n")
            .input("x", Shape.of(3), Input.Encoding.UINT8, Rational.ONE)
            .dense("fc", w)
            .scores("s")
            .build();
    IntegerValues v = IntegerValues.of(n, 1);
    assertEquals(-255, v.low(0));
    assertEquals(510, v.high(0));
    assertEquals(-765, v.low(1));
    assertEquals(0, v.high(1));
    assertEquals(1, v.step());
  }
}
