package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The repository's MNIST sample, data/mnist-sample, holds exactly the first 100 images and labels
 * of the MNIST test set in ../shared (written by {@link MnistSample}).
 */
class MnistSampleTest {
  private static final Path SAMPLE = Path.of("..", "data", "mnist-sample");
  private static final int COUNT = 100;

  private static Path sample(String name) {
    Path p = SAMPLE.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new AssertionError(p.toAbsolutePath().normalize() + " is missing from the repository");
    }
    return p;
  }

  @Test
  void theSampleIsTheFirstHundredTestImagesAndLabels() throws Exception {
    Idx.Images sample = Idx.readImages(sample(MnistSample.IMAGES));
    int[] sampleLabels = Idx.readLabels(sample(MnistSample.LABELS));
    Idx.Images all = Idx.readImages(Mnist.shared(Mnist.IMAGES));
    int[] allLabels = Idx.readLabels(Mnist.shared(Mnist.LABELS));
    assertEquals(COUNT, sample.count());
    assertEquals(28, sample.rows());
    assertEquals(28, sample.columns());
    for (int i = 0; i < COUNT; i++) {
      assertArrayEquals(all.image(i), sample.image(i), "image " + i);
    }
    assertArrayEquals(Arrays.copyOf(allLabels, COUNT), sampleLabels);
  }
}
