package org.signum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code signum demo}: the bundled trained binarized MNIST network on the bundled sample of test
 * images ({@link MnistDemo}); with {@code --kernel}, the hand-written two-layer kernel
 * examples/mlp2.s on one input, every hidden bit, score and the class checked against a plain Java
 * evaluation of the same weights, and what the machine did.
 */
@Command(
    name = "demo",
    header = "Run the bundled trained network on bundled MNIST images, with cycles and energy.",
    mixinStandardHelpOptions = true,
    description = {
      "Run the bundled trained binarized network (models/mnist-demo.sgm) on the",
      "bundled sample of MNIST test images: compile it for the machine, assemble it,",
      "simulate every image with the cycle model, check every layer output, score and",
      "class against the golden reference, and print the network, the accuracy, the",
      "cycles and energy per image, and the same network in 32-bit float, 32-bit",
      "integer and 8-bit integer arithmetic. Exits with 1 if a check fails.",
      "With --kernel, run the hand-written kernel examples/mlp2.s instead."
    })
final class DemoCommand implements Callable<Integer> {
  private static final String EXAMPLE = "mlp2.s";

  @Spec CommandSpec spec;
  @Mixin MachineOption machine;

  @Option(
      names = "--images",
      paramLabel = "N",
      description = "Run the first N images of the sample (default: all of them).")
  Integer images;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description =
          "Write the results as JSON too: the network, the accuracy, the checks and the report"
              + " (docs/reports.md).")
  Path jsonFile;

  @Option(
      names = "--kernel",
      description =
          "Run the hand-written two-layer kernel examples/mlp2.s on one input instead, checked"
              + " against plain Java arithmetic.")
  boolean kernel;

  @Override
  public Integer call() throws SimulatorException {
    if (kernel && (images != null || jsonFile != null)) {
      throw new ParameterException(
          spec.commandLine(), "--images and --json are for the MNIST demo, not for --kernel");
    }
    if (images != null && images < 1) {
      throw new ParameterException(
          spec.commandLine(), "--images must be a positive number, got " + images);
    }
    MachineDescription m = machine.load();
    return kernel ? kernel(m) : new MnistDemo(spec, m, images, jsonFile).run();
  }

  /** The hand-written kernel on one input, checked against plain Java arithmetic. */
  private int kernel(MachineDescription m) throws SimulatorException {
    PrintWriter out = spec.commandLine().getOut();
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
    Simulator sim = Programs.simulator(m, object, Path.of(EXAMPLE));
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
    return new String(bundled("examples/" + name), StandardCharsets.UTF_8);
  }

  /** A file bundled with the command line: {@code examples/mlp2.s}, {@code models/...}. */
  static byte[] bundled(String path) {
    try (InputStream in = DemoCommand.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new CliException(
            "signum: error: the bundled file " + path + " is missing from this build");
      }
      return in.readAllBytes();
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
