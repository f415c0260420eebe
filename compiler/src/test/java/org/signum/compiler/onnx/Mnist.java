package org.signum.compiler.onnx;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real exports and MNIST, read from {@code ../shared} beside the repository (from the module
 * folder, where Surefire runs, that is {@code ../../shared}). They are never copied into the
 * repository; a missing file fails the test that needs it.
 */
final class Mnist {
  static final Path SHARED = Path.of("..", "..", "shared");
  static final String IMAGES = "datasets/mnist/t10k-images-idx3-ubyte.gz";
  static final String LABELS = "datasets/mnist/t10k-labels-idx1-ubyte.gz";

  private Mnist() {}

  /** The shared file {@code relative}, failing with what is missing and where it was looked for. */
  static Path shared(String relative) {
    Path p = SHARED.resolve(relative);
    // An AssertionError fails a test as an assertion would, and keeps JUnit out of the main().
    if (!Files.isRegularFile(p)) {
      throw new AssertionError(
          p.toAbsolutePath().normalize()
              + " is missing: these tests read the real ONNX exports and MNIST from ../shared"
              + " beside the repository (see docs/onnx-import.md)");
    }
    return p;
  }

  static OnnxModel model(String name) throws OnnxImportException {
    return OnnxModel.load(shared("models/onnx/" + name + ".onnx"));
  }

  /** How a model's output becomes a class. */
  enum Readout {
    /** Scores per class: the first maximum wins. */
    ARGMAX,
    /** TopK's index output: the class itself. */
    INDEX
  }

  /**
   * The predicted class of every image, given to the model as raw 0-255 pixels or, with {@code
   * divideBy255}, as pixels / 255 in float32.
   */
  static int[] predict(OnnxModel model, Idx.Images images, boolean divideBy255, Readout readout) {
    int[] predictions = new int[images.count()];
    for (int i = 0; i < images.count(); i++) {
      int[] pixels = images.image(i);
      float[] input = new float[pixels.length];
      for (int j = 0; j < pixels.length; j++) {
        // As torchvision's ToTensor: a float32 division by 255, not a multiplication by 1/255.
        input[j] = divideBy255 ? pixels[j] / 255f : pixels[j];
      }
      float[] out = FloatEvaluator.output(model, input);
      predictions[i] = readout == Readout.INDEX ? (int) out[0] : argmax(out);
    }
    return predictions;
  }

  static int argmax(float[] scores) {
    int best = 0;
    for (int j = 1; j < scores.length; j++) {
      if (scores[j] > scores[best]) {
        best = j;
      }
    }
    return best;
  }

  static int correct(int[] predictions, int[] labels) {
    int n = 0;
    for (int i = 0; i < predictions.length; i++) {
      if (predictions[i] == labels[i]) {
        n++;
      }
    }
    return n;
  }
}
