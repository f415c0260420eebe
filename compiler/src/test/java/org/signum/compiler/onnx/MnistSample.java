package org.signum.compiler.onnx;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the repository's MNIST sample, {@code data/mnist-sample}: the first N images and labels of
 * the MNIST test set in ../shared/datasets/mnist, as gzip-compressed IDX files. Run it from the
 * {@code compiler} folder after {@code mvn -pl isa,assembler,simulator,compiler test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes org.signum.compiler.onnx.MnistSample \
 *     ../data/mnist-sample 100
 * </pre>
 *
 * {@code MnistSampleTest} checks that the committed files hold exactly these images and labels.
 */
public final class MnistSample {
  static final String IMAGES = "t10k-images-100-idx3-ubyte.gz";
  static final String LABELS = "t10k-labels-100-idx1-ubyte.gz";

  private MnistSample() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    Idx.Images images = Idx.readImages(Mnist.shared(Mnist.IMAGES));
    int[] labels = Idx.readLabels(Mnist.shared(Mnist.LABELS));
    Files.createDirectories(dir);
    Files.write(dir.resolve(IMAGES), gzip(images(images, count)));
    Files.write(dir.resolve(LABELS), gzip(labels(labels, count)));
  }

  /**
   * The IDX bytes of the first {@code count} images: magic 0x00000803, then count, rows, columns.
   */
  static byte[] images(Idx.Images images, int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0803);
    out.writeInt(count);
    out.writeInt(images.rows());
    out.writeInt(images.columns());
    for (int i = 0; i < count; i++) {
      for (int p : images.image(i)) {
        out.writeByte(p);
      }
    }
    return bytes.toByteArray();
  }

  /** The IDX bytes of the first {@code count} labels: magic 0x00000801, then count. */
  static byte[] labels(int[] labels, int count) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x0801);
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      out.writeByte(labels[i]);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
