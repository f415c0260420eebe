package org.signum.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.compiler.CompileOptions.WeightPlacement;
import org.signum.compiler.golden.Evaluation;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.golden.LayerValue;
import org.signum.compiler.ir.Network;
import org.signum.isa.MachineDescription;

/**
 * Random networks compiled, assembled and simulated on random machines; every stored layer output,
 * every score and the class must equal the golden reference's, on the folded network and on the
 * original one, exactly.
 */
class DifferentialTest {
  static final int NETWORKS = 240;
  static final int INPUTS = 4;

  static Stream<Integer> seeds() {
    return IntStream.range(0, NETWORKS).boxed();
  }

  @ParameterizedTest(name = "network {0}")
  @MethodSource("seeds")
  void compiledNetworkMatchesGoldenReference(int seed) throws Exception {
    RandomNetworks gen = new RandomNetworks(1000 + seed, seed % 5 == 0 ? 300 : 140);
    Random r = gen.random();
    Network net = gen.next("random" + seed);
    MachineDescription m = DifferentialTestMachines.machine(r);
    CompileOptions options =
        CompileOptions.defaults()
            .withWeights(r.nextInt(6) == 0 ? WeightPlacement.STREAMED : WeightPlacement.AUTO);
    CompiledProgram p = Compiler.compile(net, m, options);
    Machine machine = new Machine(p, m);
    GoldenReference original = new GoldenReference(net);
    GoldenReference folded = new GoldenReference(p.folded());
    for (int t = 0; t < INPUTS; t++) {
      int[] x = gen.input(net);
      Evaluation want = folded.evaluate(x);
      Evaluation before = original.evaluate(x);
      Machine.Outputs got = machine.run(x);
      String where = net.name() + " on " + m + ", input " + t;
      for (int i = 0; i < p.host().activations().size(); i++) {
        String layer = p.host().activations().get(i).layer();
        int[] bits = toInts(want.layer(layer));
        assertArrayEquals(bits, got.activations().get(i), where + ", layer " + layer);
        assertArrayEquals(toInts(before.layer(layer)), bits, where + ", layer " + layer);
      }
      if (got.scores() != null) {
        assertArrayEquals(toInts(want.scores()), got.scores(), where + ", scores");
        if (!before.scores().isFloat()) {
          assertArrayEquals(toInts(before.scores()), got.scores(), where + ", original scores");
        }
      }
      assertEquals(want.hasClass(), got.classIndex().isPresent());
      if (want.hasClass()) {
        assertEquals(want.classIndex(), (int) got.classIndex().get(), where + ", class");
        assertEquals(before.classIndex(), want.classIndex(), where + ", original class");
      }
    }
    assertTrue(p.host().activations().size() + (p.host().scores().isPresent() ? 1 : 0) > 0);
  }

  private static int[] toInts(LayerValue v) {
    long[] a = v.ints();
    int[] out = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.toIntExact(a[i]);
    }
    return out;
  }
}
