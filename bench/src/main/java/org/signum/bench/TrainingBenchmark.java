package org.signum.bench;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.signum.trainer.BinaryNetwork;
import org.signum.trainer.TrainConfig;
import org.signum.trainer.math.Gemm;
import org.signum.trainer.nn.Pass;
import org.signum.trainer.optim.Adam;

/**
 * How fast the trainer's arithmetic runs with the Vector API kernel of {@link Gemm} against its
 * plain-Java (scalar) kernel, in the same run. Both kernels give the same bits; only the speed
 * differs.
 *
 * <p>The product benchmarks are the three matrix products of one training step of a 1024 x 1024
 * binary dense layer on a batch of {@value #BATCH}, with the shapes {@code BinaryDense} passes to
 * {@link Gemm#multiply}:
 *
 * <ul>
 *   <li>{@link #forward}: {@code Y = X W_b^T}, 100 x 1024 times 1024 x 1024;
 *   <li>{@link #backwardInput}: {@code dX = dY W_b}, 100 x 1024 times 1024 x 1024;
 *   <li>{@link #backwardWeights}: {@code dW = dY^T X}, 1024 x 100 times 100 x 1024.
 * </ul>
 *
 * Each declares one operation per floating-point operation (a fused multiply-add counts two), and
 * reports operations per nanosecond, so the scores are GFLOP/s. The parameters choose the kernel
 * ({@code vector} or {@code scalar}) and the thread count.
 *
 * <p>{@link #trainingStep} is one whole step of the {@code signum train} defaults on {@value
 * #ARCHITECTURE}: forward pass in training mode, square hinge loss and its gradient, backward pass,
 * Adam update; reported as milliseconds per step, on one thread.
 *
 * <p>The forks resolve {@code jdk.incubator.vector}; setup fails if the {@code vector} kernel is
 * not the one running, and checks once that both kernels give the same forward product.
 *
 * <p>Run: {@code mvn -o -B -q -pl bench -am package -DskipTests && java -jar
 * bench/target/benchmarks.jar TrainingBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class TrainingBenchmark {
  static final int BATCH = 100;
  static final int WIDTH = 1024;
  static final int PRODUCT_FLOPS = 2 * BATCH * WIDTH * WIDTH;
  static final String ARCHITECTURE = "784-1024-1024-1024-10";

  /** A Gemm of the chosen kernel, failing if the vector kernel was asked for and is absent. */
  static Gemm gemm(String kernel, int threads) {
    Gemm g = new Gemm(threads, kernel.equals("vector"));
    if (!g.kernelName().equals(kernel)) {
      g.close();
      throw new IllegalStateException(
          "asked for the "
              + kernel
              + " kernel, got "
              + g.kernelName()
              + " (is the fork started with --add-modules=jdk.incubator.vector?)");
    }
    return g;
  }

  /** The operands of one binary layer's products, as a training step sees them. */
  @State(Scope.Benchmark)
  public static class Layer {
    @Param({"vector", "scalar"})
    String kernel;

    @Param({"1", "2"})
    int threads;

    Gemm gemm;

    /** The layer input: binary activations of the previous layer, batch x in. */
    float[] x;

    /** The binary weights, out x in, and their transpose. */
    float[] w;

    float[] wT;

    /** The gradient at the layer output, batch x out, and its transpose. */
    float[] dy;

    float[] dyT;
    float[] y;
    float[] dx;
    float[] dw;

    @Setup(Level.Trial)
    public void setUp() {
      SplittableRandom r = new SplittableRandom(42);
      x = signs(r, BATCH * WIDTH);
      w = signs(r, WIDTH * WIDTH);
      wT = new float[w.length];
      Gemm.transpose(w, wT, WIDTH, WIDTH);
      dy = new float[BATCH * WIDTH];
      for (int i = 0; i < dy.length; i++) {
        dy[i] = (float) ((r.nextDouble() * 2 - 1) * 1e-3);
      }
      dyT = new float[dy.length];
      Gemm.transpose(dy, dyT, BATCH, WIDTH);
      y = new float[BATCH * WIDTH];
      dx = new float[BATCH * WIDTH];
      dw = new float[WIDTH * WIDTH];
      gemm = gemm(kernel, threads);
      float[] reference = new float[y.length];
      try (Gemm scalar = new Gemm(1, false)) {
        scalar.multiply(x, wT, reference, BATCH, WIDTH, WIDTH);
      }
      gemm.multiply(x, wT, y, BATCH, WIDTH, WIDTH);
      if (!Arrays.equals(reference, y)) {
        throw new IllegalStateException("the " + kernel + " kernel disagrees with the scalar one");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      gemm.close();
    }

    private static float[] signs(SplittableRandom r, int n) {
      float[] a = new float[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextBoolean() ? 1f : -1f;
      }
      return a;
    }
  }

  /** A network of {@value #ARCHITECTURE} in training, with one batch of MNIST-like inputs. */
  @State(Scope.Benchmark)
  public static class Network {
    @Param({"vector", "scalar"})
    String kernel;

    Gemm gemm;
    TrainConfig config;
    BinaryNetwork net;
    List<org.signum.trainer.nn.Param> params;
    Adam adam;
    float[] x;
    int[] labels;
    float[] dy;
    long step;

    @Setup(Level.Trial)
    public void setUp() {
      config = TrainConfig.defaults(TrainConfig.parseArchitecture(ARCHITECTURE));
      gemm = gemm(kernel, 1);
      net = new BinaryNetwork(config, gemm);
      params = net.params();
      adam = new Adam(params);
      int[] widths = config.layers();
      int in = widths[0];
      int classes = widths[widths.length - 1];
      int batch = config.batchSize();
      SplittableRandom r = new SplittableRandom(7);
      // Pixels as the trainer reads them (value / 255), about four in five of them 0 as in MNIST.
      x = new float[batch * in];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextInt(5) == 0 ? (1 + r.nextInt(255)) / 255f : 0f;
      }
      labels = new int[batch];
      for (int b = 0; b < batch; b++) {
        labels[b] = r.nextInt(classes);
      }
      dy = new float[batch * classes];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      gemm.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCT_FLOPS)
  public float[] forward(Layer l) {
    l.gemm.multiply(l.x, l.wT, l.y, BATCH, WIDTH, WIDTH);
    return l.y;
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCT_FLOPS)
  public float[] backwardInput(Layer l) {
    l.gemm.multiply(l.dy, l.w, l.dx, BATCH, WIDTH, WIDTH);
    return l.dx;
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCT_FLOPS)
  public float[] backwardWeights(Layer l) {
    l.gemm.multiply(l.dyT, l.x, l.dw, WIDTH, BATCH, WIDTH);
    return l.dw;
  }

  /** One training step, as {@code Trainer.train} does it for each mini-batch. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double trainingStep(Network n) {
    TrainConfig c = n.config;
    int batch = c.batchSize();
    int[] widths = c.layers();
    int classes = widths[widths.length - 1];
    Pass pass = new Pass(true, new SplittableRandom(n.step++));
    float[] y = n.net.forward(n.x, batch, pass);
    double loss = c.loss().apply(y, n.labels, batch, classes, n.dy);
    n.net.backward(n.dy, batch);
    n.adam.step(n.params, c.learningRate(0));
    return loss;
  }
}
