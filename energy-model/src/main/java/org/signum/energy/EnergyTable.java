package org.signum.energy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signum.isa.Suggestions;

/**
 * An energy table: what each {@link Action} costs, each figure with its unit, technology node,
 * scaling and source. Immutable. The file format is in {@code docs/energy-model.md}: one {@code key
 * | energy | node | scaling | source} row per entry, and an optional {@code table = NAME}.
 */
public final class EnergyTable {
  private static final String DEFAULT_RESOURCE = "horowitz-45nm.energy";
  private static final Map<String, Double> UNITS = Map.of("fJ", 1e-3, "pJ", 1.0, "nJ", 1e3);

  private final String name;
  private final Map<String, EnergyEntry> entries;

  private EnergyTable(String name, Map<String, EnergyEntry> entries) {
    this.name = name;
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /**
   * The default table: Horowitz, ISSCC 2014, 45 nm, as reprinted in the BNN paper, with the one-bit
   * figures derived as each entry says.
   */
  public static EnergyTable defaults() {
    try (InputStream in = EnergyTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (EnergyException e) {
      throw new IllegalStateException("the built-in energy table is invalid:\n" + e.getMessage());
    }
  }

  /** Reads a table file. */
  public static EnergyTable load(Path path) throws EnergyException {
    try {
      return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
    } catch (IOException e) {
      throw new EnergyException(path + ": error: cannot read energy table: " + e.getMessage());
    }
  }

  /** Parses table text; {@code source} names it in messages. Every problem is reported at once. */
  public static EnergyTable parse(String text, String source) throws EnergyException {
    List<String> errors = new ArrayList<>();
    Map<String, EnergyEntry> entries = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    String name = null;
    for (TableLines.Line line : TableLines.read(text)) {
      String where = source + ":" + line.number() + ": error: ";
      if (line.isSetting()) {
        String setting = line.settingName();
        int open = setting.indexOf('[');
        if (Action.byKey(open < 0 ? setting : setting.substring(0, open)) != null) {
          errors.add(
              where
                  + setting
                  + ": an entry is a row 'key | energy | node | scaling | source', not 'key ="
                  + " value'");
        } else if (!setting.equals("table")) {
          errors.add(where + "unknown setting '" + setting + "'; the only one is 'table'");
        } else if (name != null) {
          errors.add(where + "table: given twice");
        } else if (line.settingValue().isEmpty()) {
          errors.add(where + "table: expected a name, got nothing");
        } else {
          name = line.settingValue();
        }
        continue;
      }
      EnergyEntry e = entry(line, where, source + ":" + line.number(), errors);
      if (e == null) {
        continue;
      }
      Integer first = lineOf.putIfAbsent(e.key(), line.number());
      if (first != null) {
        errors.add(where + e.key() + ": given twice (first on line " + first + ")");
      } else {
        entries.put(e.key(), e);
      }
    }
    if (!errors.isEmpty()) {
      throw new EnergyException(errors);
    }
    return new EnergyTable(name == null ? Path.of(source).getFileName().toString() : name, entries);
  }

  private static EnergyEntry entry(
      TableLines.Line line, String where, String origin, List<String> errors) {
    List<String> f = line.fields();
    if (f.size() != 5) {
      errors.add(
          where
              + "expected 'key | energy | node | scaling | source', got "
              + f.size()
              + (f.size() == 1 ? " field" : " fields"));
      return null;
    }
    int before = errors.size();
    Event key = key(f.get(0), where, errors);
    String label = key == null ? f.get(0) : key.toString();
    double pj = energy(f.get(1));
    if (Double.isNaN(pj)) {
      errors.add(
          where
              + label
              + ": energy: expected a positive number and a unit (fJ, pJ or nJ), got '"
              + f.get(1)
              + "'");
    }
    int node = TableLines.node(f.get(2));
    if (node < 0) {
      errors.add(
          where
              + label
              + ": node: expected a technology node in [1, 1000] such as '45 nm', got '"
              + f.get(2)
              + "'");
    }
    Scaling scaling = Scaling.byText(f.get(3));
    if (scaling == null) {
      errors.add(where + label + ": scaling: expected 'cmos' or 'none', got '" + f.get(3) + "'");
    }
    if (f.get(4).isEmpty()) {
      errors.add(where + label + ": source: every entry needs a source, got nothing");
    }
    if (errors.size() > before) {
      return null;
    }
    return new EnergyEntry(key.action(), key.index(), pj, node, scaling, f.get(4), origin);
  }

  /** Parses {@code int_add[32]}, {@code sram_read_64b[8K]}, {@code bit_op}; null on error. */
  private static Event key(String text, String where, List<String> errors) {
    int open = text.indexOf('[');
    String base = open < 0 ? text : text.substring(0, open);
    Action action = Action.byKey(base);
    if (action == null) {
      List<String> keys = new ArrayList<>();
      for (Action a : Action.values()) {
        keys.add(a.key());
      }
      errors.add(where + "unknown key '" + text + "'" + Suggestions.didYouMean(base, keys));
      return null;
    }
    if (open < 0) {
      if (action.index() != Action.Index.NONE) {
        errors.add(where + base + ": expected an index, " + indexText(action));
        return null;
      }
      return Event.of(action);
    }
    if (!text.endsWith("]")) {
      errors.add(where + "'" + text + "': expected a closing ']'");
      return null;
    }
    String index = text.substring(open + 1, text.length() - 1).strip();
    long value =
        switch (action.index()) {
          case NONE -> -1;
          case WIDTH -> index.matches("[0-9]{1,3}") ? Integer.parseInt(index) : -1;
          case SIZE -> Sizes.parse(index);
        };
    if (action.index() == Action.Index.NONE) {
      errors.add(where + base + ": takes no index, got '" + text + "'");
      return null;
    }
    if (value <= 0 || (action.index() == Action.Index.WIDTH && value > 128)) {
      errors.add(where + base + ": expected " + indexText(action) + ", got '" + index + "'");
      return null;
    }
    return new Event(action, value);
  }

  private static String indexText(Action a) {
    return a.index() == Action.Index.WIDTH
        ? "a width in bits in [1, 128], as in " + a.key() + "[32]"
        : "a size in bytes such as 512, 8K or 1M, as in " + a.key() + "[8K]";
  }

  private static double energy(String text) {
    String[] parts = text.split("\\s+");
    if (parts.length != 2 || !UNITS.containsKey(parts[1])) {
      return Double.NaN;
    }
    return TableLines.positive(parts[0]) * UNITS.get(parts[1]);
  }

  /**
   * This table with every entry of {@code overrides} put in: an entry with the same key replaces
   * this table's, a new key (another memory size, say) is added.
   */
  public EnergyTable withOverrides(EnergyTable overrides) {
    Map<String, EnergyEntry> merged = new LinkedHashMap<>(entries);
    merged.putAll(overrides.entries);
    return new EnergyTable(name + " + " + overrides.name, merged);
  }

  public String name() {
    return name;
  }

  /** Every entry, in file order, overrides added at the end. */
  public List<EnergyEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entry with exactly this action and index, or null. */
  public EnergyEntry entry(Action action, long index) {
    return entries.get(new Event(action, index).toString());
  }

  /** Every entry of {@code action}, at any index, in index order. */
  public List<EnergyEntry> family(Action action) {
    List<EnergyEntry> out = new ArrayList<>();
    for (EnergyEntry e : entries.values()) {
      if (e.action() == action) {
        out.add(e);
      }
    }
    out.sort((a, b) -> Long.compare(a.index(), b.index()));
    return out;
  }
}
