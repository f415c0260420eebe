package org.signum.trainer.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GemmTest {
  @Test
  void theVectorKernelIsAvailableUnderTheBuildsJvmOptions() {
    // surefire starts the JVM with --add-modules jdk.incubator.vector, as ./signum does for train
    assertTrue(Gemm.vectorAvailable());
    try (Gemm g = new Gemm(1, true)) {
      assertEquals("vector", g.kernelName());
    }
    try (Gemm g = new Gemm(1, false)) {
      assertEquals("scalar", g.kernelName());
    }
  }

  @ParameterizedTest(name = "{0}x{1} times {1}x{2}")
  @CsvSource({"1, 1, 1", "4, 16, 16", "5, 17, 33", "13, 7, 3", "100, 64, 40", "9, 300, 129"})
  void everyKernelAndThreadCountGivesTheSameBits(int m, int k, int n) {
    SplittableRandom r = new SplittableRandom(m * 1000L + k * 10L + n);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) r.nextGaussian();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) r.nextGaussian();
    }
    float[] reference = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float s = 0f;
        for (int p = 0; p < k; p++) {
          s = Math.fma(a[i * k + p], b[p * n + j], s);
        }
        reference[i * n + j] = s;
      }
    }
    for (boolean vector : new boolean[] {false, true}) {
      for (int threads : new int[] {1, 2, 3}) {
        try (Gemm g = new Gemm(threads, vector)) {
          float[] c = new float[m * n];
          java.util.Arrays.fill(c, Float.NaN);
          g.multiply(a, b, c, m, k, n);
          assertArrayEquals(reference, c, g.kernelName() + " on " + threads + " threads");
        }
      }
    }
  }

  @Test
  void integerOperandsGiveExactSums() {
    int m = 8;
    int k = 784;
    int n = 37;
    SplittableRandom r = new SplittableRandom(3);
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    long[] exact = new long[m * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextInt(256);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = r.nextBoolean() ? 1 : -1;
    }
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        for (int p = 0; p < k; p++) {
          exact[i * n + j] += (long) a[i * k + p] * (long) b[p * n + j];
        }
      }
    }
    try (Gemm g = new Gemm(2, true)) {
      float[] c = new float[m * n];
      g.multiply(a, b, c, m, k, n);
      for (int i = 0; i < c.length; i++) {
        assertEquals(exact[i], (long) c[i], "element " + i);
      }
    }
  }
}
