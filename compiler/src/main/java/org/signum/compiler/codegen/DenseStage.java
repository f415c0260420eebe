package org.signum.compiler.codegen;

import java.util.List;
import org.signum.compiler.CompileException;
import org.signum.compiler.ir.BinaryDense;
import org.signum.compiler.ir.IntegerValues;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.ScoreTable;
import org.signum.compiler.ir.Scores;
import org.signum.compiler.ir.Threshold;
import org.signum.compiler.ir.ThresholdRule;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/** A dense layer with the threshold or scores that read it. */
final class DenseStage implements Stage {
  private final MachineDescription machine;
  private final int index;
  private final BinaryDense dense;
  private final Layer next;
  private final boolean uint8;
  private final String prefix;
  private final DenseKernel kernel;
  private final long[] thresholds;
  private long dramBytes;
  private MemorySpace tableMemory = MemorySpace.TMEM;

  DenseStage(
      MachineDescription machine, Network net, int index, String input, boolean uint8, String out)
      throws CompileException {
    this.machine = machine;
    this.index = index;
    this.dense = (BinaryDense) net.layer(index);
    this.next = net.layer(index + 1);
    this.uint8 = uint8;
    this.prefix = "l" + index;
    DenseKernel.Output output =
        next instanceof Threshold
            ? DenseKernel.Output.THRESHOLD
            : ((Scores) next).table().isPresent()
                ? DenseKernel.Output.SCORE_TABLE
                : DenseKernel.Output.SCORES;
    this.kernel =
        new DenseKernel(
            prefix,
            machine.vectorWidth(),
            machine.vectorRegisters(),
            machine.accumulators(),
            dense.inputs(),
            dense.outputs(),
            uint8,
            input,
            output,
            out,
            prefix + (output == DenseKernel.Output.THRESHOLD ? "_t" : "_table"));
    IntegerValues values = IntegerValues.of(net, index);
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int j = 0; j < dense.outputs(); j++) {
      lo = Math.min(lo, values.low(j));
      hi = Math.max(hi, values.high(j));
    }
    if (next instanceof Threshold t) {
      // The accumulator holds p in 0..N for bipolar inputs, the sum itself for bytes.
      if (!uint8) {
        lo = 0;
        hi = dense.inputs();
      }
      this.thresholds = thresholds(t, values);
      requireFits(lo, hi);
    } else {
      this.thresholds = null;
      Scores sc = (Scores) next;
      if (sc.table().isEmpty()) {
        requireFits(lo, hi);
      } else {
        ScoreTable t = sc.table().get();
        // k = (v - low) / step, computed from the accumulator (p, or the sum).
        long shift =
            uint8
                ? -t.low()
                : t.step() == 2 ? (-dense.inputs() - t.low()) / 2 : -dense.inputs() - t.low();
        kernel.tableIndex(shift, t.step(), t.count());
        requireFits(0, t.count() - 1);
      }
    }
  }

  private long[] thresholds(Threshold t, IntegerValues values) {
    long[] out = new long[dense.outputs()];
    for (int j = 0; j < out.length; j++) {
      ThresholdRule r = t.rules().get(j);
      long lo = uint8 ? values.low(j) : 0;
      long hi = uint8 ? values.high(j) : dense.inputs();
      if (!uint8 && t.operand() != Threshold.Operand.POPCOUNT) {
        throw new IllegalStateException(
            "'"
                + t.name()
                + "' compares dot products; the "
                + "pipeline converts thresholds after bipolar dense layers to popcounts");
      }
      out[j] =
          switch (r.kind()) {
            case AT_LEAST -> Math.max(lo, Math.min(hi + 1, r.threshold()));
            case ALWAYS -> lo;
            case NEVER -> hi + 1;
            case BELOW ->
                throw new IllegalStateException(
                    "'"
                        + t.name()
                        + "' channel "
                        + j
                        + " is reversed; the pipeline flips reversed neurons");
          };
    }
    return out;
  }

  private void requireFits(long lo, long hi) throws CompileException {
    int aw = machine.accumulatorWidth();
    long min = -(1L << (aw - 1));
    long max = (1L << (aw - 1)) - 1;
    // A threshold of hi + 1 (never fires) must also be a 32-bit word.
    if (lo >= min && hi <= max && hi < Integer.MAX_VALUE) {
      return;
    }
    long reach = Math.max(Math.abs(lo), Math.abs(hi));
    int need = 64 - Long.numberOfLeadingZeros(reach) + 1;
    throw new CompileException(
        "layer "
            + index
            + " '"
            + dense.name()
            + "' (dense): its "
            + "accumulator takes values in "
            + lo
            + ".."
            + hi
            + ", beyond the "
            + aw
            + "-bit "
            + "accumulators of machine '"
            + machine.name()
            + "' ("
            + min
            + ".."
            + max
            + "); "
            + "a machine with accumulator_width >= "
            + need
            + " fits it");
  }

  @Override
  public List<String> layers() {
    return List.of(dense.name(), next.name());
  }

  @Override
  public void code(Asm a) {
    String what =
        next instanceof Threshold
            ? "threshold '" + next.name() + "' on " + (uint8 ? "the sum" : "the popcount p")
            : "scores '"
                + next.name()
                + "'"
                + (((Scores) next).table().isPresent() ? " looked up in a rank table" : "");
    a.comment(
        "---- layer "
            + index
            + " '"
            + dense.name()
            + "': dense "
            + dense.inputs()
            + " -> "
            + dense.outputs()
            + (uint8 ? " on 8-bit bit-planes" : "")
            + ", then "
            + what
            + " ----");
    kernel.emit(a);
  }

  @Override
  public void data(Sections s) {
    Asm w = dramBytes > 0 ? s.dram : s.wmem;
    w.label(prefix + "_w");
    for (int j = 0; j < dense.outputs(); j++) {
      boolean[] row = new boolean[dense.inputs()];
      for (int c = 0; c < row.length; c++) {
        row[c] = dense.weights().isPlus(j, c);
      }
      w.directive(
          ".rowx",
          "\"" + Rows.hex(row, true) + "\", 1",
          j == 0
              ? "layer '"
                  + dense.name()
                  + "': "
                  + dense.outputs()
                  + " rows of "
                  + dense.inputs()
                  + " weights, padding 1"
              : null);
    }
    long written = (long) kernel.rowBytes() * dense.outputs();
    if (dramBytes > written) {
      w.directive(".space", String.valueOf(dramBytes - written), "to a whole number of tiles");
    }
    if (thresholds != null) {
      s.tmem.label(prefix + "_t");
      Asm.words(
          s.tmem,
          thresholds,
          "layer '" + next.name() + "': fires iff " + (uint8 ? "the sum" : "p") + " >= T");
    } else if (((Scores) next).table().isPresent()) {
      ScoreTable t = ((Scores) next).table().get();
      Asm target = tableMemory == MemorySpace.AMEM ? s.amem : s.tmem;
      target.label(prefix + "_table");
      for (int c = 0; c < t.classes(); c++) {
        long[] row = new long[t.count()];
        for (int k = 0; k < row.length; k++) {
          row[k] = t.get(c, k);
        }
        Asm.words(
            target,
            row,
            "class " + c + ": rank of its score at value " + t.low() + " + " + t.step() + " k");
      }
    }
  }

  /** Places the score table in {@code memory} (tmem unless it is full). */
  void tableIn(MemorySpace memory) {
    this.tableMemory = memory;
    kernel.tableIn(memory);
  }

  BinaryDense dense() {
    return dense;
  }

  DenseKernel kernel() {
    return kernel;
  }

  String prefix() {
    return prefix;
  }

  /** Weights in DRAM padded to whole tiles: this many bytes. */
  void dramBytes(long bytes) {
    dramBytes = bytes;
  }
}
