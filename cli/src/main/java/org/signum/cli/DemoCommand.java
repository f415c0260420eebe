package org.signum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.Diagnostic;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code signum demo}: assembles and runs the bundled two-layer binary network (examples/mlp2.s),
 * checks every hidden bit, score and the class against a plain Java evaluation of the same weights,
 * and reports what the machine did.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the bundled example, a two-layer binary network on one input (examples/mlp2.s):",
      "assemble it, simulate it, check every output against plain Java arithmetic, and report",
      "the result, the instructions executed and the bits moved. Exits with 1 if a check fails."
    })
final class DemoCommand implements Callable<Integer> {
  private static final String EXAMPLE = "mlp2.s";

  @Spec CommandSpec spec;
  @Mixin MachineOption machine;

  @Override
  public Integer call() throws SimulatorException {
    PrintWriter out = spec.commandLine().getOut();
    MachineDescription m = machine.load();
    String source = example(EXAMPLE);
    AssemblyResult asm = new Assembler(m, List.of()).assembleSource(source, "examples/" + EXAMPLE);
    if (!asm.ok()) {
      StringBuilder s = new StringBuilder("signum: error: the bundled example does not assemble:");
      for (Diagnostic d : asm.diagnostics()) {
        s.append('\n').append(d.render());
      }
      throw new CliException(s.toString());
    }
    ObjectFile object = asm.object();
    Simulator sim = Programs.simulator(m, object, java.nio.file.Path.of(EXAMPLE));
    Network net = Network.read(object, sim);

    out.println("Signum demo: a two-layer binary network (examples/" + EXAMPLE + ")");
    out.println(CounterReport.machineLine(m));
    int dataBytes = object.data().stream().mapToInt(d -> d.bytes().length).sum();
    out.printf(
        "network: %d inputs -> %d hidden (binary, thresholds) -> %d class scores%n",
        net.inputs, net.hidden, net.classes);
    out.printf(
        "assembled: %d instructions, %,d bytes of weights, thresholds and activations%n",
        object.code().length, dataBytes);

    RunResult r = sim.run(10_000_000);
    out.println("simulated: " + SimCommand.outcome(r, sim));
    if (r.stop() != RunResult.Stop.HALTED) {
      throw new CliException(r.trap().message());
    }
    int[] hidden = net.readHidden(sim);
    int[] scores = net.readScores(sim);
    int predicted = word(sim, MemorySpace.AMEM, net.classAddress);
    out.println("input:  " + bits(net.input));
    out.println("hidden: " + bits(hidden));
    out.println("scores: " + Arrays.toString(scores));
    out.println("class:  " + predicted);

    Network.Reference ref = net.evaluate();
    boolean ok =
        Arrays.equals(ref.hidden(), hidden)
            && Arrays.equals(ref.scores(), scores)
            && ref.predicted() == predicted;
    out.printf(
        "check against plain Java arithmetic: %s (%d hidden bits, %d scores, the class)%n",
        ok ? "all agree" : "MISMATCH", hidden.length, scores.length);
    out.println();
    CounterReport.print(out, sim.counters());
    out.flush();
    if (!ok) {
      spec.commandLine()
          .getErr()
          .printf(
              "signum: error: the simulator disagrees with the reference%n  expected hidden %s%n"
                  + "  expected scores %s, class %d%n",
              bits(ref.hidden()), Arrays.toString(ref.scores()), ref.predicted());
      return Main.EXIT_FAILURE;
    }
    return Main.EXIT_OK;
  }

  static String example(String name) {
    try (InputStream in = DemoCommand.class.getResourceAsStream("examples/" + name)) {
      if (in == null) {
        throw new CliException("signum: error: the bundled example " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String bits(int[] pm) {
    StringBuilder s = new StringBuilder();
    for (int v : pm) {
      s.append(v > 0 ? '1' : '0');
    }
    return s.toString();
  }

  /** The little-endian 32-bit word at {@code address} of memory {@code m}. */
  static int word(Simulator sim, MemorySpace m, int address) throws SimulatorException {
    return ByteBuffer.wrap(sim.readMemory(m, address, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }
}
