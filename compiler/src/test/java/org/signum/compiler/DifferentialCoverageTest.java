package org.signum.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.signum.compiler.CompileOptions.WeightPlacement;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.isa.MachineDescription;

/**
 * Checks that the differential test's random networks and machines reach what it claims to test:
 * streamed weights, bit-planes, binarized inputs, rank tables, negative and zero batch-norm scales,
 * sizes off the vector width, single neurons. Regenerates the same cases without running them.
 */
class DifferentialCoverageTest {
  @Test
  void randomCasesCoverEveryPath() throws Exception {
    Map<String, Integer> seen = new TreeMap<>();
    for (int seed = 0; seed < DifferentialTest.NETWORKS; seed++) {
      RandomNetworks gen = new RandomNetworks(1000 + seed, seed % 5 == 0 ? 300 : 140);
      Random r = gen.random();
      Network net = gen.next("random" + seed);
      MachineDescription m = DifferentialTestMachines.machine(r);
      CompileOptions options =
          CompileOptions.defaults()
              .withWeights(r.nextInt(6) == 0 ? WeightPlacement.STREAMED : WeightPlacement.AUTO);
      String s = Compiler.compile(net, m, options).assembly();
      count(seen, "streamed weights", s.contains("dma.ld"));
      count(seen, "8-bit bit-planes", s.contains("apopacc"));
      count(
          seen,
          "8-bit weight row held in registers",
          s.contains("the weight row stays in registers"));
      count(seen, "8-bit weight row streamed from wmem", s.contains("the weight row again"));
      count(seen, "8-bit plane counts alternating a2 and a3", s.contains("2^7 * a3"));
      count(
          seen,
          "8-bit plane counts in a2 alone, row in registers",
          s.contains("the weight row stays in registers") && s.contains("2^7 * a2"));
      count(seen, "binarized 8-bit input", s.contains("NOT threshold"));
      count(seen, "score rank table", s.contains("score table"));
      count(seen, "input held in registers", s.contains("the input stays in registers"));
      count(seen, "input streamed from amem", s.contains("xpopacc a0, v0, v1"));
      count(seen, "several output rows", s.contains("row not full yet"));
      count(seen, "bipolar input", ((Input) net.layer(0)).encoding() == Input.Encoding.BIPOLAR);
      for (Layer l : net.layers()) {
        if (l instanceof BatchNorm b) {
          for (int c = 0; c < b.gamma().size(); c++) {
            count(seen, "negative gamma", b.gamma().get(c) < 0);
            count(seen, "zero gamma", b.gamma().get(c) == 0);
          }
        }
        if (l instanceof org.signum.compiler.ir.BinaryDense d) {
          count(seen, "one-neuron layer", d.outputs() == 1);
          count(seen, "inputs not a multiple of 64", d.inputs() % 64 != 0);
        }
      }
      count(
          seen,
          "deep (5 or more dense layers)",
          net.layers().stream().filter(l -> l instanceof org.signum.compiler.ir.BinaryDense).count()
              >= 5);
    }
    for (Map.Entry<String, Integer> e : seen.entrySet()) {
      assertTrue(
          e.getValue() >= 3, "only " + e.getValue() + " cases of " + e.getKey() + ": " + seen);
    }
    assertTrue(seen.size() == 17, seen.toString());
  }

  private static void count(Map<String, Integer> seen, String what, boolean happened) {
    seen.merge(what, happened ? 1 : 0, Integer::sum);
  }
}
