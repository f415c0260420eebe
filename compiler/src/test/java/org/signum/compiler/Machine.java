package org.signum.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/**
 * A compiled program assembled and loaded on the simulator, run the way a host would: write the
 * input, restart, run to halt, read the buffers the host interface names. Public for the tests of
 * the ONNX importer, which compile what they import.
 */
public final class Machine {
  /** What one run left in memory. */
  public record Outputs(
      List<int[]> activations, int[] scores, Optional<Integer> classIndex, long steps) {}

  private final CompiledProgram program;
  private final ObjectFile object;
  private final Simulator sim;

  public Machine(CompiledProgram program, MachineDescription machine) throws SimulatorException {
    this.program = program;
    AssemblyResult r =
        new Assembler(machine, List.of()).assembleSource(program.assembly(), "net.s");
    assertTrue(r.ok(), () -> r.diagnostics() + "\n" + program.assembly());
    this.object = r.object();
    this.sim = new Simulator(machine, object);
  }

  ObjectFile object() {
    return object;
  }

  int address(String symbol) {
    return (int)
        object.symbols().stream()
            .filter(s -> s.name().equals(symbol))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no symbol " + symbol))
            .value();
  }

  public Outputs run(int[] input) throws SimulatorException {
    HostInterface host = program.host();
    sim.writeMemory(MemorySpace.AMEM, address(host.input().symbol()), host.packInput(input));
    sim.restart();
    RunResult r = sim.run(50_000_000L);
    assertEquals(RunResult.Stop.HALTED, r.stop(), () -> r.trap().message());
    List<int[]> acts = new java.util.ArrayList<>();
    for (HostInterface.Buffer b : host.activations()) {
      acts.add(HostInterface.unpackBipolar(read(b), b.elements()));
    }
    int[] scores =
        host.scores().isPresent()
            ? HostInterface.unpackWords(read(host.scores().get()), host.scores().get().elements())
            : null;
    Optional<Integer> cls =
        host.classIndex().isPresent()
            ? Optional.of(HostInterface.unpackWords(read(host.classIndex().get()), 1)[0])
            : Optional.empty();
    return new Outputs(acts, scores, cls, r.steps());
  }

  private byte[] read(HostInterface.Buffer b) throws SimulatorException {
    return sim.readMemory(MemorySpace.AMEM, address(b.symbol()), b.bytes());
  }
}
