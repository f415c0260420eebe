package org.signum.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/**
 * An example program loaded into a simulator, with plain accessors for its symbols and memories.
 * The values are decoded here element by element into +1/-1 integers, independently of any packed
 * arithmetic, so that tests compare the machine against ordinary integer sums.
 */
final class Example {
  static final Path EXAMPLES = Path.of("..", "examples");

  final ObjectFile object;
  final Simulator sim;
  final MachineDescription machine;

  Example(String file, MachineDescription machine) throws SimulatorException {
    AssemblyResult r = new Assembler(machine, List.of()).assemble(EXAMPLES.resolve(file));
    assertTrue(r.ok(), () -> file + ": " + r.diagnostics());
    this.object = r.object();
    this.machine = machine;
    this.sim = new Simulator(machine, object);
  }

  long symbol(String name) {
    return object.symbols().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no symbol " + name))
        .value();
  }

  int constant(String name) {
    return (int) symbol(name);
  }

  /** Bytes of one packed row of {@code n} elements, padded to whole vector registers. */
  int rowBytes(int n) {
    int vb = machine.vectorBytes();
    return (n + machine.vectorWidth() - 1) / machine.vectorWidth() * vb;
  }

  /** Row {@code index} of a table of rows with {@code n} elements each, as +1/-1 values. */
  int[] row(MemorySpace m, String symbol, int index, int n) throws SimulatorException {
    byte[] bytes = sim.readMemory(m, (int) symbol(symbol) + index * rowBytes(n), rowBytes(n));
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = ((bytes[i / 8] >> (i % 8)) & 1) == 1 ? 1 : -1;
    }
    return v;
  }

  /** Writes +1/-1 values as a packed row padded with {@code pad}. */
  void writeRow(MemorySpace m, String symbol, int index, int[] values, int pad)
      throws SimulatorException {
    byte[] bytes = new byte[rowBytes(values.length)];
    for (int i = 0; i < bytes.length * 8; i++) {
      int bit = i < values.length ? (values[i] > 0 ? 1 : 0) : pad;
      bytes[i / 8] |= (byte) (bit << (i % 8));
    }
    sim.writeMemory(m, (int) symbol(symbol) + index * rowBytes(values.length), bytes);
  }

  int word(MemorySpace m, String symbol, int index) throws SimulatorException {
    byte[] b = sim.readMemory(m, (int) symbol(symbol) + 4 * index, 4);
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  void writeWord(MemorySpace m, String symbol, int index, int value) throws SimulatorException {
    byte[] b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    sim.writeMemory(m, (int) symbol(symbol) + 4 * index, b);
  }

  void runToHalt() {
    RunResult r = sim.run(10_000_000);
    assertEquals(RunResult.Stop.HALTED, r.stop(), () -> String.valueOf(r.trap()));
  }

  static int dot(int[] a, int[] b) {
    int s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
