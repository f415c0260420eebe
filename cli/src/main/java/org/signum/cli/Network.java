package org.signum.cli;

import java.util.HashMap;
import java.util.Map;
import org.signum.asm.ObjectFile;
import org.signum.isa.MemorySpace;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/**
 * The demo network's parameters, read from the loaded program through its symbols, and a plain Java
 * evaluation of it on +1/-1 integers that shares nothing with the machine's packed path.
 */
final class Network {
  final int inputs;
  final int hidden;
  final int classes;
  final int[] input;
  final int[][] w1;
  final int[] t1;
  final int[][] w2;
  final int hiddenAddress;
  final int scoresAddress;
  final int classAddress;
  private final int vectorWidth;

  record Reference(int[] hidden, int[] scores, int predicted) {}

  private Network(Map<String, Long> sym, Simulator sim) throws SimulatorException {
    vectorWidth = sim.machine().vectorWidth();
    inputs = get(sym, "N_IN");
    hidden = get(sym, "N_HID");
    classes = get(sym, "N_CLASSES");
    input = row(sim, MemorySpace.AMEM, get(sym, "x"), inputs);
    w1 = new int[hidden][];
    t1 = new int[hidden];
    for (int j = 0; j < hidden; j++) {
      w1[j] = row(sim, MemorySpace.WMEM, get(sym, "w1") + j * rowBytes(inputs), inputs);
      t1[j] = DemoCommand.word(sim, MemorySpace.TMEM, get(sym, "t1") + 4 * j);
    }
    w2 = new int[classes][];
    for (int k = 0; k < classes; k++) {
      w2[k] = row(sim, MemorySpace.WMEM, get(sym, "w2") + k * rowBytes(hidden), hidden);
    }
    hiddenAddress = get(sym, "h");
    scoresAddress = get(sym, "scores");
    classAddress = get(sym, "class");
  }

  static Network read(ObjectFile object, Simulator sim) throws SimulatorException {
    Map<String, Long> sym = new HashMap<>();
    for (ObjectFile.Symbol s : object.symbols()) {
      sym.put(s.name(), s.value());
    }
    return new Network(sym, sim);
  }

  private static int get(Map<String, Long> sym, String name) {
    Long v = sym.get(name);
    if (v == null) {
      throw new CliException("signum: error: the demo program defines no symbol '" + name + "'");
    }
    return (int) (long) v;
  }

  private int rowBytes(int n) {
    return (n + vectorWidth - 1) / vectorWidth * (vectorWidth / 8);
  }

  private static int[] row(Simulator sim, MemorySpace m, int address, int n)
      throws SimulatorException {
    byte[] b = sim.readMemory(m, address, (n + 7) / 8);
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((b[i / 8] >> (i % 8)) & 1) == 1 ? 1 : -1;
    }
    return v;
  }

  int[] readHidden(Simulator sim) throws SimulatorException {
    return row(sim, MemorySpace.AMEM, hiddenAddress, hidden);
  }

  int[] readScores(Simulator sim) throws SimulatorException {
    int[] s = new int[classes];
    for (int k = 0; k < classes; k++) {
      s[k] = DemoCommand.word(sim, MemorySpace.AMEM, scoresAddress + 4 * k);
    }
    return s;
  }

  /** Evaluates the network as the example's header comment defines it. */
  Reference evaluate() {
    int[] h = new int[hidden];
    for (int j = 0; j < hidden; j++) {
      int agreements = (dot(w1[j], input) + inputs) / 2;
      h[j] = agreements >= t1[j] ? 1 : -1;
    }
    int[] scores = new int[classes];
    int best = 0;
    for (int k = 0; k < classes; k++) {
      scores[k] = dot(w2[k], h);
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return new Reference(h, scores, best);
  }

  private static int dot(int[] a, int[] b) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
