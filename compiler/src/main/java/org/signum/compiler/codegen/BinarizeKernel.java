package org.signum.compiler.codegen;

/**
 * Binarizes an 8-bit input by per-element integer thresholds, in bitwise operations on its
 * bit-planes. From the least significant plane up, {@code ge} holds whether the low bits of x are
 * at least those of the threshold t: {@code ge = (x_n AND ge) OR (NOT t_n AND (x_n OR ge))}. The
 * planes of NOT t, a mask clearing elements whose threshold is 256 or more, and a row inverting
 * reversed elements come from wmem. Registers: r2 chunks left, r3 input, r5 threshold rows, r7
 * output; v0 ge, v1 to v3 scratch.
 */
final class BinarizeKernel {
  private final String prefix;
  private final int vbytes;
  private final int chunks;
  private final String input;
  private final String outputSymbol;

  BinarizeKernel(String prefix, int vectorWidth, int elements, String input, String outputSymbol) {
    this.prefix = prefix;
    this.vbytes = vectorWidth / 8;
    this.chunks = Rows.chunks(elements, vectorWidth);
    this.input = input;
    this.outputSymbol = outputSymbol;
  }

  /** Bytes of one plane, and of each of the ten threshold rows. */
  int planeBytes() {
    return chunks * vbytes;
  }

  void emit(Asm a) {
    int pb = planeBytes();
    a.op("li", "r3, " + input, "chunk c of plane n is at input + n * " + pb + " + c * " + vbytes);
    a.op("li", "r5, " + prefix + "_rows", "threshold planes, then mask, then inversion");
    a.op("li", "r7, " + outputSymbol);
    a.op("li", "r2, " + chunks);
    a.label(prefix + "_chunk");
    a.op("vclr", "v0");
    a.op("vnot", "v0, v0", "ge = 1: no bits compared yet");
    for (int n = 0; n < 8; n++) {
      a.op("vld", "v1, amem[r3 + " + n * pb + "]", "x, plane " + n);
      a.op("vld", "v2, wmem[r5 + " + n * pb + "]", "NOT t, plane " + n);
      a.op("vand", "v3, v1, v0");
      a.op("vor", "v1, v1, v0");
      a.op("vand", "v1, v1, v2");
      a.op("vor", "v0, v3, v1");
    }
    a.op("vld", "v2, wmem[r5 + " + 8 * pb + "]", "1 where the threshold is below 256");
    a.op("vand", "v0, v0, v2");
    a.op("vld", "v2, wmem[r5 + " + 9 * pb + "]", "1 where the rule is reversed");
    a.op("vxor", "v0, v0, v2");
    a.op("vst", "v0, amem[r7]+");
    a.op("addi", "r3, r3, " + vbytes);
    a.op("addi", "r5, r5, " + vbytes);
    a.op("loop", "r2, " + prefix + "_chunk");
  }
}
