package org.signum.compiler;

import java.util.List;
import java.util.Optional;
import org.signum.isa.MemorySpace;

/**
 * Where a compiled program expects its input and leaves its results, all in {@code amem} at the
 * addresses of the named symbols (look them up in the object file's symbol table). A host runs many
 * inputs on one loaded program: write the input with {@link #packInput}, restart the machine, run
 * it to its halt, read the buffers. The program writes every output byte on every run, so nothing
 * needs clearing between runs.
 *
 * @param input the input buffer
 * @param activations one buffer per bipolar layer output the program stores, in layer order
 * @param scores the class scores, signed 32-bit little-endian words, when the network has them
 * @param classIndex the class, one signed 32-bit word, when the network ends in argmax
 */
public record HostInterface(
    Buffer input, List<Buffer> activations, Optional<Buffer> scores, Optional<Buffer> classIndex) {

  public HostInterface {
    activations = List.copyOf(activations);
  }

  /** How a buffer's bytes encode its elements. */
  public enum Layout {
    /**
     * Packed rows: element i is bit {@code i mod 8} of byte {@code i / 8}, 1 for +1 and 0 for -1,
     * padded with 0 bits to whole vector registers.
     */
    BIPOLAR_ROWS,
    /**
     * Eight bit-planes of 8-bit elements, each laid out as {@link #BIPOLAR_ROWS}: plane n holds bit
     * n of every element and starts at byte {@code n * planeBytes}.
     */
    UINT8_PLANES,
    /** Signed 32-bit little-endian words, one per element. */
    INT32_WORDS
  }

  /**
   * One buffer in amem.
   *
   * @param layer the IR layer whose output (or input) it holds
   * @param symbol the assembly symbol at its first byte
   * @param elements the number of elements
   * @param bytes the buffer's size
   * @param planeBytes for {@link Layout#UINT8_PLANES}, the size of one plane; else {@code bytes}
   */
  public record Buffer(
      String layer, String symbol, Layout layout, int elements, int bytes, int planeBytes) {
    public MemorySpace memory() {
      return MemorySpace.AMEM;
    }
  }

  /**
   * The bytes to write at the input symbol: for an 8-bit input the bytes 0..255, for a bipolar
   * input +1 and -1, in the input's row-major order. Padding bits are 0, as the program needs.
   *
   * @throws IllegalArgumentException for a wrong length or a value out of range
   */
  public byte[] packInput(int[] x) {
    if (x.length != input.elements()) {
      throw new IllegalArgumentException(
          "input has " + input.elements() + " elements, got " + x.length);
    }
    byte[] out = new byte[input.bytes()];
    boolean planes = input.layout() == Layout.UINT8_PLANES;
    for (int i = 0; i < x.length; i++) {
      int v = x[i];
      if (planes ? v < 0 || v > 255 : v != 1 && v != -1) {
        throw new IllegalArgumentException(
            "input element " + i + " is " + v + ", expected " + (planes ? "0..255" : "+1 or -1"));
      }
      if (!planes) {
        out[i / 8] |= (byte) ((v == 1 ? 1 : 0) << (i % 8));
        continue;
      }
      for (int n = 0; n < 8; n++) {
        out[n * input.planeBytes() + i / 8] |= (byte) ((v >> n & 1) << (i % 8));
      }
    }
    return out;
  }

  /** The first {@code n} elements of a packed row as +1/-1. */
  public static int[] unpackBipolar(byte[] row, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = (row[i / 8] >> (i % 8) & 1) == 1 ? 1 : -1;
    }
    return v;
  }

  /** The first {@code n} signed 32-bit little-endian words. */
  public static int[] unpackWords(byte[] bytes, int n) {
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          (bytes[4 * i] & 0xff)
              | (bytes[4 * i + 1] & 0xff) << 8
              | (bytes[4 * i + 2] & 0xff) << 16
              | (bytes[4 * i + 3] & 0xff) << 24;
    }
    return v;
  }
}
