package org.signum.asm;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/**
 * Decodes and validates the payloads of the six version-1 chunks, in dependency order: strings,
 * machine, code, lines, data, symbols. Each later chunk is checked against the earlier ones.
 *
 * <p>Per-entry field names are built only when an entry is wrong, since a line table may hold
 * millions of entries.
 */
final class ChunkParser {
  /** The machine parameters a reader needs to bound code, data and symbols. */
  private static final List<MachineParameter> REQUIRED_PARAMETERS =
      List.of(
          MachineParameter.IMEM_WORDS,
          MachineParameter.WMEM_BYTES,
          MachineParameter.AMEM_BYTES,
          MachineParameter.TMEM_BYTES,
          MachineParameter.DRAM_BYTES);

  private List<String> strings = List.of();
  private Map<String, Long> machine = Map.of();
  private int entry;
  private long[] code = new long[0];
  private List<LineEntry> lines = List.of();
  private List<String> files = List.of();
  private List<DataSection> data = List.of();
  private List<Symbol> symbols = List.of();

  void parse(String type, ChunkInput in) throws ObjectFileException {
    switch (type) {
      case ObjectFileFormat.STRS -> readStrings(in);
      case ObjectFileFormat.MACH -> readMachine(in);
      case ObjectFileFormat.CODE -> readCode(in);
      case ObjectFileFormat.LINE -> readLines(in);
      case ObjectFileFormat.DATA -> readData(in);
      case ObjectFileFormat.SYMB -> readSymbols(in);
      default -> throw new IllegalArgumentException("no parser for chunk " + type);
    }
  }

  ObjectFile result() {
    return new ObjectFile(machine, entry, code, data, symbols, lines, files);
  }

  private void readStrings(ChunkInput in) throws ObjectFileException {
    int n = in.count("STRS.count", 4);
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = in.position();
      long length = in.u32("STRS[" + i + "].length");
      if (length > in.remaining()) {
        throw in.error(
            at,
            "STRS[" + i + "].length",
            "at most " + in.remaining() + " (the bytes left in the STRS chunk)",
            Long.toString(length));
      }
      byte[] b = in.bytes((int) length, "STRS[" + i + "]");
      try {
        out.add(utf8.decode(ByteBuffer.wrap(b)).toString());
      } catch (CharacterCodingException e) {
        throw in.error(at + 4, "STRS[" + i + "]", "UTF-8 text", "bytes that are not UTF-8");
      }
    }
    strings = Collections.unmodifiableList(out);
  }

  private String string(ChunkInput in, String field) throws ObjectFileException {
    int at = in.position();
    long index = in.u32(field);
    if (index >= strings.size()) {
      throw in.error(
          at,
          field,
          "a string index below " + strings.size() + " (the STRS count)",
          Long.toString(index));
    }
    return strings.get((int) index);
  }

  private void readMachine(ChunkInput in) throws ObjectFileException {
    int start = in.position();
    int n = in.count("MACH.count", 12);
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String field = "MACH[" + i + "].key";
      int at = in.position();
      String key = string(in, field);
      if (key.isEmpty()) {
        throw in.error(at, field, "a parameter name", "an empty string");
      }
      if (out.containsKey(key)) {
        throw in.error(at, field, "each key once", "'" + key + "' a second time");
      }
      int valueAt = in.position();
      long value = in.i64("MACH[" + i + "].value");
      MachineParameter p = MachineParameter.byKey(key);
      // Keys this version does not know are kept: the simulator reports them as a mismatch.
      if (p != null && !p.accepts(value)) {
        throw in.error(
            valueAt, "MACH[" + i + "].value (" + key + ")", p.expectation(), Long.toString(value));
      }
      out.put(key, value);
    }
    for (MachineParameter p : REQUIRED_PARAMETERS) {
      if (!out.containsKey(p.key())) {
        throw in.error(
            start,
            "MACH",
            "a value for " + p.key() + " (code and data are checked against it)",
            "none");
      }
    }
    machine = Collections.unmodifiableMap(out);
  }

  private long machineValue(MachineParameter p) {
    return machine.get(p.key());
  }

  private void readCode(ChunkInput in) throws ObjectFileException {
    int entryAt = in.position();
    long e = in.u32("CODE.entry");
    int countAt = in.position();
    int n = in.count("CODE.count", 8);
    long imem = machineValue(MachineParameter.IMEM_WORDS);
    if (n > imem) {
      throw in.error(
          countAt, "CODE.count", "at most " + imem + " (imem_words)", Integer.toString(n));
    }
    if (n == 0 ? e != 0 : e >= n) {
      throw in.error(
          entryAt,
          "CODE.entry",
          n == 0 ? "0 (there is no code)" : "an instruction index below " + n + " (CODE.count)",
          Long.toString(e));
    }
    long[] words = new long[n];
    for (int i = 0; i < n; i++) {
      words[i] = in.i64("CODE.words");
    }
    entry = (int) e;
    code = words;
  }

  private void readLines(ChunkInput in) throws ObjectFileException {
    int nf = in.count("LINE.file_count", 4);
    List<String> names = new ArrayList<>(nf);
    for (int i = 0; i < nf; i++) {
      names.add(string(in, "LINE.files[" + i + "]"));
    }
    int countAt = in.position();
    int n = in.count("LINE.count", 12);
    if (n != code.length) {
      throw in.error(
          countAt,
          "LINE.count",
          code.length + " (one entry per instruction, CODE.count)",
          Integer.toString(n));
    }
    List<LineEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = in.position();
      long file = in.u32("LINE.entries");
      long line = in.u32("LINE.entries");
      long column = in.u32("LINE.entries");
      if (file >= nf) {
        throw in.error(
            at,
            "LINE[" + i + "].file",
            "a file index below " + nf + " (LINE.file_count)",
            Long.toString(file));
      }
      checkPositive(in, at + 4, "LINE[" + i + "].line", line);
      checkPositive(in, at + 8, "LINE[" + i + "].column", column);
      out.add(new LineEntry((int) file, (int) line, (int) column));
    }
    files = Collections.unmodifiableList(names);
    lines = Collections.unmodifiableList(out);
  }

  private static void checkPositive(ChunkInput in, int at, String field, long v)
      throws ObjectFileException {
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw in.error(
          at, field, "a 1-based number in [1, " + Integer.MAX_VALUE + "]", Long.toString(v));
    }
  }

  private void readData(ChunkInput in) throws ObjectFileException {
    int n = in.count("DATA.count", 12);
    List<DataSection> out = new ArrayList<>(n);
    int[] addressAt = new int[n];
    for (int i = 0; i < n; i++) {
      String field = "DATA[" + i + "]";
      int memoryAt = in.position();
      long memoryCode = in.u32(field + ".memory");
      MemorySpace memory = ObjectFileFormat.memoryOfCode(memoryCode);
      if (memory == null) {
        throw in.error(
            memoryAt,
            field + ".memory",
            "a memory code (" + ObjectFileFormat.memoryCodesText() + ")",
            Long.toString(memoryCode));
      }
      addressAt[i] = in.position();
      long address = in.u32(field + ".address");
      int lengthAt = in.position();
      long length = in.u32(field + ".length");
      if (length == 0) {
        throw in.error(lengthAt, field + ".length", "at least 1 byte", "0");
      }
      if (length > in.remaining()) {
        throw in.error(
            lengthAt,
            field + ".length",
            "at most " + in.remaining() + " (the bytes left in the DATA chunk)",
            Long.toString(length));
      }
      MachineParameter sizeKey = ObjectFileFormat.sizeParameter(memory);
      long size = machineValue(sizeKey);
      if (address + length > size) {
        throw in.error(
            addressAt[i],
            field + ".address",
            "a range inside the "
                + size
                + " bytes of "
                + memory.assemblyName()
                + " ("
                + sizeKey.key()
                + ")",
            range(address, length));
      }
      out.add(new DataSection(memory, (int) address, in.bytes((int) length, field + ".bytes")));
    }
    checkOverlap(in, out, addressAt);
    data = Collections.unmodifiableList(out);
  }

  private static void checkOverlap(ChunkInput in, List<DataSection> sections, int[] addressAt)
      throws ObjectFileException {
    Integer[] order = new Integer[sections.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(i -> ObjectFileFormat.memoryCode(sections.get(i).memory()))
            .thenComparingInt(i -> sections.get(i).address()));
    for (int k = 1; k < order.length; k++) {
      DataSection prev = sections.get(order[k - 1]);
      DataSection cur = sections.get(order[k]);
      long prevEnd = (long) prev.address() + prev.bytes().length;
      if (prev.memory() == cur.memory() && prevEnd > cur.address()) {
        throw in.error(
            addressAt[order[k]],
            "DATA[" + order[k] + "].address",
            "no overlap with DATA["
                + order[k - 1]
                + "], "
                + prev.memory().assemblyName()
                + " "
                + range(prev.address(), prev.bytes().length),
            range(cur.address(), cur.bytes().length));
      }
    }
  }

  private static String range(long address, long length) {
    return "[" + address + ", " + (address + length) + ")";
  }

  private void readSymbols(ChunkInput in) throws ObjectFileException {
    int n = in.count("SYMB.count", 16);
    List<Symbol> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String field = "SYMB[" + i + "]";
      int nameAt = in.position();
      String symbolName = string(in, field + ".name");
      if (symbolName.isEmpty()) {
        throw in.error(nameAt, field + ".name", "a symbol name", "an empty string");
      }
      int kindAt = in.position();
      long kindCode = in.u32(field + ".kind");
      SymbolKind kind = ObjectFileFormat.symbolKindOfCode(kindCode);
      if (kind == null) {
        throw in.error(
            kindAt,
            field + ".kind",
            "a symbol kind code (" + kindCodesText() + ")",
            Long.toString(kindCode));
      }
      int valueAt = in.position();
      long value = in.i64(field + ".value");
      checkSymbolValue(in, valueAt, field + ".value", kind, value);
      out.add(new Symbol(symbolName, kind, value));
    }
    symbols = Collections.unmodifiableList(out);
  }

  private void checkSymbolValue(ChunkInput in, int at, String field, SymbolKind kind, long value)
      throws ObjectFileException {
    // A label may sit just past the last instruction or the last byte of a memory.
    if (kind == SymbolKind.CODE && (value < 0 || value > code.length)) {
      throw in.error(
          at,
          field,
          "an instruction index in [0, " + code.length + "] (CODE.count)",
          Long.toString(value));
    }
    MemorySpace memory = ObjectFileFormat.memoryOf(kind);
    if (memory != null) {
      MachineParameter sizeKey = ObjectFileFormat.sizeParameter(memory);
      long size = machineValue(sizeKey);
      if (value < 0 || value > size) {
        throw in.error(
            at,
            field,
            "a " + memory.assemblyName() + " address in [0, " + size + "] (" + sizeKey.key() + ")",
            Long.toString(value));
      }
    }
  }

  private static String kindCodesText() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ObjectFileFormat.symbolKindCount(); i++) {
      s.append(i == 0 ? "" : ", ")
          .append(i)
          .append(' ')
          .append(ObjectFileFormat.symbolKindOfCode(i).name().toLowerCase(java.util.Locale.ROOT));
    }
    return s.toString();
  }
}
