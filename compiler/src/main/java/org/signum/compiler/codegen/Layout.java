package org.signum.compiler.codegen;

import java.util.ArrayList;
import java.util.List;
import org.signum.compiler.CompileException;
import org.signum.compiler.CompileOptions.WeightPlacement;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/**
 * The memory budget of a program: bytes wanted in each memory, checked against the machine, and the
 * choice between resident and streamed weights with the tile size that streaming uses.
 */
final class Layout {
  private final MachineDescription machine;
  private final long[] used = new long[MemorySpace.values().length];
  private final List<String> contents = new ArrayList<>();
  private long tileBuffer;

  Layout(MachineDescription machine) {
    this.machine = machine;
  }

  /** Books {@code bytes} of {@code memory} for {@code what}. */
  void reserve(MemorySpace memory, long bytes, String what) {
    used[memory.ordinal()] += bytes;
    contents.add(memory.assemblyName() + ": " + what + " " + bytes + " bytes");
  }

  /** The size of each weight tile buffer; 0 when weights are resident. */
  long tileBuffer() {
    return tileBuffer;
  }

  void tileBuffer(long bytes) {
    tileBuffer = bytes;
  }

  long used(MemorySpace memory) {
    return used[memory.ordinal()];
  }

  /** Refuses a program that overflows a memory, listing what it holds. */
  void check() throws CompileException {
    for (MemorySpace m : MemorySpace.values()) {
      long have = machine.memoryBytes(m);
      if (used[m.ordinal()] > have) {
        StringBuilder list = new StringBuilder();
        for (String c : contents) {
          if (c.startsWith(m.assemblyName() + ":")) {
            list.append("\n  ").append(c.substring(m.assemblyName().length() + 2));
          }
        }
        throw new CompileException(
            "the program needs "
                + used[m.ordinal()]
                + " bytes of "
                + m.assemblyName()
                + ", machine '"
                + machine.name()
                + "' has "
                + have
                + ":"
                + list);
      }
    }
  }

  /**
   * Whether weights stream from DRAM: as asked, or under {@code AUTO} when {@code weightBytes} plus
   * what wmem already holds exceeds wmem.
   */
  boolean streamed(WeightPlacement placement, long weightBytes) {
    return switch (placement) {
      case RESIDENT -> false;
      case STREAMED -> true;
      case AUTO -> used(MemorySpace.WMEM) + weightBytes > machine.memoryBytes(MemorySpace.WMEM);
    };
  }

  /** The size of each of the two tile buffers: half of wmem's free bytes, in whole words. */
  long tileBufferBytes() {
    long free = machine.memoryBytes(MemorySpace.WMEM) - used(MemorySpace.WMEM);
    return Math.max(0, free / 2 / 8 * 8);
  }
}
