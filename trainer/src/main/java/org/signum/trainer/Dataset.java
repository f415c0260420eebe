package org.signum.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.signum.compiler.ir.FloatArithmetic;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.onnx.Idx;
import org.signum.compiler.onnx.IdxException;

/**
 * Labelled samples of 8-bit features (pixels 0 to 255), each standing for the real value {@code x /
 * 255}: what the trainer learns from and what exported networks take as input.
 */
public final class Dataset {
  /** The scale of an 8-bit feature, as exported networks record it. */
  public static final Rational SCALE = Rational.of(1, 255);

  private final String name;
  private final byte[] features;
  private final int[] labels;
  private final int width;
  private final int classes;

  public Dataset(String name, byte[] features, int[] labels, int width, int classes) {
    if ((long) labels.length * width != features.length) {
      throw new IllegalArgumentException(
          name + ": " + labels.length + " labels but " + features.length + " feature bytes");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes) {
        throw new IllegalArgumentException(
            name + ": label " + i + " is " + labels[i] + ", expected 0 to " + (classes - 1));
      }
    }
    this.name = name;
    this.features = features;
    this.labels = labels;
    this.width = width;
    this.classes = classes;
  }

  /**
   * MNIST's training or test set from a directory holding the four files as distributed ({@code
   * train-images-idx3-ubyte} and so on, gzip-compressed or not).
   */
  public static Dataset mnist(Path dir, boolean training) throws DatasetException {
    String prefix = training ? "train" : "t10k";
    Path images = find(dir, prefix + "-images-idx3-ubyte");
    Path labels = find(dir, prefix + "-labels-idx1-ubyte");
    return fromIdx(images, labels);
  }

  /** Images and labels from two IDX files. */
  public static Dataset fromIdx(Path imagesPath, Path labelsPath) throws DatasetException {
    try {
      Idx.Images images = Idx.readImages(imagesPath);
      int[] labels = Idx.readLabels(labelsPath);
      if (labels.length != images.count()) {
        throw new DatasetException(
            labelsPath
                + ": "
                + labels.length
                + " labels, but "
                + imagesPath
                + " holds "
                + images.count()
                + " images");
      }
      int width = images.rows() * images.columns();
      byte[] bytes = new byte[images.count() * width];
      for (int i = 0; i < images.count(); i++) {
        int[] px = images.image(i);
        for (int j = 0; j < width; j++) {
          bytes[i * width + j] = (byte) px[j];
        }
      }
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] > 9) {
          throw new DatasetException(
              labelsPath + ": label " + i + " is " + labels[i] + ", expected a digit 0 to 9");
        }
      }
      return new Dataset(imagesPath.getFileName().toString(), bytes, labels, width, 10);
    } catch (IdxException e) {
      throw new DatasetException(e.getMessage());
    }
  }

  private static Path find(Path dir, String base) throws DatasetException {
    if (!Files.isDirectory(dir)) {
      throw new DatasetException(dir + ": not a directory (expected the MNIST files in it)");
    }
    for (String ext : new String[] {".gz", ""}) {
      Path p = dir.resolve(base + ext);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new DatasetException(dir + ": no " + base + ".gz or " + base + " (MNIST as distributed)");
  }

  public String name() {
    return name;
  }

  public int size() {
    return labels.length;
  }

  public int width() {
    return width;
  }

  public int classes() {
    return classes;
  }

  public int label(int i) {
    return labels[i];
  }

  /** Feature {@code j} of sample {@code i}, 0 to 255. */
  public int feature(int i, int j) {
    return features[i * width + j] & 0xFF;
  }

  /** Samples {@code from..to-1} as a new data set. */
  public Dataset slice(int from, int to) {
    byte[] f = new byte[(to - from) * width];
    System.arraycopy(features, from * width, f, 0, f.length);
    int[] l = new int[to - from];
    System.arraycopy(labels, from, l, 0, l.length);
    return new Dataset(name + "[" + from + ".." + to + ")", f, l, width, classes);
  }

  /**
   * The first-layer input of the samples {@code order[from..to-1]}, batch-major: the real values
   * {@code x / 255} rounded to float32, or with {@code binarize} +1 where {@code 2 (x / 255) - 1 >=
   * 0} and -1 elsewhere, evaluated with the layer IR's float32 definitions so that training sees
   * what the compiled network computes.
   */
  public float[] batch(int[] order, int from, int to, boolean binarize) {
    float[] x = new float[(to - from) * width];
    for (int b = from; b < to; b++) {
      int base = order[b] * width;
      int out = (b - from) * width;
      for (int j = 0; j < width; j++) {
        float v = SCALE.toFloat(features[base + j] & 0xFF);
        x[out + j] =
            binarize
                ? (FloatArithmetic.signFires(FloatArithmetic.affine(v, 2f, -1f)) ? 1f : -1f)
                : v;
      }
    }
    return x;
  }

  /** The raw 8-bit features of samples {@code order[from..to-1]} as floats 0 to 255. */
  public float[] raw(int[] order, int from, int to) {
    float[] x = new float[(to - from) * width];
    for (int b = from; b < to; b++) {
      int base = order[b] * width;
      int out = (b - from) * width;
      for (int j = 0; j < width; j++) {
        x[out + j] = features[base + j] & 0xFF;
      }
    }
    return x;
  }

  /** Sample {@code i}'s features as ints 0 to 255. */
  public int[] sample(int i) {
    int[] s = new int[width];
    for (int j = 0; j < width; j++) {
      s[j] = features[i * width + j] & 0xFF;
    }
    return s;
  }

  /** 0, 1, ..., size-1. */
  public int[] identity() {
    int[] o = new int[size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = i;
    }
    return o;
  }
}
