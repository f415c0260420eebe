package org.signum.sim;

import java.util.function.IntFunction;
import org.signum.isa.Instruction;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;

/**
 * The traced loop: runs the same {@link Core} one instruction at a time and describes each
 * completed one. Which registers an instruction writes comes from its operand names in the ISA
 * table ({@code rd}, {@code rc}, {@code vd}, {@code ad}, and a post-incremented base); the memory
 * it touches is worked out from the registers before it runs.
 */
final class Tracer {
  private final Core core;
  private final IntFunction<String> sources;
  private final TraceWriter out;
  private final Timer timer;
  private long address;
  private long dramAddress;
  private long length;

  /** {@code timer} times each completed instruction too; null when timing is off. */
  Tracer(Core core, IntFunction<String> sources, TraceWriter out, Timer timer) {
    this.core = core;
    this.sources = sources;
    this.out = out;
    this.timer = timer;
  }

  /** Like {@link Core#execute}, writing one trace line per completed instruction. */
  int execute(long limit) {
    for (long n = 0; n < limit; n++) {
      int pc = core.pc;
      Instruction ins = pc < core.program.length ? core.program.instruction(pc) : null;
      if (ins == null) {
        return core.execute(1);
      }
      long step = core.steps;
      snapshotOperands(ins);
      long dma = timer == null ? 0 : timer.dmaLength(pc);
      int stop = core.execute(1);
      if (stop == Core.STOP_TRAP) {
        return stop;
      }
      if (timer != null) {
        timer.retire(pc, dma);
      }
      out.begin(step, pc, core.program.text(pc), sources.apply(pc));
      writes(ins);
      accesses(ins);
      out.end();
      if (stop == Core.STOP_HALT) {
        return stop;
      }
    }
    return Core.STOP_LIMIT;
  }

  /** Effective address, DRAM address and length as the instruction sees them, before it runs. */
  private void snapshotOperands(Instruction ins) {
    if (ins.opcode().operands().stream().anyMatch(o -> o.kind().isMemory())) {
      address = core.r[ins.b()] + ins.imm();
    }
    if (ins.opcode() == Opcode.DMA_LD || ins.opcode() == Opcode.DMA_ST) {
      dramAddress = core.r[ins.c()];
      length = core.r[ins.d()];
    }
  }

  private void writes(Instruction ins) {
    int written = -1;
    for (Operand o : ins.opcode().operands()) {
      switch (o.name()) {
        case "rd", "rc" -> {
          int i = ins.register(o.field());
          if (i != 0) {
            out.write("r" + i, core.r[i]);
            written = i;
          }
        }
        case "vd" -> {
          int i = ins.register(o.field());
          out.writeVector("v" + i, core.v, i * core.vectorWords, core.vectorWords);
        }
        case "ad" -> {
          int i = ins.register(o.field());
          out.write("a" + i, core.acc[i]);
        }
        default -> {
          if (o.kind().isMemory() && ins.postIncrement() && ins.b() != 0 && ins.b() != written) {
            out.write("r" + ins.b(), core.r[ins.b()]);
          }
        }
      }
    }
  }

  private void accesses(Instruction ins) {
    Opcode op = ins.opcode();
    switch (op) {
      case LW, THR, THR_R -> out.access(memory(ins), address, 4, false);
      case SW, STA -> out.access(memory(ins), address, 4, true);
      case VLD -> out.access(memory(ins), address, core.rowBytes, false);
      case VST -> out.access(memory(ins), address, core.rowBytes, true);
      case DMA_LD, DMA_ST -> {
        if (length > 0) {
          boolean load = op == Opcode.DMA_LD;
          String m = memory(ins);
          String dram = MemorySpace.DRAM.assemblyName();
          out.access(load ? dram : m, load ? dramAddress : address, length, false);
          out.access(load ? m : dram, load ? address : dramAddress, length, true);
        }
      }
      default -> {}
    }
  }

  private static String memory(Instruction ins) {
    return ins.memory().assemblyName();
  }
}
