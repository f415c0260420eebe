package org.signum.sim;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.signum.isa.InsnClass;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;

/**
 * An immutable snapshot of the simulator's event counters, named so that an energy model can price
 * each one. Every counter counts completed instructions only: an instruction that traps adds
 * nothing except one fetched word. {@code docs/simulator.md} defines each counter.
 */
public final class Counters {
  private final long steps;
  private final long wordsFetched;
  private final Map<Opcode, Long> byOpcode;
  private final Map<InsnClass, Long> byClass;
  private final Map<MemorySpace, Long> bitsRead;
  private final Map<MemorySpace, Long> bitsWritten;
  private final Map<MemorySpace, Long> dmaBytesIn;
  private final Map<MemorySpace, Long> dmaBytesOut;
  private final long popcountBitOps;
  private final long vectorBitOps;

  private Counters(Core core) {
    int vw = core.vectorWidth;
    steps = core.steps;
    wordsFetched = core.steps + core.trappedFetches;
    Map<Opcode, Long> ops = new EnumMap<>(Opcode.class);
    Map<InsnClass, Long> classes = new EnumMap<>(InsnClass.class);
    Map<MemorySpace, Long> read = new EnumMap<>(MemorySpace.class);
    Map<MemorySpace, Long> written = new EnumMap<>(MemorySpace.class);
    Map<MemorySpace, Long> in = new EnumMap<>(MemorySpace.class);
    Map<MemorySpace, Long> out = new EnumMap<>(MemorySpace.class);
    for (InsnClass c : InsnClass.values()) {
      classes.put(c, 0L);
    }
    for (MemorySpace m : MemorySpace.values()) {
      read.put(m, 0L);
      written.put(m, 0L);
      if (m.onChip()) {
        in.put(m, core.dmaBytesIn[m.ordinal()]);
        out.put(m, core.dmaBytesOut[m.ordinal()]);
      }
    }
    long popcount = 0;
    long vector = 0;
    for (Opcode op : Opcode.values()) {
      long total = 0;
      for (MemorySpace m : MemorySpace.values()) {
        if (!m.onChip()) {
          continue;
        }
        long n = core.slotCounts[op.code() << 2 | m.ordinal()];
        total += n;
        long bits = (long) accessBits(op, vw) * n;
        if (isStore(op)) {
          written.merge(m, bits, Long::sum);
        } else {
          read.merge(m, bits, Long::sum);
        }
      }
      ops.put(op, total);
      classes.merge(op.insnClass(), total, Long::sum);
      if (op.insnClass() == InsnClass.POPCOUNT) {
        popcount += total * vw;
      } else if (op.insnClass() == InsnClass.VECTOR_ALU) {
        vector += total * vw;
      }
    }
    byOpcode = Collections.unmodifiableMap(ops);
    byClass = Collections.unmodifiableMap(classes);
    bitsRead = Collections.unmodifiableMap(read);
    bitsWritten = Collections.unmodifiableMap(written);
    dmaBytesIn = Collections.unmodifiableMap(in);
    dmaBytesOut = Collections.unmodifiableMap(out);
    popcountBitOps = popcount;
    vectorBitOps = vector;
  }

  static Counters of(Core core) {
    return new Counters(core);
  }

  /** Bits one execution of {@code op} moves between a register and on-chip memory; 0 for others. */
  private static int accessBits(Opcode op, int vectorWidth) {
    return switch (op) {
      case LW, SW, THR, THR_R, STA -> 32;
      case VLD, VST -> vectorWidth;
      default -> 0;
    };
  }

  private static boolean isStore(Opcode op) {
    return op == Opcode.SW || op == Opcode.VST || op == Opcode.STA;
  }

  /** Instructions completed since reset. */
  public long steps() {
    return steps;
  }

  /**
   * Instruction words read from instruction memory: every completed instruction plus one that
   * trapped after its fetch.
   */
  public long wordsFetched() {
    return wordsFetched;
  }

  /** Completed executions of {@code op}. */
  public long executed(Opcode op) {
    return byOpcode.get(op);
  }

  /** Completed executions of instructions of class {@code c}. */
  public long executed(InsnClass c) {
    return byClass.get(c);
  }

  /**
   * Bits instructions read from {@code m}: {@code lw}, {@code thr} and {@code thr.r} read 32,
   * {@code vld} reads the vector width. DMA traffic is counted apart; DRAM, reached only by DMA,
   * reads 0.
   */
  public long bitsRead(MemorySpace m) {
    return bitsRead.get(m);
  }

  /**
   * Bits instructions wrote to {@code m}: {@code sw} and {@code sta} write 32, {@code vst} the
   * vector width.
   */
  public long bitsWritten(MemorySpace m) {
    return bitsWritten.get(m);
  }

  /** Bytes DMA copied from DRAM into on-chip memory {@code m} ({@code dma.ld}). */
  public long dmaBytesIn(MemorySpace m) {
    return onChip(dmaBytesIn, m);
  }

  /** Bytes DMA copied from on-chip memory {@code m} to DRAM ({@code dma.st}). */
  public long dmaBytesOut(MemorySpace m) {
    return onChip(dmaBytesOut, m);
  }

  /** Bytes DMA read from DRAM: the sum of {@link #dmaBytesIn} over the on-chip memories. */
  public long dramBytesRead() {
    return dmaBytesIn.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes DMA wrote to DRAM: the sum of {@link #dmaBytesOut} over the on-chip memories. */
  public long dramBytesWritten() {
    return dmaBytesOut.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * One-bit operations of the popcount units: the vector width per {@code popacc}, {@code xpopacc}
   * or {@code apopacc}.
   */
  public long popcountBitOps() {
    return popcountBitOps;
  }

  /** One-bit operations of the vector ALU: the vector width per vector ALU instruction. */
  public long vectorBitOps() {
    return vectorBitOps;
  }

  private static long onChip(Map<MemorySpace, Long> map, MemorySpace m) {
    Long n = map.get(m);
    if (n == null) {
      throw new IllegalArgumentException(
          m.assemblyName()
              + " is not an on-chip memory; DMA traffic is counted per on-chip memory");
    }
    return n;
  }

  /**
   * Every counter under its stable name, in a fixed order: {@code steps}, {@code
   * imem.words_fetched}, {@code insn.MNEMONIC}, {@code class.CLASS}, {@code MEM.bits_read}, {@code
   * MEM.bits_written}, {@code dma.MEM.bytes_in}, {@code dma.MEM.bytes_out}, {@code
   * dram.bytes_read}, {@code dram.bytes_written}, {@code popcount.bit_ops}, {@code vector.bit_ops}.
   */
  public Map<String, Long> asMap() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("steps", steps);
    m.put("imem.words_fetched", wordsFetched);
    for (Opcode op : Opcode.values()) {
      m.put("insn." + op.mnemonic(), byOpcode.get(op));
    }
    for (InsnClass c : InsnClass.values()) {
      m.put("class." + c.name().toLowerCase(), byClass.get(c));
    }
    for (MemorySpace s : MemorySpace.values()) {
      if (s.onChip()) {
        m.put(s.assemblyName() + ".bits_read", bitsRead.get(s));
        m.put(s.assemblyName() + ".bits_written", bitsWritten.get(s));
      }
    }
    for (MemorySpace s : MemorySpace.values()) {
      if (s.onChip()) {
        m.put("dma." + s.assemblyName() + ".bytes_in", dmaBytesIn.get(s));
        m.put("dma." + s.assemblyName() + ".bytes_out", dmaBytesOut.get(s));
      }
    }
    m.put("dram.bytes_read", dramBytesRead());
    m.put("dram.bytes_written", dramBytesWritten());
    m.put("popcount.bit_ops", popcountBitOps);
    m.put("vector.bit_ops", vectorBitOps);
    return Collections.unmodifiableMap(m);
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
