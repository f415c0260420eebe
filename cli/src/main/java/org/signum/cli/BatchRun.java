package org.signum.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.signum.asm.ObjectFile;
import org.signum.compiler.CompiledProgram;
import org.signum.compiler.HostInterface;
import org.signum.compiler.golden.GoldenReference;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.onnx.FloatPrediction;
import org.signum.compiler.onnx.Idx;
import org.signum.compiler.onnx.ImportedNetwork;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.report.LayerMap;
import org.signum.report.ReportBuilder;
import org.signum.sim.RunResult;
import org.signum.sim.Simulator;
import org.signum.sim.SimulatorException;

/**
 * Runs a compiled network on a batch of images, spread over threads: each thread loads the program
 * on a simulator of its own and, image after image, writes the input, restarts the machine, runs it
 * to its halt and reads the class. Beside each simulated class it records the golden reference's
 * class and, for an ONNX model, the float evaluator's, both on the same input.
 */
final class BatchRun {
  /** A program that runs longer than this on one image is stuck. */
  static final long MAX_STEPS = 100_000_000L;

  private static final long POLL_MILLIS = 200;

  /**
   * What the run found, by image.
   *
   * @param simulated the simulator's class
   * @param golden the golden reference's class
   * @param floatClass the float evaluator's class, or null without an ONNX model
   * @param shared whether the float scores' top is shared, or null without an ONNX model
   * @param steps instructions executed over all images
   * @param seconds wall time of the run
   */
  record Result(
      int[] simulated,
      int[] golden,
      int[] floatClass,
      boolean[] shared,
      long steps,
      double seconds) {}

  private final java.nio.file.Path source;
  private final MachineDescription machine;
  private final ObjectFile object;
  private final HostInterface host;
  private final Network network;
  private final GoldenReference golden;
  private final ImportedNetwork onnx;
  private final Idx.Images images;
  private final int count;

  BatchRun(
      MachineDescription machine,
      ObjectFile object,
      HostInterface host,
      LoadedModel model,
      Idx.Images images,
      int count) {
    this.source = model.path();
    this.machine = machine;
    this.object = object;
    this.host = host;
    this.network = model.network();
    this.golden = new GoldenReference(model.network());
    this.onnx = model.onnx().orElse(null);
    this.images = images;
    this.count = count;
  }

  /**
   * Runs every image on {@code threads} threads, reporting how many are done to {@code progress}.
   */
  Result run(int threads, Progress progress) {
    int[] simulated = new int[count];
    int[] goldenClass = new int[count];
    int[] floatClass = onnx == null ? null : new int[count];
    boolean[] shared = onnx == null ? null : new boolean[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(() -> work(next, done, stop, simulated, goldenClass, floatClass, shared)));
      }
      long steps = 0;
      for (Future<Long> w : workers) {
        steps += await(w, done, progress, stop);
      }
      progress.finish(done.get());
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Result(simulated, goldenClass, floatClass, shared, steps, seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One thread's share: images taken one at a time until none is left; returns its steps. */
  private long work(
      AtomicInteger next,
      AtomicInteger done,
      AtomicBoolean stop,
      int[] simulated,
      int[] goldenClass,
      int[] floatClass,
      boolean[] shared)
      throws SimulatorException {
    Simulator sim = Programs.simulator(machine, object, source);
    int in = symbol(host.input().symbol());
    int out = symbol(host.classIndex().orElseThrow().symbol());
    for (int i = next.getAndIncrement(); i < count && !stop.get(); i = next.getAndIncrement()) {
      int[] x = images.image(i);
      simulated[i] = simulate(sim, in, out, i, x);
      references(i, x, goldenClass, floatClass, shared);
      done.incrementAndGet();
    }
    return sim.counters().steps();
  }

  /** The golden reference's class of image {@code i} and, for an ONNX model, the float one. */
  private void references(int i, int[] x, int[] goldenClass, int[] floatClass, boolean[] shared) {
    goldenClass[i] = golden.evaluate(x).classIndex();
    if (onnx != null) {
      FloatPrediction f = onnx.evaluate(x);
      floatClass[i] = f.classIndex();
      shared[i] = f.topShared();
    }
  }

  /** Waits for one worker, updating the progress line meanwhile. */
  private static long await(
      Future<Long> worker, AtomicInteger done, Progress progress, AtomicBoolean stop) {
    while (true) {
      try {
        return worker.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        progress.update(done.get());
      } catch (InterruptedException e) {
        stop.set(true);
        Thread.currentThread().interrupt();
        throw new CliException("signum: error: interrupted");
      } catch (ExecutionException e) {
        stop.set(true);
        if (e.getCause() instanceof CliException c) {
          throw c;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Runs every image once more, in order, on one simulator with the cycle model on, and returns it:
   * the timing and counters of the whole batch, for the report. A separate pass, so the batch's own
   * threads run the fast untimed loop.
   */
  Simulator timed() throws SimulatorException {
    Simulator sim = Programs.simulator(machine, object, source);
    sim.enableTiming();
    int in = symbol(host.input().symbol());
    int out = symbol(host.classIndex().orElseThrow().symbol());
    for (int i = 0; i < count; i++) {
      simulate(sim, in, out, i, images.image(i));
    }
    return sim;
  }

  /**
   * What {@link #timedAndChecked} found.
   *
   * @param result the classes and references of every image, as {@link #run} gives them
   * @param timed the simulator, holding the cycle model's totals over the batch
   * @param mismatches every disagreement {@link OutputCheck} found, in image order
   */
  record Checked(Result result, Simulator timed, List<String> mismatches) {}

  /**
   * Runs every image once, in order, on one simulator with the cycle model on, as {@link #timed}
   * does, and compares everything the program stores for each image with {@code check}.
   */
  Checked timedAndChecked(OutputCheck check, Progress progress) throws SimulatorException {
    int[] simulated = new int[count];
    int[] goldenClass = new int[count];
    int[] floatClass = onnx == null ? null : new int[count];
    boolean[] shared = onnx == null ? null : new boolean[count];
    List<String> mismatches = new ArrayList<>();
    long start = System.nanoTime();
    Simulator sim = Programs.simulator(machine, object, source);
    sim.enableTiming();
    int in = symbol(host.input().symbol());
    int out = symbol(host.classIndex().orElseThrow().symbol());
    for (int i = 0; i < count; i++) {
      int[] x = images.image(i);
      simulated[i] = simulate(sim, in, out, i, x);
      references(i, x, goldenClass, floatClass, shared);
      mismatches.addAll(check.compare(sim, i, x));
      progress.update(i + 1);
    }
    progress.finish(count);
    double seconds = (System.nanoTime() - start) / 1e9;
    Result r =
        new Result(simulated, goldenClass, floatClass, shared, sim.counters().steps(), seconds);
    return new Checked(r, sim, mismatches);
  }

  /**
   * The report of a timed pass over this batch: every instruction under the layers the compiler
   * generated its source line for, the dense layers' multiply-accumulates without the machine's
   * padding, every figure per image. The caller adds the energy model and builds it.
   */
  ReportBuilder report(Simulator timed, CompiledProgram program) {
    IntFunction<String> layers = LayerMap.byLines(object, program::layersAt);
    return ReportBuilder.of(timed)
        .program(source.toString())
        .layers(layers)
        .networkMacs(LayerMap.networkMacs(object, layers, denseMacs(network)))
        .inferences(count);
  }

  /** The multiply-accumulates of each dense layer, without the padding the machine adds. */
  private static Map<String, Long> denseMacs(Network net) {
    Map<String, Long> macs = new HashMap<>();
    for (Layer l : net.layers()) {
      if (l instanceof BinaryDense d) {
        macs.put(d.name(), (long) d.inputs() * d.outputs());
      }
    }
    return macs;
  }

  private int simulate(Simulator sim, int in, int out, int image, int[] x)
      throws SimulatorException {
    sim.writeMemory(MemorySpace.AMEM, in, host.packInput(x));
    sim.restart();
    RunResult r = sim.run(MAX_STEPS);
    if (r.stop() != RunResult.Stop.HALTED) {
      throw new CliException(
          "signum: error: image "
              + image
              + ": "
              + (r.stop() == RunResult.Stop.TRAPPED
                  ? r.trap().message()
                  : "the program did not halt within " + MAX_STEPS + " instructions"));
    }
    return HostInterface.unpackWords(sim.readMemory(MemorySpace.AMEM, out, 4), 1)[0];
  }

  private int symbol(String name) {
    for (ObjectFile.Symbol s : object.symbols()) {
      if (s.name().equals(name)) {
        return (int) s.value();
      }
    }
    throw new IllegalStateException("the compiled program defines no symbol '" + name + "'");
  }
}
