package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real ONNX exports of ../shared/models/onnx and the 10,000 MNIST test images of
 * ../shared/datasets/mnist: each model imports with the expected structure, and the float
 * evaluator's accuracy over the whole test set is pinned. The pinned counts are measurements, kept
 * so that any change to import or evaluation semantics shows; they were never tuned toward the
 * published figures. Needs ../shared beside the repository and fails without it.
 */
class RealExportsTest {
  private static Idx.Images images;
  private static int[] labels;
  private static int[] tfc1w1a;
  private static int[] finn;

  @BeforeAll
  static void readMnist() throws Exception {
    images = Idx.readImages(Mnist.shared(Mnist.IMAGES));
    labels = Idx.readLabels(Mnist.shared(Mnist.LABELS));
    assertEquals(10_000, images.count());
    assertEquals(10_000, labels.length);
  }

  private static List<String> ops(OnnxModel m) {
    return m.nodes().stream().map(OnnxNode::opType).toList();
  }

  private static List<String> repeat(int times, String... ops) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(List.of(ops));
    }
    return out;
  }

  private static Set<Float> values(Tensor t) {
    Set<Float> s = new TreeSet<>();
    for (float v : t.floats()) {
      s.add(v);
    }
    return s;
  }

  /** The weight matrices of the MatMul nodes, in order. */
  private static List<Tensor> weights(OnnxModel m) {
    return m.nodes().stream()
        .filter(n -> n.opType().equals("MatMul"))
        .map(n -> m.initializer(n.inputs().get(1)).orElseThrow())
        .toList();
  }

  private static final List<Shape> TFC_WEIGHTS =
      List.of(Shape.of(784, 64), Shape.of(64, 64), Shape.of(64, 64), Shape.of(64, 10));

  @Test
  void brevitasTfc1w1aImportsAsBinaryLayers() throws Exception {
    OnnxModel m = Mnist.model("TFC_1W1A");
    assertEquals(
        List.of(new TensorInfo("0", ElementType.FLOAT, Shape.of(1, 1, 28, 28))), m.inputs());
    assertEquals(List.of(new TensorInfo("74", ElementType.FLOAT, Shape.of(1, 10))), m.outputs());
    List<String> expected = new ArrayList<>(List.of("Reshape", "Mul", "Sub", "BipolarQuant"));
    expected.addAll(repeat(3, "MatMul", "BatchNormalization", "BipolarQuant"));
    expected.addAll(List.of("MatMul", "Sub", "Div", "Mul", "Add"));
    assertEquals(expected, ops(m));
    List<Tensor> w = weights(m);
    assertEquals(TFC_WEIGHTS, w.stream().map(Tensor::shape).toList());
    w.forEach(t -> assertEquals(Set.of(-1f, 1f), values(t)));
  }

  @Test
  void finnStreamlinedTfcImportsWithItsAnnotations() throws Exception {
    OnnxModel m = Mnist.model("finn_tfc_w1a1_streamlined");
    assertEquals(
        List.of(new TensorInfo("global_in", ElementType.FLOAT, Shape.of(1, 1, 28, 28))),
        m.inputs());
    assertEquals(
        List.of(new TensorInfo("global_out", ElementType.INT64, Shape.of(1, 1))), m.outputs());
    assertEquals("UINT8", m.finnDatatype("global_in").orElseThrow());
    List<String> expected = new ArrayList<>(List.of("Div", "Reshape", "Mul", "Sub"));
    expected.addAll(
        repeat(3, "MultiThreshold", "MatMul", "Mul", "Unsqueeze", "BatchNormalization", "Squeeze"));
    expected.addAll(List.of("MultiThreshold", "MatMul", "Mul", "Sub", "Div", "Mul", "Add", "TopK"));
    assertEquals(expected, ops(m));
    for (OnnxNode n : m.nodes()) {
      if (n.opType().equals("MatMul")) {
        assertEquals("BIPOLAR", m.finnDatatype(n.inputs().get(1)).orElseThrow(), n.name());
      }
    }
    assertEquals(TFC_WEIGHTS, weights(m).stream().map(Tensor::shape).toList());
  }

  @Test
  void multiBitExportsImportWithTernaryQuantizers() throws Exception {
    for (String name : List.of("TFC_1W2A", "TFC_2W2A")) {
      OnnxModel m = Mnist.model(name);
      List<OnnxNode> quants = m.nodes().stream().filter(n -> n.opType().equals("Quant")).toList();
      assertEquals(4, quants.size(), name);
      for (OnnxNode q : quants) {
        assertArrayEquals(
            new float[] {2}, m.initializer(q.inputs().get(3)).orElseThrow().floats(), q.name());
        assertEquals(1, q.attribute("narrow").orElseThrow().intValue(), q.name());
        assertEquals(1, q.attribute("signed").orElseThrow().intValue(), q.name());
      }
      Set<Float> weightValues = new TreeSet<>();
      weights(m).forEach(t -> weightValues.addAll(values(t)));
      assertEquals(
          name.equals("TFC_1W2A") ? Set.of(-1f, 1f) : Set.of(-1f, 0f, 1f), weightValues, name);
    }
  }

  // Each prediction run takes a second or two, so the two w1a1 runs are shared by three tests.
  private static synchronized int[] tfc1w1a() throws OnnxImportException {
    if (tfc1w1a == null) {
      tfc1w1a = Mnist.predict(Mnist.model("TFC_1W1A"), images, true, Mnist.Readout.ARGMAX);
    }
    return tfc1w1a;
  }

  private static synchronized int[] finn() throws OnnxImportException {
    if (finn == null) {
      finn =
          Mnist.predict(
              Mnist.model("finn_tfc_w1a1_streamlined"), images, false, Mnist.Readout.INDEX);
    }
    return finn;
  }

  @Test
  void tfc1w1aAccuracyOverAllTestImagesWithPixelsOver255() throws Exception {
    assertEquals(9296, Mnist.correct(tfc1w1a(), labels));
  }

  @Test
  void finnStreamlinedAccuracyOverAllTestImagesWithRawPixels() throws Exception {
    assertEquals(9296, Mnist.correct(finn(), labels));
  }

  @Test
  void theBrevitasAndFinnGraphsOfTfcW1a1PredictAlikeOnEveryImage() throws Exception {
    int[] brevitas = tfc1w1a();
    int[] streamlined = finn();
    List<Integer> differing = new ArrayList<>();
    for (int i = 0; i < brevitas.length; i++) {
      if (brevitas[i] != streamlined[i]) {
        differing.add(i);
      }
    }
    assertEquals(Collections.emptyList(), differing);
  }

  @Test
  void multiBitAccuraciesOverAllTestImages() throws Exception {
    int[] w1a2 = Mnist.predict(Mnist.model("TFC_1W2A"), images, true, Mnist.Readout.ARGMAX);
    int[] w2a2 = Mnist.predict(Mnist.model("TFC_2W2A"), images, true, Mnist.Readout.ARGMAX);
    assertEquals(9474, Mnist.correct(w1a2, labels));
    assertEquals(9660, Mnist.correct(w2a2, labels));
  }
}
