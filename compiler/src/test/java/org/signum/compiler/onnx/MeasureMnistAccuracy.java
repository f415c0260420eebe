package org.signum.compiler.onnx;

import java.util.Locale;

/**
 * Prints the float evaluator's MNIST test-set accuracy for each real export, the number of images
 * whose top score is shared by several classes (where the first maximum decides), and the wall
 * time. Run it from the {@code compiler} folder after {@code mvn -pl compiler verify}, with
 * PROTOBUF_JAR naming protobuf-java's jar in the local Maven repository:
 *
 * <pre>
 * java -cp "target/classes:target/test-classes:$PROTOBUF_JAR" \
 *     org.signum.compiler.onnx.MeasureMnistAccuracy
 * </pre>
 */
public final class MeasureMnistAccuracy {
  private MeasureMnistAccuracy() {}

  public static void main(String[] args) throws Exception {
    Idx.Images images = Idx.readImages(Mnist.shared(Mnist.IMAGES));
    int[] labels = Idx.readLabels(Mnist.shared(Mnist.LABELS));
    measure("TFC_1W1A", images, labels, true, Mnist.Readout.ARGMAX);
    measure("finn_tfc_w1a1_streamlined", images, labels, false, Mnist.Readout.INDEX);
    measure("TFC_1W2A", images, labels, true, Mnist.Readout.ARGMAX);
    measure("TFC_2W2A", images, labels, true, Mnist.Readout.ARGMAX);
  }

  private static void measure(
      String name, Idx.Images images, int[] labels, boolean divideBy255, Mnist.Readout readout)
      throws Exception {
    long start = System.nanoTime();
    OnnxModel model = Mnist.model(name);
    int[] predictions = Mnist.predict(model, images, divideBy255, readout);
    double seconds = (System.nanoTime() - start) / 1e9;
    int correct = Mnist.correct(predictions, labels);
    String ties = readout == Mnist.Readout.ARGMAX ? String.valueOf(ties(model, images)) : "n/a";
    System.out.printf(
        Locale.ROOT,
        "%-27s %s  %5d / %d = %6.2f %%  shared top scores: %4s  %5.2f s%n",
        name,
        divideBy255 ? "pixels/255" : "raw 0-255 ",
        correct,
        labels.length,
        100.0 * correct / labels.length,
        ties,
        seconds);
  }

  private static int ties(OnnxModel model, Idx.Images images) {
    int ties = 0;
    for (int i = 0; i < images.count(); i++) {
      int[] pixels = images.image(i);
      float[] input = new float[pixels.length];
      for (int j = 0; j < pixels.length; j++) {
        input[j] = pixels[j] / 255f;
      }
      float[] scores = FloatEvaluator.output(model, input);
      float top = scores[Mnist.argmax(scores)];
      int count = 0;
      for (float s : scores) {
        if (s == top) {
          count++;
        }
      }
      if (count > 1) {
        ties++;
      }
    }
    return ties;
  }
}
