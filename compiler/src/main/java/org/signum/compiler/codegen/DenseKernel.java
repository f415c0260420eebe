package org.signum.compiler.codegen;

import org.signum.isa.MemorySpace;

/**
 * The code of one dense layer and what consumes its sums: a threshold layer writing packed bits, or
 * the network's scores. Registers (see docs/compiler.md): r1 neurons left in the loop, r2 chunks
 * left, r3 input pointer, r4 output bit index, r5 weight pointer, r6 threshold or table pointer, r7
 * output pointer, r8 weight row start, r9 scratch, r10 to r15 weight tiles; v0 weight chunk, v1
 * input chunk (on 8-bit inputs with the row in registers, v0 and v1 alternate as plane chunks), v2
 * output row, v3 and up the bipolar input, or the weight row over 8-bit inputs, when it fits in
 * registers; a0 the neuron's sum, a1 the sum of the 8-bit input, a2 (and a3, alternating, where the
 * machine has it) one bit-plane's count.
 */
final class DenseKernel {
  /** What reads the layer's sums. */
  enum Output {
    THRESHOLD,
    SCORES,
    SCORE_TABLE
  }

  /** Registers v3.. hold the input (bipolar) or the weight row (8-bit inputs) when they fit. */
  static final int FIRST_CACHE_REGISTER = 3;

  private final String prefix;
  private final int vectorWidth;
  private final int vbytes;
  private final int inputs;
  private final int outputs;
  private final boolean uint8;
  private final String input;
  private final int chunks;
  private final int rowBytes;
  private final boolean cached;

  /** On 8-bit inputs: each weight row is loaded once into registers and used by all 8 planes. */
  private final boolean rowCached;

  /** Planes alternate between a2 and a3 when the machine has a3, so no count waits for the last. */
  private final boolean twoPlaneCounts;

  private final Output output;
  private final String outputSymbol;
  private final String parameters;
  private Tiles tiles;
  private long tableShift;
  private int tableStep;
  private int tableCount;
  private MemorySpace tableMemory = MemorySpace.TMEM;

  /** Weight tiles streamed from DRAM. */
  record Tiles(String dramLabel, int rows, int bytes) {}

  /**
   * @param prefix label prefix, unique per layer, e.g. {@code l3}
   * @param input the symbol of the input buffer in amem
   * @param outputSymbol the packed output rows (THRESHOLD) or the scores
   * @param parameters the label of the thresholds (in tmem) or the score table
   */
  DenseKernel(
      String prefix,
      int vectorWidth,
      int vectorRegisters,
      int accumulators,
      int inputs,
      int outputs,
      boolean uint8,
      String input,
      Output output,
      String outputSymbol,
      String parameters) {
    this.prefix = prefix;
    this.vectorWidth = vectorWidth;
    this.vbytes = vectorWidth / 8;
    this.inputs = inputs;
    this.outputs = outputs;
    this.uint8 = uint8;
    this.input = input;
    this.chunks = Rows.chunks(inputs, vectorWidth);
    this.rowBytes = chunks * vbytes;
    this.cached = !uint8 && FIRST_CACHE_REGISTER + chunks <= vectorRegisters;
    this.rowCached = uint8 && FIRST_CACHE_REGISTER + chunks <= vectorRegisters;
    this.twoPlaneCounts = accumulators > 3;
    this.output = output;
    this.outputSymbol = outputSymbol;
    this.parameters = parameters;
  }

  /** Streams the weights from {@code tiles} instead of reading them at {@code prefix_w}. */
  void streamFrom(Tiles t) {
    this.tiles = t;
  }

  /**
   * Scores looked up in a table: the accumulator is moved by {@code shift} and divided by {@code
   * step} (1 or 2) to index {@code count} entries per class.
   */
  void tableIndex(long shift, int step, int count) {
    this.tableShift = shift;
    this.tableStep = step;
    this.tableCount = count;
  }

  /** The memory the score table is read from. */
  void tableIn(MemorySpace memory) {
    this.tableMemory = memory;
  }

  int rowBytes() {
    return rowBytes;
  }

  void emit(Asm a) {
    if (uint8) {
      emitInputSum(a);
    }
    if (output != Output.SCORES) {
      a.op("li", "r6, " + parameters, output == Output.THRESHOLD ? "thresholds" : "score table");
    }
    a.op("li", "r7, " + outputSymbol);
    if (output == Output.THRESHOLD) {
      a.op("li", "r4, 0", "output bit index");
      a.op("vclr", "v2", "output row; bits past the last neuron stay 0");
    }
    if (cached) {
      for (int c = 0; c < chunks; c++) {
        a.op(
            "vld",
            "v" + (FIRST_CACHE_REGISTER + c) + ", amem[" + input + " + " + c * vbytes + "]",
            c == 0 ? "the input stays in registers" : null);
      }
    }
    if (tiles == null) {
      a.op("li", (uint8 ? "r8, " : "r5, ") + prefix + "_w", "weight rows");
      a.op("li", "r1, " + outputs, "neurons");
      emitNeuronLoop(a);
    } else {
      emitTiled(a);
    }
    if (output == Output.THRESHOLD && outputs % vectorWidth != 0) {
      a.op("vst", "v2, amem[r7]+", "the last, partly filled row");
    }
  }

  /** a1 = sum of the 8-bit input = sum over planes n of 2^n popcount(plane n). */
  private void emitInputSum(Asm a) {
    a.op("aclr", "a1", "a1 = sum of all input bytes, from the bit-planes");
    a.op("li", "r3, " + input);
    for (int n = 0; n < 8; n++) {
      a.op("aclr", "a2");
      a.op("li", "r2, " + chunks);
      a.label(prefix + "_sum" + n);
      a.op("vld", "v1, amem[r3]+");
      a.op("popacc", "a2, v1");
      a.op("loop", "r2, " + prefix + "_sum" + n);
      a.op("ashacc", "a1, a2, " + n, "plane " + n + " counts 2^" + n);
    }
  }

  private void emitTiled(Asm a) {
    a.op("li", "r10, " + tiles.dramLabel(), "DRAM address of the next weight tile");
    a.op("li", "r11, wbuf0", "tile in use");
    a.op("li", "r12, wbuf1", "tile being loaded");
    a.op("li", "r13, " + tiles.bytes(), "bytes per tile: " + tiles.rows() + " rows");
    a.op("li", "r14, " + outputs, "neurons not yet in a tile");
    a.op("dma.ld", "wmem[r11 + 0], r10, r13");
    a.op("addi", "r10, r10, " + tiles.bytes());
    a.op("dwait", "");
    a.label(prefix + "_tile");
    a.op("li", "r1, " + tiles.rows(), "neurons in this tile: min(rows, left)");
    a.op("bge", "r14, r1, " + prefix + "_full");
    a.op("mv", "r1, r14");
    a.label(prefix + "_full");
    a.op("sub", "r14, r14, r1");
    a.op("beqz", "r14, " + prefix + "_fetched", "last tile: nothing more to load");
    a.op("dma.ld", "wmem[r12 + 0], r10, r13", "load the next tile while this one is used");
    a.op("addi", "r10, r10, " + tiles.bytes());
    a.label(prefix + "_fetched");
    a.op("mv", (uint8 ? "r8" : "r5") + ", r11");
    emitNeuronLoop(a);
    a.op("dwait", "", "the next tile has arrived");
    a.op("mv", "r15, r11", "swap the buffers");
    a.op("mv", "r11, r12");
    a.op("mv", "r12, r15");
    a.op("bnez", "r14, " + prefix + "_tile");
  }

  private void emitNeuronLoop(Asm a) {
    a.label(prefix + "_neuron");
    if (uint8) {
      emitBitPlanes(a);
    } else {
      emitXnorPopcount(a);
    }
    emitOutput(a);
    a.op("loop", "r1, " + prefix + "_neuron");
  }

  /** a0 = p, the number of positions where the weight row and the input agree. */
  private void emitXnorPopcount(Asm a) {
    a.op("aclr", "a0");
    if (cached) {
      // Each weight chunk is loaded one ahead of its popcount, alternating v0 and v1.
      a.op("vld", "v0, wmem[r5]+");
      for (int c = 0; c < chunks; c++) {
        if (c + 1 < chunks) {
          a.op("vld", "v" + ((c + 1) % 2) + ", wmem[r5]+");
        }
        a.op("xpopacc", "a0, v" + (c % 2) + ", v" + (FIRST_CACHE_REGISTER + c));
      }
      return;
    }
    a.op("li", "r2, " + chunks);
    a.op("li", "r3, " + input);
    a.label(prefix + "_chunk");
    a.op("vld", "v0, wmem[r5]+");
    a.op("vld", "v1, amem[r3]+");
    a.op("xpopacc", "a0, v0, v1", "a0 += popcount(XNOR)");
    a.op("loop", "r2, " + prefix + "_chunk");
  }

  /**
   * a0 = S = sum_i w_i x_i for bytes x_i: per plane n, sum_i x_i^(n) w_i = 2 popcount(x^(n) AND w)
   * - popcount(x^(n)), so S = 2 sum_n 2^n popcount(x^(n) AND w) - sum_i x_i.
   */
  private void emitBitPlanes(Asm a) {
    a.op("aclr", "a0");
    a.op("ashsub", "a0, a1, 0", "a0 = -(sum of input bytes)");
    a.op("li", "r3, " + input, "plane 0; the planes follow each other");
    if (rowCached) {
      emitBitPlanesFromRegisters(a);
      return;
    }
    for (int n = 0; n < 8; n++) {
      a.op("mv", "r5, r8", "plane " + n + ": the weight row again");
      a.op("aclr", "a2");
      a.op("li", "r2, " + chunks);
      a.label(prefix + "_plane" + n);
      a.op("vld", "v0, wmem[r5]+");
      a.op("vld", "v1, amem[r3]+");
      a.op("apopacc", "a2, v0, v1", "a2 += popcount(w AND plane)");
      a.op("loop", "r2, " + prefix + "_plane" + n);
      a.op("ashacc", "a0, a2, " + (n + 1), "a0 += 2 * 2^" + n + " * a2");
    }
    a.op("mv", "r8, r5", "next weight row");
  }

  /**
   * The bit-plane sum with the weight row held in v3.. (loaded once, not once per plane) and the
   * plane's chunks loaded one ahead of their use, alternating v0 and v1, so that no popcount waits
   * for its load.
   */
  private void emitBitPlanesFromRegisters(Asm a) {
    for (int c = 0; c < chunks; c++) {
      a.op(
          "vld",
          "v" + (FIRST_CACHE_REGISTER + c) + ", wmem[r8]+",
          c == 0 ? "the weight row stays in registers for the 8 planes" : null);
    }
    for (int n = 0; n < 8; n++) {
      String count = twoPlaneCounts && n % 2 == 1 ? "a3" : "a2";
      String previous = n % 2 == 1 ? "a2" : "a3";
      a.op("aclr", count, "plane " + n);
      a.op("vld", "v0, amem[r3]+");
      for (int c = 0; c < chunks; c++) {
        if (c + 1 < chunks) {
          a.op("vld", "v" + ((c + 1) % 2) + ", amem[r3]+");
        }
        a.op(
            "apopacc",
            count + ", v" + (FIRST_CACHE_REGISTER + c) + ", v" + (c % 2),
            c == 0 ? count + " += popcount(w AND plane)" : null);
        if (twoPlaneCounts && n > 0 && c == Math.max(0, chunks - 2)) {
          // The previous plane's count is ready by now; adding it here fills the slot where
          // the last popcount of this plane waits for the one before.
          a.op("ashacc", "a0, " + previous + ", " + n, "a0 += 2 * 2^" + (n - 1) + " * " + previous);
        }
      }
      if (!twoPlaneCounts) {
        a.op("ashacc", "a0, a2, " + (n + 1), "a0 += 2 * 2^" + n + " * a2");
      }
    }
    if (twoPlaneCounts) {
      a.op("ashacc", "a0, a3, 8", "a0 += 2 * 2^7 * a3");
    }
  }

  private void emitOutput(Asm a) {
    switch (output) {
      case THRESHOLD -> {
        a.op("thr", "v2, r4, a0, tmem[r6]+", "bit r4 = a0 >= T");
        a.op("addi", "r4, r4, 1");
        if (outputs >= vectorWidth) {
          a.op("andi", "r9, r4, " + (vectorWidth - 1));
          a.op("bnez", "r9, " + prefix + "_same_row", "row not full yet");
          a.op("vst", "v2, amem[r7]+");
          a.op("vclr", "v2");
          a.label(prefix + "_same_row");
        }
      }
      case SCORES -> {
        if (!uint8) {
          a.op("ashacc", "a0, a0, 0", "a0 = 2p");
          a.op("aaddi", "a0, -" + inputs, "score = 2p - N");
        }
        a.op("sta", "a0, amem[r7]+");
      }
      case SCORE_TABLE -> {
        if (!uint8 && tableStep == 1) {
          a.op("ashacc", "a0, a0, 0", "a0 = 2p");
        }
        if (tableShift != 0) {
          a.op("aaddi", "a0, " + tableShift, "index into this class's table");
        }
        a.op("aget", "r9, a0");
        a.op("slli", "r9, r9, 2");
        a.op("add", "r9, r9, r6");
        a.op("lw", "r9, " + tableMemory.assemblyName() + "[r9 + 0]", "the score's rank");
        a.op("sw", "r9, amem[r7]+");
        a.op("addi", "r6, r6, " + 4L * tableCount, "next class's table");
      }
      default -> throw new AssertionError(output);
    }
  }
}
