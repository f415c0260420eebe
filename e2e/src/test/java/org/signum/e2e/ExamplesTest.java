package org.signum.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/**
 * Each hand-written kernel in examples/ against a plain integer computation of the same arithmetic:
 * on its bundled data, and on random data written over it, at several vector widths.
 */
class ExamplesTest {

  static Stream<Arguments> cases() {
    return Stream.of(64, 256, 512, 1024)
        .flatMap(w -> Stream.of(0L, 1L, 2L).map(seed -> Arguments.of(w, seed)));
  }

  private static MachineDescription machine(int width) {
    return MachineDescription.defaults().with(MachineParameter.VECTOR_WIDTH, width);
  }

  private static int[] random(Random r, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextBoolean() ? 1 : -1;
    }
    return v;
  }

  @ParameterizedTest(name = "width {0}, seed {1}")
  @MethodSource("cases")
  void dotProduct(int width, long seed) throws Exception {
    Example e = new Example("dot.s", machine(width));
    int n = e.constant("N");
    if (seed > 0) {
      Random r = new Random(seed);
      e.writeRow(MemorySpace.WMEM, "w", 0, random(r, n), 1);
      e.writeRow(MemorySpace.AMEM, "x", 0, random(r, n), 0);
    }
    int expected =
        Example.dot(e.row(MemorySpace.WMEM, "w", 0, n), e.row(MemorySpace.AMEM, "x", 0, n));
    e.runToHalt();
    assertEquals(expected, e.word(MemorySpace.AMEM, "result", 0));
  }

  @ParameterizedTest(name = "width {0}, seed {1}")
  @MethodSource("cases")
  void fullyConnectedLayer(int width, long seed) throws Exception {
    Example e = new Example("fc.s", machine(width));
    int nIn = e.constant("N_IN");
    int nOut = e.constant("N_OUT");
    if (seed > 0) {
      Random r = new Random(seed);
      for (int j = 0; j < nOut; j++) {
        e.writeRow(MemorySpace.WMEM, "weights", j, random(r, nIn), 1);
        e.writeWord(MemorySpace.TMEM, "thresholds", j, r.nextInt(nIn + 3) - 1);
      }
      e.writeRow(MemorySpace.AMEM, "input", 0, random(r, nIn), 0);
    }
    int[] x = e.row(MemorySpace.AMEM, "input", 0, nIn);
    int[] expected = new int[nOut];
    for (int j = 0; j < nOut; j++) {
      int agreements = (Example.dot(e.row(MemorySpace.WMEM, "weights", j, nIn), x) + nIn) / 2;
      expected[j] = agreements >= e.word(MemorySpace.TMEM, "thresholds", j) ? 1 : -1;
    }
    e.runToHalt();
    assertArrayEquals(expected, e.row(MemorySpace.AMEM, "output", 0, nOut));
    // Padding after the last neuron stays 0, so the row can feed another layer directly.
    int[] padded = e.row(MemorySpace.AMEM, "output", 0, e.rowBytes(nOut) * 8);
    for (int i = nOut; i < padded.length; i++) {
      assertEquals(-1, padded[i], "padding bit " + i);
    }
  }

  @ParameterizedTest(name = "width {0}, seed {1}")
  @MethodSource("cases")
  void twoLayerNetwork(int width, long seed) throws Exception {
    Example e = new Example("mlp2.s", machine(width));
    int nIn = e.constant("N_IN");
    int nHid = e.constant("N_HID");
    int nCls = e.constant("N_CLASSES");
    if (seed > 0) {
      Random r = new Random(seed);
      for (int j = 0; j < nHid; j++) {
        e.writeRow(MemorySpace.WMEM, "w1", j, random(r, nIn), 1);
        e.writeWord(MemorySpace.TMEM, "t1", j, nIn / 2 + r.nextInt(9) - 4);
      }
      for (int k = 0; k < nCls; k++) {
        e.writeRow(MemorySpace.WMEM, "w2", k, random(r, nHid), 1);
      }
      e.writeRow(MemorySpace.AMEM, "x", 0, random(r, nIn), 0);
    }
    int[] x = e.row(MemorySpace.AMEM, "x", 0, nIn);
    int[] h = new int[nHid];
    for (int j = 0; j < nHid; j++) {
      int agreements = (Example.dot(e.row(MemorySpace.WMEM, "w1", j, nIn), x) + nIn) / 2;
      h[j] = agreements >= e.word(MemorySpace.TMEM, "t1", j) ? 1 : -1;
    }
    int[] scores = new int[nCls];
    int best = 0;
    for (int k = 0; k < nCls; k++) {
      scores[k] = Example.dot(e.row(MemorySpace.WMEM, "w2", k, nHid), h);
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    e.runToHalt();
    assertArrayEquals(h, e.row(MemorySpace.AMEM, "h", 0, nHid));
    int[] simScores = new int[nCls];
    for (int k = 0; k < nCls; k++) {
      simScores[k] = e.word(MemorySpace.AMEM, "scores", k);
    }
    assertArrayEquals(scores, simScores);
    assertEquals(best, e.word(MemorySpace.AMEM, "class", 0));
  }
}
