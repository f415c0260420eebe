package org.signum.compiler.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.signum.compiler.CompileException;
import org.signum.compiler.RandomNetworks;
import org.signum.compiler.golden.Evaluation;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.golden.LayerValue;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.ElementKind;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;
import org.signum.compiler.ir.Verifier;

class PassesTest {
  private static final BitMatrix W =
      BitMatrix.fromSigns(new int[][] {{1, 1, -1, 1, 1}, {-1, 1, 1, 1, -1}, {1, -1, -1, -1, 1}});

  /** Every input of {@code n} bipolar elements. */
  private static List<int[]> allBipolar(int n) {
    List<int[]> out = new ArrayList<>();
    for (int m = 0; m < 1 << n; m++) {
      int[] x = new int[n];
      for (int i = 0; i < n; i++) {
        x[i] = (m >> i & 1) == 1 ? 1 : -1;
      }
      out.add(x);
    }
    return out;
  }

  /** Runs one pass, verifies, and checks the outputs of the named layers did not change. */
  private static Network checkPass(Pass pass, Network net, List<int[]> inputs, String... layers)
      throws CompileException {
    Network after = pass.run(net, new PassContext());
    assertTrue(Verifier.check(after).ok(), () -> Verifier.check(after).problems().toString());
    GoldenReference before = new GoldenReference(net);
    GoldenReference now = new GoldenReference(after);
    for (int[] x : inputs) {
      Evaluation a = before.evaluate(x);
      Evaluation b = now.evaluate(x);
      for (String name : layers) {
        assertEquals(a.layer(name).toString(), b.layer(name).toString());
      }
      assertEquals(a.classIndex(), b.classIndex());
    }
    return after;
  }

  @Test
  void foldSign() throws CompileException {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .sign("s")
            .build();
    Network after = checkPass(new FoldSignIntoThreshold(), n, allBipolar(5), "s");
    assertEquals(
        new Threshold(
            "s",
            Threshold.Operand.VALUE,
            List.of(ThresholdRule.atLeast(0), ThresholdRule.atLeast(0), ThresholdRule.atLeast(0))),
        after.layer(2));
  }

  @Test
  void foldBatchNormGivesPopcountRulesReversedAndConstant() throws CompileException {
    // s = 2p - 5. Channel 0: s - 1 >= 0 iff p >= 3. Channel 1: -(s + 1) >= 0 iff p < 3 (i.e.
    // p <= 2). Channel 2: gamma 0, beta -1: never.
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .batchNorm(
                "bn",
                new float[] {1, -1, 0},
                new float[] {0, 0, -1},
                new float[] {1, -1, 0},
                new float[] {1, 1, 1},
                0)
            .sign("s")
            .build();
    PassContext context = new PassContext();
    Network after = new FoldFloatSignIntoThreshold().run(n, context);
    assertEquals(
        new Threshold(
            "s",
            Threshold.Operand.POPCOUNT,
            List.of(ThresholdRule.atLeast(3), ThresholdRule.below(3), ThresholdRule.never())),
        after.layer(2));
    assertEquals(
        List.of(new FoldCertificate("s", "'bn' + 's'", 3, 18, FoldCertificate.Method.EXHAUSTIVE)),
        context.certificates());
    checkPass(new FoldFloatSignIntoThreshold(), n, allBipolar(5), "s");
  }

  @Test
  void boundaryCertificateBeyondBudget() throws CompileException {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .affine("a", new float[] {1, -1, 0}, new float[] {-1, 1, 1})
            .sign("s")
            .build();
    PassContext context = new PassContext(10);
    new FoldFloatSignIntoThreshold().run(n, context);
    assertEquals(FoldCertificate.Method.MONOTONE_BOUNDARY, context.certificates().get(0).method());
  }

  @Test
  void eightBitInputScaleFoldsExactly() throws CompileException {
    // 2 * x / 255 - 1 >= 0 iff x >= 127.5, so x >= 128.
    Network n =
        Network.builder("n")
            .input("x", Shape.of(2), Input.Encoding.UINT8, Rational.of(1, 255))
            .affine("a", new float[] {2, -2}, new float[] {-1, 1})
            .sign("s")
            .build();
    Network after = new FoldFloatSignIntoThreshold().run(n, new PassContext());
    assertEquals(
        List.of(ThresholdRule.atLeast(128), ThresholdRule.below(128)),
        ((Threshold) after.layer(1)).rules());
    List<int[]> inputs = new ArrayList<>();
    for (int x = 0; x < 256; x++) {
      inputs.add(new int[] {x, x});
    }
    checkPass(new FoldFloatSignIntoThreshold(), n, inputs, "s");
  }

  @Test
  void certificateFailureNamesLayerAndChannel() {
    // Channel 1 overflows to +-infinity for |s| >= 3, and 0 * infinity is NaN: the float output
    // fires for |s| = 1 only, which no threshold on s reproduces.
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .batchNorm(
                "bn",
                new float[] {1, 3e38f, 1},
                new float[] {0, 0, 0},
                new float[] {0, 0, 0},
                new float[] {1, 1, 1},
                0)
            .affine("a", new float[] {1, 0, 1}, new float[] {0, 0, 0})
            .sign("s")
            .build();
    CompileException e =
        assertThrows(
            CompileException.class,
            () -> new FoldFloatSignIntoThreshold().run(n, new PassContext()));
    assertEquals(
        "layer 4 's' (sign): folding 'bn' + 'a' + 's' into a threshold failed its certificate at"
            + " channel 1: at p = 2 the float definition gives +1 but the folded rule 'never' gives"
            + " -1; the float function is not a threshold of its input here",
        e.getMessage());
  }

  @Test
  void scoreAffineBecomesRankTable() throws CompileException {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .affine("a", new float[] {1, -1, 0.5f}, new float[] {0, 0, 1})
            .scores("scores")
            .argmax("class")
            .build();
    Network after = checkPass(new FoldFloatScoresIntoTable(), n, allBipolar(5), "class");
    assertTrue(((Scores) after.layer(2)).table().isPresent());
  }

  @Test
  void scoreTableRefusesNaN() {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .batchNorm(
                "bn",
                new float[] {3e38f, 1, 1},
                new float[] {0, 0, 0},
                new float[] {0, 0, 0},
                new float[] {1, 1, 1},
                0)
            .affine("a", new float[] {0, 1, 1}, new float[] {0, 0, 0})
            .scores("scores")
            .build();
    CompileException e =
        assertThrows(
            CompileException.class, () -> new FoldFloatScoresIntoTable().run(n, new PassContext()));
    assertEquals(
        "layer 4 'scores' (scores): 'bn' + 'a' give NaN for class 0 at v = -5, so the "
            + "scores have no order",
        e.getMessage());
  }

  @Test
  void convertThresholdsToPopcount() throws CompileException {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .threshold(
                "t",
                Threshold.Operand.VALUE,
                List.of(ThresholdRule.atLeast(0), ThresholdRule.below(-2), ThresholdRule.always()))
            .build();
    Network after = checkPass(new ConvertThresholdsToPopcount(), n, allBipolar(5), "t");
    assertEquals(
        List.of(ThresholdRule.atLeast(3), ThresholdRule.below(2), ThresholdRule.always()),
        ((Threshold) after.layer(2)).rules());
  }

  @Test
  void flipReversedNeurons() throws CompileException {
    Network n =
        Network.builder("n")
            .input("x", Shape.of(5), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", W)
            .threshold(
                "t",
                Threshold.Operand.POPCOUNT,
                List.of(ThresholdRule.below(3), ThresholdRule.atLeast(2), ThresholdRule.below(0)))
            .build();
    Network after = checkPass(new FlipReversedNeurons(), n, allBipolar(5), "t");
    assertEquals(
        List.of(ThresholdRule.atLeast(3), ThresholdRule.atLeast(2), ThresholdRule.atLeast(6)),
        ((Threshold) after.layer(2)).rules());
  }

  @Test
  void pipelineOnRandomNetworksKeepsEveryOutputAndRemovesFloats() throws CompileException {
    RandomNetworks gen = new RandomNetworks(11, 130);
    for (int k = 0; k < 60; k++) {
      Network net = gen.next("r" + k);
      List<String> seen = new ArrayList<>();
      Network folded =
          Pipeline.standard(true).run(net, new PassContext(), (name, n) -> seen.add(name));
      assertEquals(Pipeline.passNames(), seen);
      for (Layer l : folded.layers()) {
        assertFalse(l instanceof BatchNorm || l instanceof Affine, l.name());
      }
      GoldenReference before = new GoldenReference(net);
      GoldenReference after = new GoldenReference(folded);
      for (int t = 0; t < 4; t++) {
        int[] x = gen.input(net);
        Evaluation a = before.evaluate(x);
        Evaluation b = after.evaluate(x);
        for (LayerValue v : b.layers()) {
          if (v.kind() == ElementKind.BIPOLAR) {
            assertEquals(a.layer(v.layer()).toString(), v.toString(), net.name());
          }
        }
        assertEquals(a.classIndex(), b.classIndex(), net.name());
        if (a.scores() != null && !a.scores().isFloat()) {
          assertEquals(a.scores().toString(), b.scores().toString());
        }
      }
    }
  }
}
