package org.signum.asm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.isa.Instruction;
import org.signum.isa.Opcode;

/**
 * Instruction words by index. Each index is claimed once by the statement that fills it; indices
 * skipped by {@code .org} become {@code nop}, attributed to that {@code .org}.
 */
final class CodeBuffer {
  private static final long NOP = Instruction.of(Opcode.NOP).encode();

  private long[] words = new long[64];
  private Where[] owners = new Where[64];
  private int length;
  private final List<Gap> gaps = new ArrayList<>();

  private record Gap(long from, long to, Where where) {}

  /** The statement that claimed {@code index}, or null. */
  Where owner(int index) {
    return index < length ? owners[index] : null;
  }

  void claim(int index, Where where) {
    if (index >= words.length) {
      int size = Math.max(index + 1, words.length * 2);
      words = Arrays.copyOf(words, size);
      owners = Arrays.copyOf(owners, size);
    }
    owners[index] = where;
    length = Math.max(length, index + 1);
  }

  void set(int index, long word) {
    words[index] = word;
  }

  /** Records that {@code .org} at {@code where} skipped indices {@code from} to {@code to - 1}. */
  void skip(long from, long to, Where where) {
    gaps.add(new Gap(from, to, where));
  }

  int length() {
    return length;
  }

  long[] words() {
    long[] out = Arrays.copyOf(words, length);
    for (int i = 0; i < length; i++) {
      if (owners[i] == null) {
        out[i] = NOP;
      }
    }
    return out;
  }

  /** The line table; {@code fileIndex} numbers the files. */
  List<LineEntry> lines(ToIntFunction<SourceFile> fileIndex) {
    LineEntry[] entries = new LineEntry[length];
    for (Gap g : gaps) {
      LineEntry e = entry(g.where, fileIndex);
      for (long i = g.from; i < Math.min(g.to, length); i++) {
        entries[(int) i] = e;
      }
    }
    for (int i = 0; i < length; i++) {
      if (owners[i] != null) {
        entries[i] = entry(owners[i], fileIndex);
      }
    }
    return Arrays.asList(entries);
  }

  private static LineEntry entry(Where w, ToIntFunction<SourceFile> fileIndex) {
    Where s = w.site();
    return new LineEntry(fileIndex.applyAsInt(s.file()), s.line(), s.column());
  }
}
