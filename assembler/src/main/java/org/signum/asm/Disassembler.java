package org.signum.asm;

import static org.signum.asm.CodeLabels.printable;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.DecodeException;
import org.signum.isa.Instruction;
import org.signum.isa.MachineParameter;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/**
 * Turns an object file back into text: {@link #disassemble} into assembly source that reassembles,
 * with the same machine, to the same code, data and entry; {@link #listing} into a table for people
 * reading a program.
 *
 * <p>Instruction text comes from {@link Instruction#render}, the same table the assembler parses,
 * so printer and parser cannot disagree. A word that would not reassemble to itself is printed as
 * {@code .inst} with the reason in a comment: one that does not decode, one naming a register the
 * recorded machine lacks, and a branch whose target lies outside the code (no label can name it).
 */
public final class Disassembler {
  private static final String INDENT = "        ";
  private static final int DWORDS_PER_LINE = 4;
  private static final int BYTES_PER_LINE = 8;

  private Disassembler() {}

  /** Complete assembly source for {@code f}. */
  public static String disassemble(ObjectFile f) {
    Program p = new Program(f);
    StringBuilder s = new StringBuilder();
    s.append("; Signum disassembly. Assemble with a machine that has these parameters:\n");
    for (Map.Entry<String, Long> e : f.machine().entrySet()) {
      s.append(";   ")
          .append(printable(e.getKey()))
          .append(" = ")
          .append(e.getValue())
          .append('\n');
    }
    for (Symbol sym : f.symbols()) {
      if (sym.kind() != SymbolKind.CODE) {
        s.append("; symbol ")
            .append(printable(sym.name()))
            .append(": ")
            .append(sym.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append(' ')
            .append(sym.value())
            .append('\n');
      }
    }
    s.append('\n').append(INDENT).append(".text\n");
    int n = f.code().length;
    for (int pc = 0; pc <= n; pc++) {
      for (String line : p.labels.linesAt(pc)) {
        s.append(line).append('\n');
      }
      if (pc < n) {
        s.append(INDENT).append(p.text(pc)).append('\n');
      }
    }
    if (n > 0) {
      String entry = p.labels.name(f.entry());
      s.append(INDENT)
          .append(".entry ")
          .append(entry != null ? entry : Integer.toString(f.entry()))
          .append('\n');
    }
    for (DataSection d : f.data()) {
      appendData(s, d);
    }
    return s.toString();
  }

  /**
   * A listing: for each instruction its index, word in hex, source {@code file:line} and text, with
   * label lines between; then the entry and a summary of the data sections.
   */
  public static String listing(ObjectFile f) {
    Program p = new Program(f);
    int n = f.code().length;
    int pcWidth = Math.max(2, Integer.toString(Math.max(n - 1, 0)).length());
    int sourceWidth = "source".length();
    for (int pc = 0; pc < n; pc++) {
      sourceWidth = Math.max(sourceWidth, source(f, pc).length());
    }
    String row = "%" + pcWidth + "s  %-18s  %-" + sourceWidth + "s  %s";
    StringBuilder s = new StringBuilder();
    s.append(String.format(row, "pc", "word", "source", "text").stripTrailing()).append('\n');
    for (int pc = 0; pc <= n; pc++) {
      for (String line : p.labels.linesAt(pc)) {
        s.append(line).append('\n');
      }
      if (pc < n) {
        String word = String.format("0x%016x", f.code()[pc]);
        s.append(String.format(row, pc, word, source(f, pc), p.text(pc))).append('\n');
      }
    }
    String entryName = p.labels.name(f.entry());
    s.append("entry ").append(f.entry());
    if (entryName != null) {
      s.append(" (").append(entryName).append(')');
    }
    s.append('\n');
    for (DataSection d : f.data()) {
      long end = (long) d.address() + d.bytes().length;
      s.append(
          String.format(
              "data %s [0x%x, 0x%x) %s bytes\n",
              d.memory().assemblyName(), d.address(), end, d.bytes().length));
    }
    return s.toString();
  }

  private static String source(ObjectFile f, int pc) {
    String where = f.sourceOf(pc);
    return where == null ? "?" : printable(where);
  }

  private static void appendData(StringBuilder s, DataSection d) {
    s.append('\n')
        .append(INDENT)
        .append(".section ")
        .append(d.memory().assemblyName())
        .append('\n');
    s.append(INDENT).append(String.format(".org 0x%x\n", d.address()));
    byte[] b = d.bytes();
    // .dword only at 8-byte-aligned addresses, in case the assembler aligns it; bytes elsewhere.
    int head = Math.min(b.length, (8 - (d.address() & 7)) & 7);
    appendBytes(s, b, 0, head);
    int dwords = (b.length - head) / 8;
    for (int i = 0; i < dwords; i += DWORDS_PER_LINE) {
      s.append(INDENT).append(".dword ");
      for (int k = i; k < Math.min(dwords, i + DWORDS_PER_LINE); k++) {
        long v = ChunkInput.littleEndianLong(b, head + 8 * k);
        s.append(k == i ? "" : ", ").append(String.format("0x%016x", v));
      }
      s.append('\n');
    }
    appendBytes(s, b, head + 8 * dwords, b.length);
  }

  private static void appendBytes(StringBuilder s, byte[] b, int from, int to) {
    for (int i = from; i < to; i += BYTES_PER_LINE) {
      s.append(INDENT).append(".byte ");
      for (int k = i; k < Math.min(to, i + BYTES_PER_LINE); k++) {
        s.append(k == i ? "" : ", ").append(String.format("0x%02x", b[k] & 0xff));
      }
      s.append('\n');
    }
  }

  /** Every word decoded once, with the labels its branches need. */
  private static final class Program {
    private final ObjectFile f;
    private final Instruction[] insns;
    private final String[] problems;
    private final CodeLabels labels;

    Program(ObjectFile f) {
      this.f = f;
      int n = f.code().length;
      insns = new Instruction[n];
      problems = new String[n];
      Set<Integer> targets = new TreeSet<>();
      for (int pc = 0; pc < n; pc++) {
        decode(pc, targets);
      }
      labels = new CodeLabels(f, targets);
    }

    private void decode(int pc, Set<Integer> targets) {
      long word = f.code()[pc];
      Instruction insn;
      try {
        insn = Instruction.decode(word);
      } catch (DecodeException e) {
        problems[pc] = "illegal: " + reason(e, word);
        return;
      }
      String missing = missingRegister(insn);
      if (missing != null) {
        problems[pc] = "illegal: " + missing;
        return;
      }
      for (Operand o : insn.opcode().operands()) {
        if (o.kind() == OperandKind.TARGET) {
          long t = insn.target(pc);
          if (t < 0 || t > f.code().length) {
            problems[pc] = insn.render(pc) + ": target outside the code";
            return;
          }
          targets.add((int) t);
        }
      }
      insns[pc] = insn;
    }

    /** The reason alone, without the word the exception message repeats. */
    private static String reason(DecodeException e, long word) {
      String prefix = String.format("illegal instruction 0x%016x: ", word);
      String m = e.getMessage();
      return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    /** Why {@code insn} names a register the recorded machine lacks, or null. */
    private String missingRegister(Instruction insn) {
      for (Operand o : insn.opcode().operands()) {
        OperandKind kind = o.kind().isMemory() ? OperandKind.SCALAR_REGISTER : o.kind();
        if (!kind.isRegister()) {
          continue;
        }
        MachineParameter count =
            switch (kind) {
              case VECTOR_REGISTER -> MachineParameter.VECTOR_REGISTERS;
              case ACCUMULATOR -> MachineParameter.ACCUMULATORS;
              default -> MachineParameter.SCALAR_REGISTERS;
            };
        Long have = f.machine().get(count.key());
        int index = insn.register(o.field());
        if (have != null && index >= have) {
          return kind.registerPrefix()
              + index
              + ", but the machine has "
              + have
              + " "
              + kind.description()
              + "s ("
              + count.key()
              + ")";
        }
      }
      return null;
    }

    /** The assembly text of instruction {@code pc}. */
    String text(int pc) {
      if (insns[pc] == null) {
        return String.format(".inst 0x%016x ; %s", f.code()[pc], problems[pc]);
      }
      return insns[pc].render(pc, labels::name);
    }
  }
}
