package org.signum.asm;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.signum.isa.MemorySpace;

/**
 * An assembled program: what the assembler writes, the loader reads and the simulator runs. The
 * binary form is documented in {@code docs/object-format.md}.
 *
 * @param machine the architectural parameters the program was built for, by key, in {@link
 *     org.signum.isa.MachineParameter} order
 * @param entry instruction index where execution starts
 * @param code the instruction words, one per instruction index
 * @param data initial contents of data memories
 * @param symbols every label and constant the source defined
 * @param lines source location of every instruction; {@code lines.size() == code.length}
 * @param files source file names referenced by {@code lines}
 */
public record ObjectFile(
    Map<String, Long> machine,
    int entry,
    long[] code,
    List<DataSection> data,
    List<Symbol> symbols,
    List<LineEntry> lines,
    List<String> files) {

  /** Initial bytes of a data memory, placed at {@code address}. */
  public record DataSection(MemorySpace memory, int address, byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof DataSection d
          && d.memory == memory
          && d.address == address
          && java.util.Arrays.equals(d.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(memory, address, java.util.Arrays.hashCode(bytes));
    }
  }

  /**
   * Where a symbol lives: code (value is an instruction index), a memory (a byte address), or none.
   */
  public enum SymbolKind {
    CODE,
    WMEM,
    AMEM,
    TMEM,
    DRAM,
    CONSTANT
  }

  /** A named value. */
  public record Symbol(String name, SymbolKind kind, long value) {}

  /** The source of one instruction: index into {@code files}, 1-based line and column. */
  public record LineEntry(int file, int line, int column) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectFile f
        && f.machine.equals(machine)
        && f.entry == entry
        && java.util.Arrays.equals(f.code, code)
        && f.data.equals(data)
        && f.symbols.equals(symbols)
        && f.lines.equals(lines)
        && f.files.equals(files);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        machine, entry, java.util.Arrays.hashCode(code), data, symbols, lines, files);
  }

  /** {@code file:line} of instruction {@code pc}, or null when unknown. */
  public String sourceOf(int pc) {
    if (pc < 0 || pc >= lines.size()) {
      return null;
    }
    LineEntry e = lines.get(pc);
    if (e.file() < 0 || e.file() >= files.size()) {
      return null;
    }
    return files.get(e.file()) + ":" + e.line();
  }
}
