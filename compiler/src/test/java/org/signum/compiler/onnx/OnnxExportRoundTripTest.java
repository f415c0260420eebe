package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.compiler.RandomNetworks;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.ir.Affine;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;

/**
 * Random networks (the compiler's own generator: awkward widths, single neurons, negative and zero
 * batch-norm scales, exact ties, 8-bit inputs of several scales and bipolar inputs, binarized
 * inputs, thresholds of every kind, per-class affines) exported and imported back: the same value
 * for every layer output both networks have, the same scores and class, and the graph's own
 * prediction, on random inputs. {@link #theRandomNetworksReachEveryCase} checks that the seeds
 * cover what the exporter distinguishes.
 */
class OnnxExportRoundTripTest {
  static final int NETWORKS = 300;
  static final int INPUTS = 6;

  static Stream<Integer> seeds() {
    return IntStream.range(0, NETWORKS).boxed();
  }

  private static Network network(int seed) {
    return new RandomNetworks(5000 + seed, seed % 5 == 0 ? 300 : 140).next("random" + seed);
  }

  private static List<int[]> inputs(int seed, Network net) {
    RandomNetworks gen = new RandomNetworks(9000 + seed, 1);
    List<int[]> inputs = new ArrayList<>();
    for (int t = 0; t < INPUTS; t++) {
      inputs.add(gen.input(net));
    }
    return inputs;
  }

  private static boolean endsInScores(Network net) {
    Layer last = net.layer(net.size() - 1);
    return last instanceof Scores || last instanceof Argmax;
  }

  @ParameterizedTest(name = "network {0}")
  @MethodSource("seeds")
  void randomNetworkComesBackTheSame(int seed) throws Exception {
    Network net = network(seed);
    if (!endsInScores(net)) {
      int last = net.size() - 1;
      Layer l = net.layer(last);
      OnnxExportException e =
          assertThrows(OnnxExportException.class, () -> OnnxExporter.export(net));
      assertEquals(
          "layer "
              + last
              + " '"
              + l.name()
              + "' ("
              + l.kind()
              + "): the network ends here, without class scores; ONNX export writes classifiers"
              + " of an 8-bit or bipolar input, dense, batchnorm, affine, sign and threshold"
              + " layers, and class scores from a dense layer (without a score table), optionally"
              + " followed by argmax, which is what Signum's importer reads back",
          e.getMessage());
      return;
    }
    ExportCheck.Outcome o = ExportCheck.assertSameNetwork(net, inputs(seed, net));
    assertTrue(o.comparedLayers() >= 3, "compared " + o.comparedLayers() + " layers");
  }

  /** The cases the exporter writes differently, each reached by some seed above. */
  @Test
  void theRandomNetworksReachEveryCase() {
    // How many networks have each case.
    Map<String, Integer> seen = new TreeMap<>();
    for (int seed = 0; seed < NETWORKS; seed++) {
      Network net = network(seed);
      Set<String> cases = cases(net);
      if (endsInScores(net)) {
        // The inputs the round trip above checks, evaluated by the original network only.
        GoldenReference g = new GoldenReference(net);
        for (int[] x : inputs(seed, net)) {
          if (ExportCheck.topShared(g.evaluate(x).scores())) {
            cases.add("a shared top score");
          }
        }
      }
      cases.forEach(c -> seen.merge(c, 1, Integer::sum));
    }
    List<String> all =
        List.of(
            "bipolar input",
            "8-bit input, scale 1",
            "8-bit input, scale applied to the bytes",
            "8-bit input, scale applied to the first dense layer's sums",
            "input of two dimensions",
            "binarized input",
            "threshold on the input",
            "threshold on a dense layer",
            "reversed threshold",
            "popcount threshold",
            "always and never",
            "batchnorm with negative and zero gamma",
            "affine",
            "per-class affine",
            "per-class batchnorm",
            "one-neuron layer",
            "scores without argmax",
            "refused: no scores",
            "a shared top score");
    for (String c : all) {
      assertTrue(seen.containsKey(c), "no random network has: " + c + "; seen " + seen);
    }
  }

  /** What {@code net} has that the exporter writes differently, once each. */
  private static Set<String> cases(Network net) {
    Set<String> cases = new LinkedHashSet<>();
    Input in = (Input) net.layer(0);
    if (in.encoding() == Input.Encoding.BIPOLAR) {
      cases.add("bipolar input");
    } else if (in.scale().numerator() == in.scale().denominator()) {
      cases.add("8-bit input, scale 1");
    } else if (net.layer(1) instanceof BinaryDense d
        && (Long.bitCount(in.scale().denominator()) != 1
            || 255L * d.inputs() * in.scale().numerator() >= 1 << 24)) {
      if (net.layer(2) instanceof BatchNorm || net.layer(2) instanceof Affine) {
        cases.add("8-bit input, scale applied to the first dense layer's sums");
      }
    } else {
      cases.add("8-bit input, scale applied to the bytes");
    }
    if (in.shape().rank() > 1) {
      cases.add("input of two dimensions");
    }
    if (!endsInScores(net)) {
      cases.add("refused: no scores");
    } else if (!(net.layer(net.size() - 1) instanceof Argmax)) {
      cases.add("scores without argmax");
    }
    for (int i = 1; i < net.size(); i++) {
      Layer l = net.layer(i);
      boolean beforeScores = i + 1 < net.size() && net.layer(i + 1) instanceof Scores;
      if (l instanceof Threshold t) {
        cases.add(i == 1 ? "threshold on the input" : "threshold on a dense layer");
        for (ThresholdRule r : t.rules()) {
          switch (r.kind()) {
            case BELOW -> cases.add("reversed threshold");
            case ALWAYS, NEVER -> cases.add("always and never");
            default -> {}
          }
        }
        if (t.operand() == Threshold.Operand.POPCOUNT) {
          cases.add("popcount threshold");
        }
      } else if (l instanceof BatchNorm b) {
        float[] g = b.gamma().toArray();
        boolean negative = false;
        boolean zero = false;
        for (float v : g) {
          negative |= v < 0;
          zero |= v == 0;
        }
        if (negative && zero) {
          cases.add("batchnorm with negative and zero gamma");
        }
        if (beforeScores) {
          cases.add("per-class batchnorm");
        }
      } else if (l instanceof Affine) {
        cases.add(beforeScores ? "per-class affine" : "affine");
      } else if (l instanceof BinaryDense d) {
        if (d.outputs() == 1) {
          cases.add("one-neuron layer");
        }
        if (in.encoding() == Input.Encoding.UINT8 && i > 1 && !cases.contains("dense")) {
          cases.add("binarized input");
        }
        cases.add("dense");
      }
    }
    return cases;
  }
}
