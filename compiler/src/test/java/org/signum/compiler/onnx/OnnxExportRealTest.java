package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.onnx.proto.Onnx.ModelProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;

/**
 * The real w1a1 exports of ../shared/models/onnx, imported, exported again by Signum and imported
 * back: on the first {@value #FIRST} MNIST test images of ../shared/datasets/mnist and on the 32
 * whose top score is shared, every layer, the scores and the class agree with the first import, and
 * the exported graph's own evaluation gives the same classes. Needs ../shared beside the repository
 * and fails without it.
 */
class OnnxExportRealTest {
  private static final int FIRST = 200;

  /** The test images whose top float score is shared (docs/onnx-import.md). */
  private static final List<Integer> SHARED =
      List.of(
          349, 511, 1208, 1441, 1942, 2233, 2374, 2393, 2542, 2560, 2986, 3132, 3284, 3550, 4300,
          4578, 4620, 4639, 4690, 4978, 4990, 5842, 6091, 6883, 7432, 8272, 8277, 8375, 9008, 9530,
          9560, 9679);

  private static List<int[]> images;

  @BeforeAll
  static void readMnist() throws Exception {
    Idx.Images all = Idx.readImages(Mnist.shared(Mnist.IMAGES));
    images = new ArrayList<>();
    for (int i = 0; i < FIRST; i++) {
      images.add(all.image(i));
    }
    SHARED.forEach(i -> images.add(all.image(i)));
  }

  private static List<String> ops(Network net) throws Exception {
    ModelProto m = ModelProto.parseFrom(OnnxExporter.export(net));
    return m.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
  }

  private static List<String> repeat(int times, String... ops) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      out.addAll(List.of(ops));
    }
    return out;
  }

  @Test
  void brevitasTfcExportsToTheSameNetwork() throws Exception {
    Network net =
        OnnxImporter.importNetwork(Mnist.model("TFC_1W1A"), Optional.of(Rational.of(1, 255)))
            .network();
    ExportCheck.Outcome o = ExportCheck.assertSameNetwork(net, images);
    assertEquals(SHARED.size(), o.sharedTops());
    assertEquals(Rational.of(1, 255), ((Input) o.imported().network().layer(0)).scale());
    List<String> expected =
        new ArrayList<>(List.of("Reshape", "Div", "Mul", "Add", "BipolarQuant"));
    // Each hidden layer: its weights, then the batch norm as imported (a normalization by mean
    // and variance, then an affine of Brevitas's scale and bias), then the sign.
    expected.addAll(
        repeat(
            3,
            "BipolarQuant",
            "Transpose",
            "MatMul",
            "Sub",
            "BatchNormalization",
            "Mul",
            "Add",
            "BipolarQuant"));
    expected.addAll(
        List.of(
            "BipolarQuant",
            "Transpose",
            "MatMul",
            "Sub",
            "BatchNormalization",
            "Mul",
            "Add",
            "TopK"));
    assertEquals(expected, ops(net));
  }

  @Test
  void finnTfcExportsToTheSameNetwork() throws Exception {
    ImportedNetwork imported = OnnxImporter.importNetwork(Mnist.model("finn_tfc_w1a1_streamlined"));
    Network net = imported.network();
    ExportCheck.Outcome o = ExportCheck.assertSameNetwork(net, images);
    assertEquals(SHARED.size(), o.sharedTops());
    assertEquals(Rational.of(1, 255), ((Input) o.imported().network().layer(0)).scale());
    // FINN's graph and its export predict the same class on every image.
    for (int[] x : images) {
      assertEquals(imported.evaluate(x).classIndex(), o.imported().evaluate(x).classIndex());
    }
  }
}
