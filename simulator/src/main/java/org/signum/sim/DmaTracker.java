package org.signum.sim;

import java.util.Arrays;

/**
 * The byte ranges that DMA transfers issued since the last {@code dwait} still read or write. A
 * transfer's copy is applied at issue, so the values a program sees never depend on timing; this
 * record lets the simulator trap every access that real hardware would race with: reading or
 * writing bytes an unfinished transfer writes, and writing bytes it reads. Reading bytes a transfer
 * only reads is no race and is allowed.
 *
 * <p>Each transfer leaves two regions, its on-chip side and its DRAM side, so a later transfer that
 * races with an earlier one on either side is caught too.
 */
final class DmaTracker {
  private int count;
  private int[] memory = new int[8];
  private long[] start = new long[8];
  private long[] end = new long[8];
  private boolean[] writes = new boolean[8];
  private int[] issuedAt = new int[8];

  /** Whether any transfer is in flight; the fast path checks nothing else when none is. */
  boolean active() {
    return count != 0;
  }

  /** Forgets every transfer: {@code dwait}. */
  void clear() {
    count = 0;
  }

  /**
   * Records that the transfer issued at {@code pc} reads or writes {@code [from, to)} of memory.
   */
  void add(int memoryOrdinal, long from, long to, boolean write, int pc) {
    if (count == memory.length) {
      int n = count * 2;
      memory = Arrays.copyOf(memory, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
      writes = Arrays.copyOf(writes, n);
      issuedAt = Arrays.copyOf(issuedAt, n);
    }
    memory[count] = memoryOrdinal;
    start[count] = from;
    end[count] = to;
    writes[count] = write;
    issuedAt[count] = pc;
    count++;
  }

  /** Whether an access to {@code [from, to)} of the memory races with a transfer in flight. */
  boolean conflicts(int memoryOrdinal, long from, long to, boolean write) {
    return conflict(memoryOrdinal, from, to, write) >= 0;
  }

  /** The index of the first region the access races with, or -1. */
  int conflict(int memoryOrdinal, long from, long to, boolean write) {
    for (int k = 0; k < count; k++) {
      if (memory[k] == memoryOrdinal && from < end[k] && start[k] < to && (write || writes[k])) {
        return k;
      }
    }
    return -1;
  }

  /** Whether region {@code k} is written by its transfer (rather than read). */
  boolean writes(int k) {
    return writes[k];
  }

  /** The pc of the {@code dma.ld} or {@code dma.st} that left region {@code k}. */
  int issuedAt(int k) {
    return issuedAt[k];
  }
}
