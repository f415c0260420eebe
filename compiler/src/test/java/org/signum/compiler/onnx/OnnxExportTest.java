package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.compiler.ir.BatchNorm;
import org.signum.compiler.ir.BitMatrix;
import org.signum.compiler.ir.Input;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Rational;
import org.signum.compiler.ir.Shape;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.ModelProto;
import org.signum.compiler.onnx.proto.Onnx.NodeProto;
import org.signum.compiler.onnx.proto.Onnx.StringStringEntryProto;
import org.signum.compiler.onnx.proto.Onnx.TensorAnnotation;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;
import org.signum.compiler.onnx.proto.Onnx.ValueInfoProto;

/**
 * The graph the exporter writes: the model's header, each layer's nodes and their names, the
 * parameters bit for bit, the input and output, the annotations; networks shaped as the trainer
 * makes them exported and imported back; ties; and writing files.
 */
class OnnxExportTest {
  @TempDir Path tmp;

  private static BitMatrix weights(Random r, int rows, int cols) {
    BitMatrix.Builder b = new BitMatrix.Builder(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        b.set(i, j, r.nextBoolean());
      }
    }
    return b.build();
  }

  /** Batch-norm parameters of {@code n} channels: gammas negative, zero and positive. */
  private static float[][] batchNorm(Random r, int n, float meanSpan) {
    float[][] p = new float[4][n];
    for (int c = 0; c < n; c++) {
      p[0][c] = c % 5 == 0 ? 0f : (r.nextFloat() - 0.3f) * 2;
      p[1][c] = r.nextFloat() - 0.5f;
      p[2][c] = (r.nextFloat() - 0.5f) * meanSpan;
      p[3][c] = 0.1f + r.nextFloat() * meanSpan;
    }
    return p;
  }

  /** As the trainer writes it: 8-bit pixels of scale 1/255, dense, batch norm, sign, ... */
  private static Network trainerNetwork(boolean binarizedInput) {
    Random r = new Random(3);
    Network.Builder b =
        Network.builder("trained")
            .input("pixels", Shape.of(1, 28, 28), Input.Encoding.UINT8, Rational.of(1, 255));
    if (binarizedInput) {
      b.affine("binarize", new float[] {2}, new float[] {-1}).sign("bits");
    }
    float[][] bn1 = batchNorm(r, 64, binarizedInput ? 100 : 20000);
    float[][] bn2 = batchNorm(r, 63, 30);
    float[][] norm = batchNorm(r, 10, 30);
    return b.dense("fc1", weights(r, 64, 784))
        .batchNorm("bn1", bn1[0], bn1[1], bn1[2], bn1[3], 1e-5f)
        .sign("act1")
        .dense("fc2", weights(r, 63, 64))
        .batchNorm("bn2", bn2[0], bn2[1], bn2[2], bn2[3], 1e-5f)
        .sign("act2")
        .dense("fc3", weights(r, 10, 63))
        .batchNorm("norm", norm[0], norm[1], norm[2], norm[3], 1e-4f)
        .scores("scores")
        .argmax("class")
        .build();
  }

  private static ModelProto proto(Network net) throws IOException {
    return ModelProto.parseFrom(OnnxExporter.export(net));
  }

  /** Each node as {@code name=Op}, with the domain for custom operators. */
  private static List<String> nodes(ModelProto m) {
    return m.getGraph().getNodeList().stream()
        .map(
            n ->
                n.getName()
                    + "="
                    + (n.getDomain().isEmpty() ? "" : n.getDomain() + ":")
                    + n.getOpType())
        .toList();
  }

  private static NodeProto node(ModelProto m, String name) {
    return m.getGraph().getNodeList().stream()
        .filter(n -> n.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node " + name));
  }

  private static TensorProto initializer(ModelProto m, String name) {
    return m.getGraph().getInitializerList().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no initializer " + name));
  }

  private static float[] floats(TensorProto t) {
    assertEquals(TensorProto.DataType.FLOAT_VALUE, t.getDataType(), t.getName());
    ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    float[] v = new float[t.getRawData().size() / 4];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getFloat();
    }
    return v;
  }

  private static int[] bits(float[] v) {
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Float.floatToRawIntBits(v[i]);
    }
    return out;
  }

  private static Map<String, String> annotations(ModelProto m) {
    return m.getGraph().getQuantizationAnnotationList().stream()
        .collect(
            Collectors.toMap(
                TensorAnnotation::getTensorName,
                a -> {
                  StringStringEntryProto e = a.getQuantParameterTensorNames(0);
                  assertEquals("finn_datatype", e.getKey());
                  return e.getValue();
                }));
  }

  private static List<Long> dims(ValueInfoProto v) {
    return v.getType().getTensorType().getShape().getDimList().stream()
        .map(d -> d.getDimValue())
        .toList();
  }

  private static List<int[]> inputs(Network net, int count, long seed) {
    Random r = new Random(seed);
    Input in = (Input) net.layer(0);
    List<int[]> out = new ArrayList<>();
    for (int t = 0; t < count; t++) {
      int[] x = new int[(int) in.shape().elements()];
      for (int i = 0; i < x.length; i++) {
        x[i] = in.encoding() == Input.Encoding.UINT8 ? r.nextInt(256) : r.nextBoolean() ? 1 : -1;
      }
      out.add(x);
    }
    return out;
  }

  @Test
  void theModelSaysWhatWroteItAndWhichOperatorSetsItUses() throws Exception {
    ModelProto m = proto(trainerNetwork(false));
    assertEquals(7, m.getIrVersion());
    assertEquals("signum", m.getProducerName());
    assertTrue(
        m.getProducerVersion().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), m.getProducerVersion());
    assertEquals(
        List.of("=13", "qonnx.custom_op.general=1"),
        m.getOpsetImportList().stream().map(o -> o.getDomain() + "=" + o.getVersion()).toList());
    assertEquals("trained", m.getGraph().getName());
    assertEquals(
        "Binarized network 'trained' exported from Signum's layer IR (11 layers). Input 'pixels'"
            + " of shape 1x28x28: raw bytes 0-255 (annotated UINT8); the graph applies the input"
            + " scale 1/255 to the sums of the first dense layer 'fc1', which it computes from the"
            + " raw bytes. Output: the index of the largest class score (TopK, the first maximum"
            + " winning). Signum's importer reads this graph back to the same network; see"
            + " docs/onnx-import.md, section Export.",
        m.getDocString());
  }

  @Test
  void aTrainedNetworkOnPixelsBecomesTheseNodes() throws Exception {
    Network net = trainerNetwork(false);
    ModelProto m = proto(net);
    String q = "qonnx.custom_op.general:";
    assertEquals(
        List.of(
            "pixels.flatten=Reshape",
            "fc1.weight_quant=" + q + "BipolarQuant",
            "fc1.weight_transpose=Transpose",
            "fc1=MatMul",
            "fc1.scale_divide=Div",
            "bn1.center=Sub",
            "bn1.multiply=Mul",
            "bn1.normalize=BatchNormalization",
            "bn1=Add",
            "act1=" + q + "BipolarQuant",
            "fc2.weight_quant=" + q + "BipolarQuant",
            "fc2.weight_transpose=Transpose",
            "fc2=MatMul",
            "bn2.center=Sub",
            "bn2.multiply=Mul",
            "bn2.normalize=BatchNormalization",
            "bn2=Add",
            "act2=" + q + "BipolarQuant",
            "fc3.weight_quant=" + q + "BipolarQuant",
            "fc3.weight_transpose=Transpose",
            "fc3=MatMul",
            "norm.center=Sub",
            "norm.multiply=Mul",
            "norm.normalize=BatchNormalization",
            "norm=Add",
            "class=TopK"),
        nodes(m));
    for (NodeProto n : m.getGraph().getNodeList()) {
      assertTrue(n.getDocString().startsWith("layer "), n.getDocString());
      if (!n.getOpType().equals("TopK")) {
        assertEquals(List.of(n.getName()), n.getOutputList(), "each node writes its own name");
      }
    }
    assertEquals(
        "layer 1 'fc1' (dense): the input scale 1/255: divided by 255",
        node(m, "fc1.scale_divide").getDocString());
    assertEquals(
        "layer 2 'bn1' (batchnorm): u / sqrt(var + eps): BatchNormalization with scale 1, B 0 and"
            + " mean 0",
        node(m, "bn1.normalize").getDocString());
    assertEquals(List.of("bn1", "one"), node(m, "act1").getInputList());
    assertEquals(List.of("norm", "class.k"), node(m, "class").getInputList());
    assertEquals(List.of("class.top_score", "class"), node(m, "class").getOutputList());

    ValueInfoProto in = m.getGraph().getInput(0);
    assertEquals(1, m.getGraph().getInputCount());
    assertEquals("pixels", in.getName());
    assertEquals(TensorProto.DataType.FLOAT_VALUE, in.getType().getTensorType().getElemType());
    assertEquals(List.of(1L, 1L, 28L, 28L), dims(in));
    ValueInfoProto out = m.getGraph().getOutput(0);
    assertEquals(1, m.getGraph().getOutputCount());
    assertEquals("class", out.getName());
    assertEquals(TensorProto.DataType.INT64_VALUE, out.getType().getTensorType().getElemType());
    assertEquals(List.of(1L, 1L), dims(out));

    Map<String, String> types = annotations(m);
    assertEquals("UINT8", types.get("pixels"));
    assertEquals("BIPOLAR", types.get("act1"));
    assertEquals("BIPOLAR", types.get("fc1.weight_transpose"));
    assertArrayEquals(new float[] {255}, floats(initializer(m, "fc1.scale_denominator")));

    ImportedNetwork back = ExportCheck.reimport(net);
    assertEquals(Rational.ONE, back.inputScale());
    assertEquals("the UINT8 annotation of graph input 'pixels'", back.inputScaleOrigin());
    ExportCheck.assertSameNetwork(net, inputs(net, 20, 1));
  }

  @Test
  void aBinarizedInputKeepsItsScaleInTheInput() throws Exception {
    Network net = trainerNetwork(true);
    ModelProto m = proto(net);
    assertEquals(
        List.of(
            "pixels.flatten=Reshape",
            "pixels.scale_divide=Div",
            "binarize.multiply=Mul",
            "binarize=Add",
            "bits=qonnx.custom_op.general:BipolarQuant",
            "fc1.weight_quant=qonnx.custom_op.general:BipolarQuant"),
        nodes(m).subList(0, 6));
    ExportCheck.Outcome o = ExportCheck.assertSameNetwork(net, inputs(net, 20, 2));
    Network back = o.imported().network();
    assertEquals(Rational.of(1, 255), ((Input) back.layer(0)).scale());
    assertEquals(Shape.of(1, 28, 28), ((Input) back.layer(0)).shape());
    assertEquals(
        List.of("pixels", "binarize.multiply+binarize", "bits", "fc1"),
        back.layers().subList(0, 4).stream().map(Layer::name).toList());
  }

  @Test
  void batchNormParametersAreWrittenBitForBit() throws Exception {
    Network net = trainerNetwork(false);
    ModelProto m = proto(net);
    BatchNorm bn = (BatchNorm) net.layer(net.indexOf("bn1"));
    assertArrayEquals(bits(bn.mean().toArray()), bits(floats(initializer(m, "bn1.mean"))));
    assertArrayEquals(bits(bn.gamma().toArray()), bits(floats(initializer(m, "bn1.gamma"))));
    assertArrayEquals(bits(bn.var().toArray()), bits(floats(initializer(m, "bn1.var"))));
    assertArrayEquals(bits(bn.beta().toArray()), bits(floats(initializer(m, "bn1.beta"))));
    NodeProto normalize = node(m, "bn1.normalize");
    assertEquals(
        List.of("bn1.multiply", "bn1.ones", "bn1.zeros", "bn1.zeros", "bn1.var"),
        normalize.getInputList());
    AttributeProto eps = normalize.getAttribute(0);
    assertEquals("epsilon", eps.getName());
    assertEquals(Float.floatToRawIntBits(1e-5f), Float.floatToRawIntBits(eps.getF()));
    for (float v : floats(initializer(m, "bn1.ones"))) {
      assertEquals(1f, v);
    }
    for (float v : floats(initializer(m, "bn1.zeros"))) {
      assertEquals(0, Float.floatToRawIntBits(v));
    }
  }

  @Test
  void weightsArePlusAndMinusOneInPyTorchsOrder() throws Exception {
    Network net = trainerNetwork(false);
    ModelProto m = proto(net);
    TensorProto w = initializer(m, "fc2.weight");
    assertEquals(List.of(63L, 64L), w.getDimsList());
    BitMatrix bits = ((org.signum.compiler.ir.BinaryDense) net.layer(net.indexOf("fc2"))).weights();
    float[] v = floats(w);
    for (int j = 0; j < 63; j++) {
      for (int i = 0; i < 64; i++) {
        assertEquals(bits.sign(j, i), v[j * 64 + i], "weight " + j + ", " + i);
      }
    }
    NodeProto quant = node(m, "fc2.weight_quant");
    assertEquals(List.of("fc2.weight", "one"), quant.getInputList());
    assertArrayEquals(new float[] {1f}, floats(initializer(m, "one")));
    assertEquals(0, initializer(m, "one").getDimsCount(), "a scalar");
    NodeProto t = node(m, "fc2.weight_transpose");
    assertEquals(List.of(1L, 0L), t.getAttribute(0).getIntsList());
    assertEquals(List.of("act1", "fc2.weight_transpose"), node(m, "fc2").getInputList());
  }

  /** Thresholds as FINN writes them: MultiThreshold, outputs -1 and +1; reversed ones negated. */
  @Test
  void thresholdsBecomeMultiThresholdsOnTheSums() throws Exception {
    Random r = new Random(5);
    Network net =
        Network.builder("thresholds")
            .input("x", Shape.of(6), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", weights(r, 4, 6))
            .threshold(
                "t",
                Threshold.Operand.POPCOUNT,
                List.of(
                    ThresholdRule.atLeast(4),
                    ThresholdRule.below(2),
                    ThresholdRule.always(),
                    ThresholdRule.never()))
            .dense("out", weights(r, 3, 4))
            .scores("scores")
            .build();
    ModelProto m = proto(net);
    assertEquals(
        List.of(
            "fc.weight_quant=qonnx.custom_op.general:BipolarQuant",
            "fc.weight_transpose=Transpose",
            "fc=MatMul",
            "t.negate=Mul",
            "t=qonnx.custom_op.general:MultiThreshold",
            "out.weight_quant=qonnx.custom_op.general:BipolarQuant",
            "out.weight_transpose=Transpose",
            "out=MatMul"),
        nodes(m));
    // p >= 4 of 6 is s >= 2; p < 2 is s < -2, so -s >= 3; then always and never.
    assertArrayEquals(new float[] {1, -1, 1, 1}, floats(initializer(m, "t.signs")));
    assertArrayEquals(
        new float[] {2, 3, -Float.MAX_VALUE, Float.MAX_VALUE},
        floats(initializer(m, "t.thresholds")));
    assertEquals(List.of(4L, 1L), initializer(m, "t.thresholds").getDimsList());
    NodeProto t = node(m, "t");
    assertEquals(
        List.of("out_dtype=BIPOLAR", "out_scale=2.0", "out_bias=-1.0"),
        t.getAttributeList().stream()
            .map(
                a ->
                    a.getName()
                        + "="
                        + (a.getType() == AttributeProto.AttributeType.STRING
                            ? a.getS().toStringUtf8()
                            : String.valueOf(a.getF())))
            .toList());
    assertEquals("out", m.getGraph().getOutput(0).getName());
    assertEquals(List.of(1L, 3L), dims(m.getGraph().getOutput(0)));
    ExportCheck.assertSameNetwork(net, inputs(net, 40, 3));
  }

  /**
   * Classes 2 and 4 have the same weights, the others the opposite ones: the top score is shared on
   * every input, by 2 and 4 when their sum is positive, else by 0, 1 and 3 (or by all five at 0).
   * The IR, the imported IR and the graph's TopK all give the first of the tied classes.
   */
  @Test
  void tiedTopScoresGoToTheFirstClassEverywhere() throws Exception {
    Random r = new Random(6);
    BitMatrix hidden = weights(r, 9, 7);
    int[] row = new int[9];
    int[][] out = new int[5][];
    for (int i = 0; i < 9; i++) {
      row[i] = r.nextBoolean() ? 1 : -1;
    }
    for (int c = 0; c < 5; c++) {
      out[c] = new int[9];
      for (int i = 0; i < 9; i++) {
        out[c][i] = c == 2 || c == 4 ? row[i] : -row[i];
      }
    }
    Network net =
        Network.builder("ties")
            .input("x", Shape.of(7), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", hidden)
            .sign("act")
            .dense("out", BitMatrix.fromSigns(out))
            .scores("scores")
            .argmax("class")
            .build();
    List<int[]> inputs = inputs(net, 30, 7);
    ExportCheck.Outcome o = ExportCheck.assertSameNetwork(net, inputs);
    assertEquals(inputs.size(), o.sharedTops());
    org.signum.compiler.golden.GoldenReference g =
        new org.signum.compiler.golden.GoldenReference(net);
    Set<Integer> classes = new HashSet<>();
    for (int[] x : inputs) {
      long s = g.evaluate(x).scores().intAt(2);
      int expected = s > 0 ? 2 : 0;
      assertEquals(expected, o.imported().evaluate(x).classIndex());
      classes.add(expected);
    }
    assertEquals(Set.of(0, 2), classes, "both kinds of tie occur");
  }

  /**
   * A whole-number multiplication right after an input of scale n / 2^e is, on import, a change of
   * the input scale: the layer comes back without it and computes the same values.
   */
  @Test
  void aWholeNumberScaleOfTheFirstLayerFoldsIntoTheInputScale() throws Exception {
    Random r = new Random(10);
    for (boolean batchNorm : new boolean[] {false, true}) {
      Network.Builder b =
          Network.builder("folds").input("x", Shape.of(4), Input.Encoding.UINT8, Rational.of(1, 4));
      float[] three = {3, 3, 3, 3};
      float[] bias = {-100, -50, 0, 50};
      if (batchNorm) {
        b.batchNorm("first", three, bias, new float[4], new float[] {4, 4, 4, 4}, 0);
      } else {
        b.affine("first", three, bias);
      }
      Network net =
          b.sign("bits").dense("out", weights(r, 3, 4)).scores("scores").argmax("class").build();
      ExportCheck.Outcome o = ExportCheck.assertSameNetwork(net, inputs(net, 40, 11));
      Network back = o.imported().network();
      assertEquals(Rational.of(3, 4), ((Input) back.layer(0)).scale());
      assertEquals("first", back.layer(batchNorm ? 2 : 1).name());
    }
  }

  /** Names taken by layers are never reused for the nodes and tensors of other layers. */
  @Test
  void everyNameIsUnique() throws Exception {
    Random r = new Random(8);
    Network net =
        Network.builder("names")
            .input("one", Shape.of(2, 3), Input.Encoding.UINT8, Rational.of(3, 7))
            .affine("fc.weight", new float[] {2, -3}, new float[] {-1, 0.5f})
            .sign("fc.weight_quant")
            .dense("fc", weights(r, 5, 6))
            .affine("one.flatten", new float[] {1, 1, 1, 1, 1}, new float[] {0, 0, 0, 0, 0})
            .sign("class.k")
            .dense("scores", weights(r, 3, 5))
            .batchNorm(
                "norm.center",
                new float[] {1, -1, 0},
                new float[] {0, 0, 0},
                new float[] {0, 0, 0},
                new float[] {1, 1, 1},
                0)
            .scores("s")
            .argmax("class")
            .build();
    ModelProto m = proto(net);
    List<String> names = new ArrayList<>();
    m.getGraph().getInputList().forEach(v -> names.add(v.getName()));
    m.getGraph().getInitializerList().forEach(t -> names.add(t.getName()));
    m.getGraph().getNodeList().forEach(n -> names.addAll(n.getOutputList()));
    assertEquals(names.size(), new HashSet<>(names).size(), "tensor names " + names);
    List<String> nodeNames = m.getGraph().getNodeList().stream().map(NodeProto::getName).toList();
    assertEquals(nodeNames.size(), new HashSet<>(nodeNames).size(), "node names " + nodeNames);
    assertTrue(nodeNames.contains("one.flatten_2"), nodeNames.toString());
    assertTrue(names.contains("one_2"), "the shared 1.0 under another name: " + names);
    // The identity affine writes nothing; the batch norm with mean 0 and beta 0 is two nodes.
    assertFalse(nodeNames.contains("one.flatten"));
    assertEquals("norm.center", node(m, "norm.center").getName());
    assertEquals("Mul", node(m, "norm.center.multiply").getOpType());
    assertEquals("BatchNormalization", node(m, "norm.center").getOpType());
    ExportCheck.assertSameNetwork(net, inputs(net, 30, 9));
  }

  @Test
  void writeWritesTheExportedBytesAndReplacesAnOldFile() throws Exception {
    Network net = trainerNetwork(true);
    Path file = tmp.resolve("m.onnx");
    Files.writeString(file, "old");
    OnnxExporter.write(net, file);
    assertArrayEquals(OnnxExporter.export(net), Files.readAllBytes(file));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left");
    }
  }

  @Test
  void writeWritesNothingForANetworkItCannotExport() throws Exception {
    Network net =
        Network.builder("open")
            .input("x", Shape.of(3), Input.Encoding.BIPOLAR, Rational.ONE)
            .dense("fc", weights(new Random(1), 2, 3))
            .sign("act")
            .build();
    Path file = tmp.resolve("open.onnx");
    assertThrows(OnnxExportException.class, () -> OnnxExporter.write(net, file));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void writeIntoAMissingFolderFailsWithoutWriting() {
    Path file = tmp.resolve("missing").resolve("m.onnx");
    assertThrows(IOException.class, () -> OnnxExporter.write(trainerNetwork(true), file));
    assertFalse(Files.exists(file.getParent()));
  }
}
