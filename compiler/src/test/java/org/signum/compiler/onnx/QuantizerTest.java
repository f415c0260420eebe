package org.signum.compiler.onnx;

import static org.signum.compiler.onnx.GraphBuilder.dims;
import static org.signum.compiler.onnx.GraphBuilder.floatAttr;
import static org.signum.compiler.onnx.GraphBuilder.intAttr;
import static org.signum.compiler.onnx.GraphBuilder.stringAttr;
import static org.signum.compiler.onnx.Graphs.assertValues;
import static org.signum.compiler.onnx.Graphs.eval;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;

class QuantizerTest {
  static final String BREVITAS = "onnx.brevitas";
  static final String FINN = "finn.custom_op.general";

  @Test
  void signMapsZeroToZeroAsOnnxDoes() throws Exception {
    GraphBuilder g =
        new GraphBuilder().input("x", 4).node("Sign", List.of("x"), List.of("y")).outputName("y");
    assertValues(new float[] {-1, 0, 1, 0}, eval(g, "y", -2, 0, 3, -0f));
  }

  @Test
  void bipolarQuantMapsZeroToPlusOneTimesTheScale() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 3)
            .scalar("s", 0.5f)
            .custom(BREVITAS, "BipolarQuant", List.of("x", "s"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {-0.5f, 0.5f, 0.5f}, eval(g, "y", -1, 0, 2));
  }

  @Test
  void bipolarQuantBroadcastsAPerChannelScale() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 2)
            .floats("s", dims(2), 2, 3)
            .custom("qonnx.custom_op.general", "BipolarQuant", List.of("x", "s"), List.of("y"))
            .outputName("y");
    assertValues(new float[] {-2, 3}, eval(g, "y", -0.1f, 0.1f));
  }

  private static GraphBuilder quant(
      int bits, float scale, float zero, boolean signed, boolean narrow, String rounding) {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 6)
            .scalar("scale", scale)
            .scalar("zero", zero)
            .scalar("bits", bits);
    var attrs =
        new ArrayList<>(
            List.of(intAttr("signed", signed ? 1 : 0), intAttr("narrow", narrow ? 1 : 0)));
    if (rounding != null) {
      attrs.add(stringAttr("rounding_mode", rounding));
    }
    return g.custom(
            BREVITAS,
            "Quant",
            List.of("x", "scale", "zero", "bits"),
            List.of("y"),
            attrs.toArray(new AttributeProto[0]))
        .outputName("y");
  }

  @Test
  void quantSignedNarrowTwoBitsIsTernary() throws Exception {
    GraphBuilder g = quant(2, 1, 0, true, true, "ROUND");
    assertValues(new float[] {-1, -1, 0, 0, 0, 1}, eval(g, "y", -2, -0.6f, -0.5f, 0.4f, 0.5f, 7));
  }

  @Test
  void quantSignedWideThreeBitsReachesMinusFour() throws Exception {
    GraphBuilder g = quant(3, 1, 0, true, false, null);
    assertValues(new float[] {-4, -4, -2, 2, 3, 3}, eval(g, "y", -9, -4, -2.4f, 2.4f, 3.4f, 9));
  }

  @Test
  void quantUnsignedScalesClampsAndRounds() throws Exception {
    // x / 0.5 = -2, 0.6, 1.52, 10, 5, 3 -> clamped to [0, 3] -> rounded -> times 0.5.
    GraphBuilder g = quant(2, 0.5f, 0, false, false, null);
    assertValues(
        new float[] {0, 0.5f, 1, 1.5f, 1.5f, 1.5f}, eval(g, "y", -1, 0.3f, 0.76f, 5, 2.5f, 1.5f));
  }

  @Test
  void quantUnsignedNarrowLosesTheTopValue() throws Exception {
    GraphBuilder g = quant(2, 1, 0, false, true, null);
    assertValues(new float[] {0, 0, 1, 2, 2, 2}, eval(g, "y", -1, 0, 1, 2, 3, 4));
  }

  @Test
  void quantAddsTheZeroPointBeforeRoundingAndRemovesItAfter() throws Exception {
    // 2.4 + 1 = 3.4 -> 3 -> 2; -200 + 1 clamps to -128 -> -129.
    GraphBuilder g = quant(8, 1, 1, true, false, null);
    assertValues(
        new float[] {2, -129, 0, 126, 0, 1}, eval(g, "y", 2.4f, -200, 0, 200, -0.4f, 0.6f));
  }

  @Test
  void quantOfOneSignedBitIsBipolar() throws Exception {
    GraphBuilder g = quant(1, 2, 0, true, false, null);
    assertValues(new float[] {-2, 2, 2, -2, 2, 2}, eval(g, "y", -0.1f, 0, 0.3f, -5, 5, 1e-9f));
  }

  @ParameterizedTest
  @CsvSource({
    "ROUND,     -2, -2, -0, 0, 2, 2",
    "HALF_EVEN, -2, -2, -0, 0, 2, 2",
    "CEIL,      -2, -1, -0, 1, 2, 3",
    "floor,     -3, -2, -1, 0, 1, 2",
    "UP,        -3, -2, -1, 1, 2, 3",
    "DOWN,      -2, -1, -0, 0, 1, 2",
    "HALF_UP,   -3, -2, -1, 1, 2, 3",
    "HALF_DOWN, -2, -1, -0, 0, 1, 2"
  })
  void quantRoundingModes(String mode, float a, float b, float c, float d, float e, float f)
      throws Exception {
    GraphBuilder g = quant(8, 1, 0, true, false, mode);
    assertValues(
        new float[] {a, b, c, d, e, f}, eval(g, "y", -2.5f, -1.5f, -0.5f, 0.5f, 1.5f, 2.5f));
  }

  @Test
  void intQuantIsQuantUnderItsNewName() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 2)
            .scalar("scale", 1)
            .scalar("zero", 0)
            .scalar("bits", 2)
            .custom(
                "qonnx.custom_op.general",
                "IntQuant",
                List.of("x", "scale", "zero", "bits"),
                List.of("y"),
                intAttr("signed", 1),
                intAttr("narrow", 1))
            .outputName("y");
    assertValues(new float[] {-1, 1}, eval(g, "y", -3, 3));
  }

  private static GraphBuilder threshold(long[] xDims, long[] tDims, float[] t, String layout) {
    GraphBuilder g = new GraphBuilder().input("x", xDims).floats("t", tDims, t);
    var attrs = new ArrayList<>(List.of(stringAttr("out_dtype", "UINT2")));
    if (layout != null) {
      attrs.add(stringAttr("data_layout", layout));
    }
    return g.custom(
            FINN,
            "MultiThreshold",
            List.of("x", "t"),
            List.of("y"),
            attrs.toArray(new AttributeProto[0]))
        .outputName("y");
  }

  @Test
  void multiThresholdCountsThresholdsReachedPerChannel() throws Exception {
    GraphBuilder g = threshold(dims(1, 2), dims(2, 3), new float[] {0, 1, 2, 1, 2, 3}, null);
    // 0.5 >= 0 only; 3 >= 1, 2 and 3 (equality counts).
    assertValues(new float[] {1, 3}, eval(g, "y", 0.5f, 3));
  }

  @Test
  void multiThresholdSharedThresholdWithScaleAndBiasGivesBipolar() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 3)
            .floats("t", dims(1, 1), 0)
            .custom(
                FINN,
                "MultiThreshold",
                List.of("x", "t"),
                List.of("y"),
                stringAttr("out_dtype", "BIPOLAR"),
                floatAttr("out_scale", 2),
                floatAttr("out_bias", -1))
            .outputName("y");
    assertValues(new float[] {-1, 1, 1}, eval(g, "y", -1, 0, 2));
  }

  @Test
  void multiThresholdNchwUsesAxisOne() throws Exception {
    GraphBuilder g = threshold(dims(1, 2, 1, 2), dims(2, 1), new float[] {0, 10}, "NCHW");
    assertValues(new float[] {1, 1, 0, 1}, eval(g, "y", 1, 2, 3, 10));
  }

  @Test
  void multiThresholdNhwcUsesTheLastAxis() throws Exception {
    GraphBuilder g = threshold(dims(1, 1, 2, 2), dims(2, 1), new float[] {0, 10}, "NHWC");
    assertValues(new float[] {1, 0, 1, 1}, eval(g, "y", 1, 2, 3, 10));
  }

  @Test
  void multiThresholdOfRankThreeUsesTheLastAxisAsQonnxDoes() throws Exception {
    GraphBuilder g = threshold(dims(1, 2, 3), dims(3, 1), new float[] {0, 10, 20}, null);
    assertValues(new float[] {1, 0, 0, 1, 1, 1}, eval(g, "y", 1, 2, 3, 0, 10, 20));
  }

  @Test
  void multiThresholdAffineIsRoundedOnceToFloat() throws Exception {
    GraphBuilder g =
        new GraphBuilder()
            .input("x", 1, 2)
            .floats("t", dims(1, 2), 0, 1)
            .custom(
                "qonnx.custom_op.general",
                "MultiThreshold",
                List.of("x", "t"),
                List.of("y"),
                stringAttr("out_dtype", "FLOAT32"),
                floatAttr("out_scale", 0.1f),
                floatAttr("out_bias", 0.25f))
            .outputName("y");
    float tenth = 0.1f;
    float quarter = 0.25f;
    assertValues(
        new float[] {(float) (tenth * 1.0 + quarter), (float) (tenth * 2.0 + quarter)},
        eval(g, "y", 0.5f, 7));
  }
}
