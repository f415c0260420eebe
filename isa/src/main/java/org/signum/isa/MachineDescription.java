package org.signum.isa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A concrete machine: a name and a value for every {@link MachineParameter}. Immutable.
 *
 * <p>The file format (documented in {@code docs/machine.md}) is one {@code key = value} per line;
 * {@code #} starts a comment; keys not given keep their defaults. Byte sizes may carry a binary
 * suffix {@code K}, {@code M} or {@code G} ({@code 64K} is 65536).
 */
public final class MachineDescription {
  private final String name;
  private final Map<MachineParameter, Long> values;

  private MachineDescription(String name, Map<MachineParameter, Long> values) {
    this.name = name;
    this.values = Collections.unmodifiableMap(new EnumMap<>(values));
  }

  /** The built-in default machine. */
  public static MachineDescription defaults() {
    Map<MachineParameter, Long> v = new EnumMap<>(MachineParameter.class);
    for (MachineParameter p : MachineParameter.values()) {
      v.put(p, p.defaultValue());
    }
    return new MachineDescription("default", v);
  }

  /** This machine with one parameter changed. */
  public MachineDescription with(MachineParameter p, long value) {
    if (!p.accepts(value)) {
      throw new IllegalArgumentException(
          p.key() + " must be " + p.expectation() + ", got " + value);
    }
    Map<MachineParameter, Long> v = new EnumMap<>(values);
    v.put(p, value);
    return new MachineDescription(name, v);
  }

  /** This machine under another name. */
  public MachineDescription named(String newName) {
    return new MachineDescription(newName, values);
  }

  public String name() {
    return name;
  }

  public long get(MachineParameter p) {
    return values.get(p);
  }

  private int getInt(MachineParameter p) {
    return (int) get(p);
  }

  public int vectorWidth() {
    return getInt(MachineParameter.VECTOR_WIDTH);
  }

  /** 64-bit words in a vector register. */
  public int vectorWords() {
    return vectorWidth() / 64;
  }

  /** Bytes in a vector register. */
  public int vectorBytes() {
    return vectorWidth() / 8;
  }

  public int vectorRegisters() {
    return getInt(MachineParameter.VECTOR_REGISTERS);
  }

  public int scalarRegisters() {
    return getInt(MachineParameter.SCALAR_REGISTERS);
  }

  public int accumulators() {
    return getInt(MachineParameter.ACCUMULATORS);
  }

  public int accumulatorWidth() {
    return getInt(MachineParameter.ACCUMULATOR_WIDTH);
  }

  public int imemWords() {
    return getInt(MachineParameter.IMEM_WORDS);
  }

  /** Number of registers of a register operand kind. */
  public int registerCount(OperandKind kind) {
    return switch (kind) {
      case SCALAR_REGISTER -> scalarRegisters();
      case VECTOR_REGISTER -> vectorRegisters();
      case ACCUMULATOR -> accumulators();
      default -> throw new IllegalArgumentException("not a register kind: " + kind);
    };
  }

  /** Size of a memory in bytes; 0 for a memory the machine does not have. */
  public int memoryBytes(MemorySpace m) {
    return switch (m) {
      case WMEM -> getInt(MachineParameter.WMEM_BYTES);
      case AMEM -> getInt(MachineParameter.AMEM_BYTES);
      case TMEM -> getInt(MachineParameter.TMEM_BYTES);
      case DRAM -> getInt(MachineParameter.DRAM_BYTES);
    };
  }

  /** Bits the vector ALU and each XNOR-popcount unit process per cycle. */
  public int datapathWidth() {
    return getInt(MachineParameter.DATAPATH_WIDTH);
  }

  /** Cycles one vector or popcount instruction occupies its unit: at least one. */
  public int beats() {
    return Math.max(1, vectorWidth() / datapathWidth());
  }

  public int popcountUnits() {
    return getInt(MachineParameter.POPCOUNT_UNITS);
  }

  /** The result latency of instruction class {@code c}; 1 for classes that write no register. */
  public int latency(InsnClass c) {
    MachineParameter p = MachineParameter.latencyOf(c);
    return p == null ? 1 : getInt(p);
  }

  public int branchPenalty() {
    return getInt(MachineParameter.BRANCH_PENALTY);
  }

  /** Ports of on-chip memory {@code m} for instruction accesses. */
  public int ports(MemorySpace m) {
    return getInt(MachineParameter.portsOf(m));
  }

  /** Bits one port of on-chip memory {@code m} moves per cycle. */
  public int portWidth(MemorySpace m) {
    return getInt(MachineParameter.portWidthOf(m));
  }

  public int dmaBytesPerCycle() {
    return getInt(MachineParameter.DMA_BYTES_PER_CYCLE);
  }

  public int dmaLatencyCycles() {
    return getInt(MachineParameter.DMA_LATENCY_CYCLES);
  }

  /** Whether instructions keep issuing while DMA transfers run. */
  public boolean dmaOverlapsCompute() {
    return get(MachineParameter.DMA_OVERLAP) != 0;
  }

  public int clockMhz() {
    return getInt(MachineParameter.CLOCK_MHZ);
  }

  public int technologyNm() {
    return getInt(MachineParameter.TECHNOLOGY_NM);
  }

  /** The architectural parameters, by key, in table order: what an object file records. */
  public Map<String, Long> architecturalParameters() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (MachineParameter p : MachineParameter.values()) {
      if (p.architectural()) {
        m.put(p.key(), values.get(p));
      }
    }
    return m;
  }

  /**
   * The differences between {@code recorded} (an object file's parameters) and this machine, as
   * messages like {@code vector_width: object file built for 512, machine has 256}; empty when they
   * agree.
   */
  public List<String> mismatches(Map<String, Long> recorded) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : recorded.entrySet()) {
      MachineParameter p = MachineParameter.byKey(e.getKey());
      if (p == null) {
        out.add(e.getKey() + ": object file records a parameter this version does not know");
      } else if (!values.get(p).equals(e.getValue())) {
        out.add(
            p.key() + ": object file built for " + e.getValue() + ", machine has " + values.get(p));
      }
    }
    for (MachineParameter p : MachineParameter.values()) {
      if (p.architectural() && !recorded.containsKey(p.key())) {
        out.add(p.key() + ": not recorded in the object file");
      }
    }
    return out;
  }

  /** Reads a machine description file. */
  public static MachineDescription load(Path path) throws MachineDescriptionException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MachineDescriptionException(
          List.of(path + ": error: cannot read machine description: " + e.getMessage()));
    }
    return parse(text, path.toString());
  }

  /**
   * Parses machine-description text; {@code source} names it in messages. All problems are reported
   * together.
   */
  public static MachineDescription parse(String text, String source)
      throws MachineDescriptionException {
    List<String> errors = new ArrayList<>();
    Map<MachineParameter, Long> v = new EnumMap<>(MachineParameter.class);
    Map<MachineParameter, Integer> seenAt = new EnumMap<>(MachineParameter.class);
    for (MachineParameter p : MachineParameter.values()) {
      v.put(p, p.defaultValue());
    }
    String name = null;
    String[] lines = text.split("\r?\n", -1);
    List<String> keys = new ArrayList<>();
    keys.add("name");
    for (MachineParameter p : MachineParameter.values()) {
      keys.add(p.key());
    }
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String where = source + ":" + lineNo + ": error: ";
      int eq = line.indexOf('=');
      if (eq < 0) {
        errors.add(where + "expected 'key = value', got '" + line + "'");
        continue;
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (key.equals("name")) {
        if (!value.matches("[A-Za-z0-9_.-]+")) {
          errors.add(
              where + "name: expected letters, digits, '_', '.' or '-', got '" + value + "'");
        } else if (name != null) {
          errors.add(where + "name: given twice");
        } else {
          name = value;
        }
        continue;
      }
      MachineParameter p = MachineParameter.byKey(key);
      if (p == null) {
        errors.add(where + "unknown parameter '" + key + "'" + Suggestions.didYouMean(key, keys));
        continue;
      }
      if (seenAt.containsKey(p)) {
        errors.add(where + key + ": given twice (first on line " + seenAt.get(p) + ")");
        continue;
      }
      seenAt.put(p, lineNo);
      Long parsed = parseValue(value);
      if (parsed == null) {
        errors.add(where + key + ": expected " + p.expectation() + ", got '" + value + "'");
      } else if (!p.accepts(parsed)) {
        errors.add(where + key + ": expected " + p.expectation() + ", got " + parsed);
      } else {
        v.put(p, parsed);
      }
    }
    if (!errors.isEmpty()) {
      throw new MachineDescriptionException(errors);
    }
    return new MachineDescription(name == null ? "unnamed" : name, v);
  }

  private static Long parseValue(String s) {
    long mult = 1;
    if (!s.isEmpty()) {
      switch (s.charAt(s.length() - 1)) {
        case 'K' -> mult = 1L << 10;
        case 'M' -> mult = 1L << 20;
        case 'G' -> mult = 1L << 30;
        default -> mult = 1;
      }
    }
    String digits = mult == 1 ? s : s.substring(0, s.length() - 1);
    digits = digits.replace("_", "");
    if (!digits.matches("[0-9]{1,12}")) {
      return null;
    }
    return Long.parseLong(digits) * mult;
  }

  /** The description in its file format, every parameter written out with its meaning. */
  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append("# Signum machine description (see docs/machine.md)\n");
    s.append("name = ").append(name).append('\n');
    for (MachineParameter p : MachineParameter.values()) {
      String line = p.key() + " = " + values.get(p);
      s.append(String.format("%-32s # %s, %s%n", line, p.unit(), p.description()));
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MachineDescription m && m.name.equals(name) && m.values.equals(values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + values.hashCode();
  }

  @Override
  public String toString() {
    return "MachineDescription[" + name + ", " + values + "]";
  }
}
