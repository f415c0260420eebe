package org.signum.trainer.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Dense matrix products for training: {@code C = A B} with A of m x k, B of k x n and C of m x n,
 * all row-major in flat float arrays.
 *
 * <p>Every element of C is computed the same way whatever the kernel, the thread count or the
 * element's place in a block: starting from 0, {@code c = fma(a[i][p], b[p][j], c)} for p = 0, 1,
 * ..., k-1. So a training run gives the same bits on one core or many, with the Vector API kernel
 * or without it. On integer-valued operands whose partial sums stay below 2^24 in magnitude (the
 * trainer's binarized inference) the result is the exact integer.
 *
 * <p>Rows of C are divided among the worker threads; {@link #close()} stops them.
 */
public final class Gemm implements AutoCloseable {
  /** Rows handed to one task at least, so that a task amortizes its scheduling. */
  private static final int MIN_ROWS_PER_TASK = 8;

  private final Kernel kernel;
  private final int threads;
  private final ExecutorService pool;

  /** The strategy that fills rows {@code from..to-1} of C. */
  interface Kernel {
    void rows(float[] a, float[] b, float[] c, int k, int n, int from, int to);

    String name();
  }

  /**
   * A product engine on {@code threads} threads (at least 1), using the Vector API kernel when the
   * JVM resolves {@code jdk.incubator.vector} and {@code allowVector} is set.
   */
  public Gemm(int threads, boolean allowVector) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    this.kernel = allowVector && vectorAvailable() ? VectorKernel.create() : new ScalarKernel();
    this.pool =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "signum-gemm");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Whether this JVM resolved the incubating Vector API module. */
  public static boolean vectorAvailable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** The kernel's name: {@code vector} or {@code scalar}. */
  public String kernelName() {
    return kernel.name();
  }

  public int threads() {
    return threads;
  }

  /** {@code c = a b}; c is overwritten. */
  public void multiply(float[] a, float[] b, float[] c, int m, int k, int n) {
    if (a.length < m * k || b.length < k * n || c.length < m * n) {
      throw new IllegalArgumentException(
          "arrays too short for " + m + "x" + k + " times " + k + "x" + n);
    }
    int tasks = Math.min(threads, Math.max(1, m / MIN_ROWS_PER_TASK));
    if (tasks == 1) {
      kernel.rows(a, b, c, k, n, 0, m);
      return;
    }
    int per = ((m + tasks - 1) / tasks + 3) & ~3;
    List<Callable<Void>> work = new ArrayList<>();
    for (int from = 0; from < m; from += per) {
      int f = from;
      int t = Math.min(m, from + per);
      work.add(
          () -> {
            kernel.rows(a, b, c, k, n, f, t);
            return null;
          });
    }
    try {
      for (Future<Void> f : pool.invokeAll(work)) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during a matrix product", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("matrix product failed", e.getCause());
    }
  }

  /** {@code out[j][i] = in[i][j]} for an r x c matrix {@code in}. */
  public static void transpose(float[] in, float[] out, int r, int c) {
    for (int i = 0; i < r; i++) {
      int row = i * c;
      for (int j = 0; j < c; j++) {
        out[j * r + i] = in[row + j];
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** The reference kernel: one element at a time, in the defining order. */
  static final class ScalarKernel implements Kernel {
    @Override
    public void rows(float[] a, float[] b, float[] c, int k, int n, int from, int to) {
      for (int i = from; i < to; i++) {
        int ai = i * k;
        int ci = i * n;
        for (int j = 0; j < n; j++) {
          c[ci + j] = 0f;
        }
        for (int p = 0; p < k; p++) {
          float av = a[ai + p];
          int bp = p * n;
          for (int j = 0; j < n; j++) {
            c[ci + j] = Math.fma(av, b[bp + j], c[ci + j]);
          }
        }
      }
    }

    @Override
    public String name() {
      return "scalar";
    }
  }
}
