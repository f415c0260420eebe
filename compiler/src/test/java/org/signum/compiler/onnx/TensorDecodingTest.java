package org.signum.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.signum.compiler.onnx.GraphBuilder.dims;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.compiler.onnx.proto.Onnx.AttributeProto;
import org.signum.compiler.onnx.proto.Onnx.TensorProto;

/** Tensors in every storage form ONNX allows for the element types Signum reads. */
class TensorDecodingTest {
  /** Imports a model whose graph output is the initializer {@code t}, and returns it. */
  private static Tensor decode(TensorProto t) throws OnnxImportException {
    return new GraphBuilder()
        .input("x", 1)
        .initializer(t.toBuilder().setName("t").build())
        .node("Sign", List.of("x"), List.of("y"))
        .outputName("t")
        .load()
        .initializer("t")
        .orElseThrow();
  }

  private static TensorProto raw(int type, long[] dims, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return TensorProto.newBuilder()
        .setDataType(type)
        .addAllDims(GraphBuilder.boxed(dims))
        .setRawData(ByteString.copyFrom(b))
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "2, UINT8, 255, 1",
    "3, INT8, -1, 1",
    "4, UINT16, 65535, 2",
    "5, INT16, -1, 2",
    "6, INT32, -1, 4",
    "7, INT64, -1, 8"
  })
  void rawIntegersAreLittleEndianAndSignedOrNot(int code, ElementType type, long allOnes, int width)
      throws Exception {
    int[] bytes = new int[2 * width];
    for (int i = 0; i < width; i++) {
      bytes[i] = 0xFF;
    }
    bytes[width] = 2; // the second element is 2, least significant byte first
    Tensor t = decode(raw(code, dims(2), bytes));
    assertEquals(type, t.type());
    assertArrayEquals(new long[] {allOnes, 2}, t.longs());
  }

  @Test
  void rawBooleansAreOneBytePerElement() throws Exception {
    assertArrayEquals(new long[] {1, 0, 1}, decode(raw(9, dims(3), 1, 0, 1)).longs());
  }

  @Test
  void rawFloatsAreLittleEndianIeee() throws Exception {
    // 0x3FC00000 is 1.5.
    assertArrayEquals(new float[] {1.5f}, decode(raw(1, dims(), 0, 0, 0xC0, 0x3F)).floats());
  }

  @Test
  void typedFloatsInt32sAndInt64s() throws Exception {
    TensorProto floats =
        TensorProto.newBuilder()
            .setDataType(1)
            .addDims(2)
            .addFloatData(0.5f)
            .addFloatData(-2)
            .build();
    assertArrayEquals(new float[] {0.5f, -2}, decode(floats).floats());
    TensorProto bytes =
        TensorProto.newBuilder()
            .setDataType(2)
            .addDims(2)
            .addInt32Data(200)
            .addInt32Data(7)
            .build();
    assertArrayEquals(new long[] {200, 7}, decode(bytes).longs());
    TensorProto longs = TensorProto.newBuilder().setDataType(7).addInt64Data(1L << 40).build();
    Tensor scalar = decode(longs);
    assertEquals(Shape.scalar(), scalar.shape());
    assertArrayEquals(new long[] {1L << 40}, scalar.longs());
  }

  @Test
  void attributesWithoutTheTypeFieldOfIrVersion1AreTypedByTheirValue() throws Exception {
    OnnxModel m =
        new GraphBuilder()
            .input("x", 1, 2)
            .node(
                "Transpose",
                List.of("x"),
                List.of("y"),
                AttributeProto.newBuilder().setName("perm").addInts(1).addInts(0).build())
            .outputName("y")
            .load();
    OnnxAttribute perm = m.nodes().get(0).attribute("perm").orElseThrow();
    assertEquals(OnnxAttribute.Kind.INTS, perm.kind());
    assertArrayEquals(new long[] {1, 0}, perm.intsValue());
    Graphs.assertShape(m, "y", 2, 1);
  }
}
