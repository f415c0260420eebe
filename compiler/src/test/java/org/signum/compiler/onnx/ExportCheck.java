package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.util.List;
import org.signum.compiler.golden.Evaluation;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.golden.LayerValue;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.Threshold;

/**
 * Exports a network, imports the file back, and checks that the two compute the same: input by
 * input, the golden references of both give the same value for every layer called the same in both,
 * the same scores and the same class, and the float evaluator of the exported graph predicts that
 * class too.
 */
final class ExportCheck {
  private ExportCheck() {}

  /** What a check saw over its inputs. */
  record Outcome(ImportedNetwork imported, int comparedLayers, int sharedTops) {}

  /** The network as the importer reads its export back (without an input scale given). */
  static ImportedNetwork reimport(Network net) throws OnnxImportException {
    byte[] onnx = OnnxExporter.export(net);
    return OnnxImporter.importNetwork(OnnxModel.parse(onnx, net.name() + ".onnx"));
  }

  static Outcome assertSameNetwork(Network net, List<int[]> inputs) throws OnnxImportException {
    ImportedNetwork back = reimport(net);
    Network got = back.network();
    assertInput(net, got);
    // Every input, dense and activation layer keeps its name, so that the comparison below
    // covers the whole chain and not only what happens to share a name.
    for (Layer l : net.layers()) {
      if (l instanceof Input
          || l instanceof BinaryDense
          || l instanceof Sign
          || l instanceof Threshold) {
        assertTrue(got.indexOf(l.name()) >= 0, "layer '" + l.name() + "' is missing after import");
      }
    }
    GoldenReference original = new GoldenReference(net);
    GoldenReference imported = new GoldenReference(got);
    int compared = 0;
    int shared = 0;
    for (int[] x : inputs) {
      Evaluation want = original.evaluate(x);
      Evaluation have = imported.evaluate(x);
      compared = 0;
      for (Layer l : net.layers()) {
        if (got.indexOf(l.name()) >= 0) {
          assertSameValue(want.layer(l.name()), have.layer(l.name()));
          compared++;
        }
      }
      assertSameValue(want.scores(), have.scores());
      int expected = want.hasClass() ? want.classIndex() : firstMax(want.scores());
      assertEquals(expected, have.classIndex(), "class of the imported network");
      boolean tie = topShared(want.scores());
      FloatPrediction f = back.evaluate(x);
      assertEquals(tie, f.topShared(), "whether the graph's top score is shared");
      // Where the top score is unique there is one right answer; where it is shared, the graph's
      // TopK and the IR's argmax both take the first of the tied classes.
      assertEquals(expected, f.classIndex(), tie ? "class at a shared top" : "class");
      assertSameOrder(want.scores(), f.scores());
      if (tie) {
        shared++;
      }
    }
    return new Outcome(back, compared, shared);
  }

  /**
   * The same encoding and shape; the same scale, with two exceptions (docs/onnx-import.md, Export).
   * A scale the network reads only through the sums of a first dense layer, which float32 cannot
   * form exactly from scaled bytes, is applied after that layer, so the imported input takes raw
   * bytes (scale 1). And a whole-number multiplication c of the first layer folds into a scale n /
   * 2^e on import (c n / 2^e).
   */
  private static void assertInput(Network net, Network got) {
    Input a = (Input) net.layer(0);
    Input b = (Input) got.layer(0);
    assertEquals(a.name(), b.name());
    assertEquals(a.encoding(), b.encoding());
    assertEquals(a.shape(), b.shape());
    Rational r = reduced(a.scale());
    Rational want = r;
    long c = firstMultiplier(net);
    if (net.layer(1) instanceof BinaryDense d && !exactSums(r, d.inputs())) {
      want = Rational.ONE;
    } else if (c > 1 && exactSums(r, 1) && c * r.numerator() <= Integer.MAX_VALUE) {
      want = Rational.of(c * r.numerator(), r.denominator());
    }
    assertEquals(
        want.numerator() * b.scale().denominator(),
        b.scale().numerator() * want.denominator(),
        "input scale " + b.scale() + ", expected " + want);
  }

  /**
   * The whole number c > 0 that the first layer on an 8-bit input multiplies every element by first
   * (an affine's scale, a batch norm's gamma after a mean of 0), else 0.
   */
  private static long firstMultiplier(Network net) {
    float[] c;
    if (((Input) net.layer(0)).encoding() != Input.Encoding.UINT8) {
      return 0;
    } else if (net.layer(1) instanceof Affine a) {
      c = a.scale().toArray();
    } else if (net.layer(1) instanceof BatchNorm bn && allEqual(bn.mean().toArray(), 0)) {
      c = bn.gamma().toArray();
    } else {
      return 0;
    }
    return allEqual(c, c[0]) && c[0] >= 1 && c[0] == Math.rint(c[0]) ? (long) c[0] : 0;
  }

  private static boolean allEqual(float[] v, float x) {
    for (float f : v) {
      if (f != x) {
        return false;
      }
    }
    return true;
  }

  private static Rational reduced(Rational r) {
    long g = BigInteger.valueOf(r.numerator()).gcd(BigInteger.valueOf(r.denominator())).longValue();
    return Rational.of(r.numerator() / g, r.denominator() / g);
  }

  /** Float32 sums of k bytes times n/d (reduced) are exact when d = 2^e and 255 k n < 2^24. */
  private static boolean exactSums(Rational r, int k) {
    return Long.bitCount(r.denominator()) == 1 && 255L * k * r.numerator() < (1L << 24);
  }

  /** Equal integers, or equal floats where -0 equals 0. */
  static void assertSameValue(LayerValue want, LayerValue have) {
    String what = "layer '" + want.layer() + "'";
    assertEquals(want.isFloat(), have.isFloat(), what + ": float or integer");
    assertEquals(want.size(), have.size(), what + ": size");
    float[] wf = want.floats();
    float[] hf = have.floats();
    long[] wi = want.ints();
    long[] hi = have.ints();
    for (int i = 0; i < want.size(); i++) {
      boolean same = want.isFloat() ? wf[i] == hf[i] : wi[i] == hi[i];
      if (!same) {
        fail(what + " element " + i + ": expected " + want + " but got " + have);
      }
    }
  }

  /** The graph's float scores order every pair of classes as the IR's scores do. */
  private static void assertSameOrder(LayerValue want, float[] graph) {
    assertEquals(want.size(), graph.length, "number of scores");
    for (int i = 0; i < graph.length; i++) {
      for (int j = 0; j < graph.length; j++) {
        int ir = compare(value(want, i), value(want, j));
        int onnx = compare(graph[i], graph[j]);
        if (ir != onnx) {
          fail(
              "scores "
                  + i
                  + " and "
                  + j
                  + ": the IR has "
                  + want
                  + ", the graph "
                  + graph[i]
                  + " and "
                  + graph[j]);
        }
      }
    }
  }

  /** -1, 0 or 1, with -0 equal to 0. */
  private static int compare(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  private static double value(LayerValue v, int i) {
    return v.isFloat() ? v.floats()[i] : v.ints()[i];
  }

  static int firstMax(LayerValue scores) {
    int best = 0;
    for (int i = 1; i < scores.size(); i++) {
      if (value(scores, i) > value(scores, best)) {
        best = i;
      }
    }
    return best;
  }

  static boolean topShared(LayerValue scores) {
    int best = firstMax(scores);
    for (int i = 0; i < scores.size(); i++) {
      if (i != best && value(scores, i) == value(scores, best)) {
        return true;
      }
    }
    return false;
  }
}
