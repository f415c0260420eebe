package org.signum.compiler.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.signum.compiler.ir.Argmax;
import org.signum.compiler.ir.Layer;
import org.signum.compiler.ir.Network;
import org.signum.compiler.ir.Sign;
import org.signum.compiler.ir.Verifier;

/**
 * Reads the model file format of docs/model-format.md. Problems are collected with their line
 * numbers; a layer with a problem is left out and reading goes on, so one run reports every
 * malformed field. A file that parses is then verified, and the verifier's problems are reported at
 * the line of the layer they name.
 */
final class ModelReader {
  static final Pattern MATRIX = Pattern.compile("(\\d{1,9})x(\\d{1,9})");
  private static final Map<String, List<String>> FIELDS =
      Map.of(
          "input", List.of("shape", "encoding", "scale"),
          "dense", List.of("weights"),
          "batchnorm", List.of("eps", "gamma", "beta", "mean", "var"),
          "affine", List.of("scale", "bias"),
          "sign", List.of(),
          "threshold", List.of("operand", "rules"),
          "scores", List.of("table"),
          "argmax", List.of());

  private final String file;
  private final List<String[]> lines = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private int pos;

  /** One line's tokens; {@code line} is 1-based. */
  record Field(int line, String[] tokens, List<Field> rows) {
    String name() {
      return tokens[0];
    }
  }

  private ModelReader(String file, String text) {
    this.file = file;
    for (String raw : text.split("\n", -1)) {
      int hash = raw.indexOf('#');
      String s = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      lines.add(s.isEmpty() ? new String[0] : s.split("[ \t]+"));
    }
  }

  static Network read(String file, String text) throws ModelFormatException {
    return new ModelReader(file, text).network();
  }

  private void error(int line, String message) {
    errors.add(file + ":" + line + ": error: " + message);
  }

  private ModelFormatException failure() {
    return new ModelFormatException(errors);
  }

  /** Index of the next non-blank line from {@code pos}, or lines.size(). */
  private int skipBlank() {
    while (pos < lines.size() && lines.get(pos).length == 0) {
      pos++;
    }
    return pos;
  }

  private Network network() throws ModelFormatException {
    skipBlank();
    if (pos == lines.size()) {
      error(
          1,
          "the file is empty; expected the header '"
              + ModelFile.MAGIC
              + " "
              + ModelFile.VERSION
              + "'");
      throw failure();
    }
    String[] h = lines.get(pos);
    if (!h[0].equals(ModelFile.MAGIC) || h.length != 2) {
      error(
          pos + 1,
          "header: expected '"
              + ModelFile.MAGIC
              + " "
              + ModelFile.VERSION
              + "', got '"
              + String.join(" ", h)
              + "'");
      throw failure();
    }
    if (!h[1].equals(String.valueOf(ModelFile.VERSION))) {
      error(
          pos + 1,
          "header: unsupported version '"
              + h[1]
              + "'; this reader reads version "
              + ModelFile.VERSION);
      throw failure();
    }
    pos++;
    skipBlank();
    int networkLine = pos + 1;
    String name = "?";
    if (pos < lines.size() && lines.get(pos)[0].equals("network") && lines.get(pos).length == 2) {
      name = lines.get(pos)[1];
      pos++;
    } else {
      error(networkLine, "expected 'network NAME' after the header, got '" + text(pos) + "'");
      if (pos < lines.size() && !isBlockStart(lines.get(pos))) {
        pos++;
      }
    }
    List<Layer> layers = new ArrayList<>();
    List<Integer> layerLines = new ArrayList<>();
    boolean ended = false;
    while (skipBlank() < lines.size()) {
      String[] t = lines.get(pos);
      if (ended) {
        error(pos + 1, "nothing may follow 'end', got '" + text(pos) + "'");
        break;
      }
      if (t[0].equals("end") && t.length == 1) {
        ended = true;
        pos++;
      } else if (t[0].equals("layer") && t.length == 3) {
        int line = pos + 1;
        pos++;
        Layer l = layer(line, t[1], t[2]);
        if (l != null) {
          layers.add(l);
          layerLines.add(line);
        }
      } else {
        error(pos + 1, "expected 'layer NAME KIND' or 'end', got '" + text(pos) + "'");
        pos++;
        skipFields();
      }
    }
    if (!ended && errors.isEmpty()) {
      error(lines.size(), "the file ends without 'end'; is it cut short?");
    }
    if (!errors.isEmpty()) {
      throw failure();
    }
    Network net = Network.of(name, layers);
    Verifier.Result r = Verifier.check(net);
    for (String problem : r.problems()) {
      error(lineOf(problem, layers, layerLines, networkLine), problem);
    }
    if (!errors.isEmpty()) {
      throw failure();
    }
    return net;
  }

  /** The line of the layer a verifier problem names ("layer 3 'bn1' ..."), else the network's. */
  private static int lineOf(String problem, List<Layer> layers, List<Integer> lines, int fallback) {
    if (problem.startsWith("layer ")) {
      int space = problem.indexOf(' ', 6);
      try {
        int i = Integer.parseInt(problem.substring(6, space));
        return lines.get(i);
      } catch (RuntimeException e) {
        return fallback;
      }
    }
    return fallback;
  }

  private String text(int index) {
    return index < lines.size() ? String.join(" ", lines.get(index)) : "end of file";
  }

  /** Reads the fields after a layer line and builds the layer, or reports and returns null. */
  private Layer layer(int line, String name, String kind) {
    List<String> allowed = FIELDS.get(kind);
    if (allowed == null) {
      error(
          line,
          "layer '"
              + name
              + "': kind '"
              + kind
              + "': expected one of "
              + String.join(", ", ModelWriter.kinds()));
      skipFields();
      return null;
    }
    int before = errors.size();
    Map<String, Field> fields = new LinkedHashMap<>();
    while (skipBlank() < lines.size() && !isBlockStart(lines.get(pos))) {
      String[] t = lines.get(pos);
      int at = pos + 1;
      pos++;
      if (!allowed.contains(t[0])) {
        error(
            at,
            "layer '"
                + name
                + "': unknown field '"
                + t[0]
                + "' for a "
                + kind
                + " layer; "
                + (allowed.isEmpty() ? "it takes none" : "expected " + String.join(", ", allowed)));
        continue;
      }
      List<Field> rows = t[0].equals("weights") || t[0].equals("table") ? rows(at, t) : List.of();
      if (fields.put(t[0], new Field(at, t, rows)) != null) {
        error(at, "layer '" + name + "': field '" + t[0] + "' given twice");
      }
    }
    if (errors.size() > before) {
      return null;
    }
    LayerFields f = new LayerFields(file, errors::add, name, kind, line, fields);
    Layer l =
        switch (kind) {
          case "input" -> f.input();
          case "dense" -> f.dense();
          case "batchnorm" -> f.batchNorm();
          case "affine" -> f.affine();
          case "threshold" -> f.threshold();
          case "scores" -> f.scores();
          case "sign" -> new Sign(name);
          default -> new Argmax(name);
        };
    return errors.size() > before ? null : l;
  }

  private static boolean isBlockStart(String[] t) {
    return t[0].equals("layer") || (t[0].equals("end") && t.length == 1);
  }

  private void skipFields() {
    while (skipBlank() < lines.size() && !isBlockStart(lines.get(pos))) {
      pos++;
    }
  }

  /**
   * The row lines after {@code weights RxC} or {@code table LOW STEP CxK}: as many as R or C, or
   * when the size is unreadable every line up to the next field.
   */
  private List<Field> rows(int at, String[] t) {
    java.util.regex.Matcher m = MATRIX.matcher(t[t.length - 1]);
    int count = m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    List<Field> rows = new ArrayList<>();
    while (rows.size() < count
        && skipBlank() < lines.size()
        && !isBlockStart(lines.get(pos))
        && !FIELDS.values().stream().anyMatch(fs -> fs.contains(lines.get(pos)[0]))) {
      rows.add(new Field(pos + 1, lines.get(pos), List.of()));
      pos++;
    }
    return rows;
  }
}
