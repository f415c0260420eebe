package org.signum.trainer;

import java.util.SplittableRandom;

/**
 * A small learnable data set made from a seed: each class has a random prototype of 8-bit features;
 * a sample is its class's prototype with a fraction of the features replaced by random bytes and
 * the rest jittered.
 */
final class Synthetic {
  private Synthetic() {}

  static Dataset make(String name, int classes, int width, int samples, double noise, long seed) {
    SplittableRandom protoRandom = new SplittableRandom(42);
    int[][] proto = new int[classes][width];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < width; j++) {
        proto[c][j] =
            protoRandom.nextBoolean() ? 200 + protoRandom.nextInt(56) : protoRandom.nextInt(56);
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    byte[] f = new byte[samples * width];
    int[] labels = new int[samples];
    for (int i = 0; i < samples; i++) {
      int c = r.nextInt(classes);
      labels[i] = c;
      for (int j = 0; j < width; j++) {
        int v =
            r.nextDouble() < noise
                ? r.nextInt(256)
                : Math.max(0, Math.min(255, proto[c][j] + r.nextInt(-40, 41)));
        f[i * width + j] = (byte) v;
      }
    }
    return new Dataset(name, f, labels, width, classes);
  }
}
