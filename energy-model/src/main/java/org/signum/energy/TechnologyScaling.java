package org.signum.energy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Energy factors by technology node, relative to a reference node: {@code node | factor | source}
 * rows ({@code docs/energy-model.md}). A figure given at node a costs {@code factor(b) / factor(a)}
 * as much at node b. The default is Stillmaker and Baas 2017 relative to 45 nm.
 */
public final class TechnologyScaling {
  private static final String DEFAULT_RESOURCE = "stillmaker-baas-2017.scaling";

  private final Map<Integer, Double> factors;
  private final Map<Integer, String> sources;

  private TechnologyScaling(Map<Integer, Double> factors, Map<Integer, String> sources) {
    this.factors = Collections.unmodifiableMap(new TreeMap<>(factors));
    this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
  }

  /** Stillmaker and Baas 2017: 45 nm 1, 32 nm 0.66, 16 nm 0.17, 7 nm 0.094. */
  public static TechnologyScaling defaults() {
    try (InputStream in = TechnologyScaling.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (EnergyException e) {
      throw new IllegalStateException("the built-in scaling table is invalid:\n" + e.getMessage());
    }
  }

  /** Parses scaling text; {@code source} names it in messages. */
  public static TechnologyScaling parse(String text, String source) throws EnergyException {
    List<String> errors = new ArrayList<>();
    Map<Integer, Double> factors = new TreeMap<>();
    Map<Integer, String> sources = new TreeMap<>();
    for (TableLines.Line line : TableLines.read(text)) {
      String where = source + ":" + line.number() + ": error: ";
      List<String> f = line.fields();
      if (line.isSetting() || f.size() != 3) {
        errors.add(where + "expected 'node | factor | source'");
        continue;
      }
      int node = TableLines.node(f.get(0));
      double factor = TableLines.positive(f.get(1));
      if (node < 0) {
        errors.add(
            where + "node: expected a technology node such as '45 nm', got '" + f.get(0) + "'");
      } else if (Double.isNaN(factor)) {
        errors.add(where + "factor: expected a positive number, got '" + f.get(1) + "'");
      } else if (f.get(2).isEmpty()) {
        errors.add(where + "source: every factor needs a source, got nothing");
      } else if (factors.putIfAbsent(node, factor) != null) {
        errors.add(where + node + " nm: given twice");
      } else {
        sources.put(node, f.get(2));
      }
    }
    if (!errors.isEmpty()) {
      throw new EnergyException(errors);
    }
    return new TechnologyScaling(factors, sources);
  }

  /** The factor that takes a figure given at {@code fromNm} to {@code toNm}. */
  public double factor(int fromNm, int toNm) throws EnergyException {
    if (fromNm == toNm) {
      return 1;
    }
    for (int node : new int[] {fromNm, toNm}) {
      if (!factors.containsKey(node)) {
        throw new EnergyException(
            "no technology scaling factor for "
                + node
                + " nm: the scaling table has "
                + nodes()
                + "; give the machine one of those nodes, or give the table's entries at "
                + node
                + " nm");
      }
    }
    return factors.get(toNm) / factors.get(fromNm);
  }

  /** The nodes with a factor, smallest first, as {@code 7, 16, 32, 45 nm}. */
  public String nodes() {
    List<String> n = new ArrayList<>();
    for (int node : factors.keySet()) {
      n.add(Integer.toString(node));
    }
    return String.join(", ", n) + " nm";
  }

  /** Where the factor for {@code nodeNm} comes from, or null when there is none. */
  public String source(int nodeNm) {
    return sources.get(nodeNm);
  }
}
