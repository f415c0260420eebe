package org.signum.asm;

import org.signum.isa.MachineDescription;

/**
 * The current section and each section's location counter, and the claiming of instruction indices
 * and data bytes against the machine's memory sizes.
 */
final class Layout {
  private final MachineDescription machine;
  private final Diagnostics diagnostics;
  private final CodeBuffer code;
  private Section section = Section.TEXT;
  private final long[] location = new long[Section.values().length];
  // One message per overflow: every later statement of the section would overflow as well.
  private final boolean[] overflowReported = new boolean[Section.values().length];

  Layout(MachineDescription machine, Diagnostics diagnostics, CodeBuffer code) {
    this.machine = machine;
    this.diagnostics = diagnostics;
    this.code = code;
  }

  Section section() {
    return section;
  }

  void setSection(Section s) {
    section = s;
  }

  /** The current section's location counter. */
  long location() {
    return location[section.ordinal()];
  }

  /** Moves the current section's location counter, as {@code .org} does. */
  void setLocation(long value) {
    location[section.ordinal()] = value;
    overflowReported[section.ordinal()] = false;
  }

  /**
   * Claims the next instruction index for the statement at {@code where}; returns it, or -1 after
   * reporting why it cannot be used.
   */
  int claimCode(Where where) {
    int t = Section.TEXT.ordinal();
    long index = location[t]++;
    long capacity = machine.imemWords();
    if (index >= capacity) {
      if (!overflowReported[t]) {
        overflowReported[t] = true;
        diagnostics.error(
            where,
            "instruction index "
                + index
                + " is beyond the instruction memory, which holds "
                + capacity
                + " instructions (imem_words)");
      }
      return -1;
    }
    Where owner = code.owner((int) index);
    if (owner != null) {
      diagnostics.error(
          where,
          "instruction index "
              + index
              + " is already filled by "
              + owner.lineReference(where.site().file())
              + "; each index can be filled only once");
      return -1;
    }
    code.claim((int) index, where);
    return (int) index;
  }

  /**
   * Claims {@code length} bytes at the current data location for {@code what}; returns their
   * address, or -1 after reporting that they do not fit the memory.
   */
  long claimData(long length, Where where, String what) {
    int i = section.ordinal();
    long start = location[i];
    long capacity = section.capacity(machine);
    if (length <= capacity - start) {
      location[i] = start + length;
      return start;
    }
    location[i] = Math.max(start, capacity);
    if (!overflowReported[i]) {
      overflowReported[i] = true;
      String mem = section.sectionName();
      String key = section.sizeParameter().key();
      diagnostics.error(
          where,
          capacity == 0
              ? "the machine has no " + mem + " (" + key + " = 0)"
              : what
                  + " at "
                  + mem
                  + " address "
                  + start
                  + " does not fit: "
                  + mem
                  + " has "
                  + capacity
                  + " bytes ("
                  + key
                  + ")");
    }
    return -1;
  }
}
