package org.signum.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.signum.asm.ObjectFile.DataSection;

/**
 * The data placed in each memory, as ranges in source order. A range with no bytes was reserved by
 * {@code .space} or {@code .align} and stays zero, as every memory is at reset, so it costs nothing
 * in the object file; it still counts as placed when ranges are checked for overlap.
 */
final class DataImage {
  /** Initialized data an assembly may hold, so that a few lines cannot exhaust memory. */
  static final long MAX_INITIALIZED_BYTES = 64L << 20;

  /**
   * One placement.
   *
   * @param bytes the contents, or null for zeros
   * @param seq the sequence number of the statement, to tell which of two overlapping came later
   */
  record Range(Section section, long start, long length, byte[] bytes, Where where, int seq) {
    long end() {
      return start + length;
    }
  }

  private final List<Range> ranges = new ArrayList<>();
  private long initialized;

  /** Whether {@code length} more initialized bytes fit the limit; if so they are counted. */
  boolean allowInitialized(long length) {
    if (length > MAX_INITIALIZED_BYTES - initialized) {
      return false;
    }
    initialized += length;
    return true;
  }

  void add(Range r) {
    if (r.length() > 0) {
      ranges.add(r);
    }
  }

  /** Reports every byte placed twice, at the later of the two statements. */
  void checkOverlaps(Diagnostics diagnostics) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparing(Range::section).thenComparingLong(Range::start));
    Range reach = null;
    for (Range r : sorted) {
      if (reach != null && reach.section() == r.section() && r.start() < reach.end()) {
        Range later = r.seq() > reach.seq() ? r : reach;
        Range earlier = later == r ? reach : r;
        diagnostics.error(
            later.where(),
            r.section().sectionName()
                + " address "
                + r.start()
                + " is already filled by "
                + earlier.where().lineReference(later.where().site().file())
                + "; each byte can be placed only once");
      }
      if (reach == null || reach.section() != r.section() || r.end() > reach.end()) {
        reach = r;
      }
    }
  }

  /** Initialized data as contiguous runs, by memory and address. */
  List<DataSection> sections() {
    List<Range> sorted = new ArrayList<>();
    for (Range r : ranges) {
      if (r.bytes() != null) {
        sorted.add(r);
      }
    }
    sorted.sort(Comparator.comparing(Range::section).thenComparingLong(Range::start));
    List<DataSection> out = new ArrayList<>();
    int i = 0;
    while (i < sorted.size()) {
      Range first = sorted.get(i);
      ByteArrayOutputStream run = new ByteArrayOutputStream();
      run.writeBytes(first.bytes());
      long end = first.end();
      int j = i + 1;
      while (j < sorted.size()
          && sorted.get(j).section() == first.section()
          && sorted.get(j).start() == end) {
        run.writeBytes(sorted.get(j).bytes());
        end = sorted.get(j).end();
        j++;
      }
      out.add(new DataSection(first.section().memory(), (int) first.start(), run.toByteArray()));
      i = j;
    }
    return out;
  }
}
