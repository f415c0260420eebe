package org.signum.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.signum.asm.ObjectFile;

/** Ways to name the layer each instruction belongs to, for {@link ReportBuilder#layers}. */
public final class LayerMap {
  /** The name of instructions no layer claims. */
  public static final String UNASSIGNED = "(unassigned)";

  private static final String WORD_LABEL = "[A-Za-z_.$][A-Za-z0-9_.$]*";

  private LayerMap() {}

  /**
   * Regions of a hand-written program: each instruction belongs to the nearest code label at or
   * before it whose name is a word (numeric local labels like {@code 1:} are skipped), or to {@code
   * (start)} before the first.
   */
  public static IntFunction<String> byLabels(ObjectFile program) {
    String[] names = new String[program.code().length];
    for (ObjectFile.Symbol s : program.symbols()) {
      if (s.kind() == ObjectFile.SymbolKind.CODE
          && s.name().matches(WORD_LABEL)
          && s.value() >= 0
          && s.value() < names.length
          && names[(int) s.value()] == null) {
        names[(int) s.value()] = s.name();
      }
    }
    String current = "(start)";
    for (int pc = 0; pc < names.length; pc++) {
      current = names[pc] == null ? current : names[pc];
      names[pc] = current;
    }
    return pc -> pc >= 0 && pc < names.length ? names[pc] : UNASSIGNED;
  }

  /**
   * Layers of a compiled network: instruction pc's source line, from the object file's line table,
   * looked up in {@code layersAtLine} (the compiler's {@code CompiledProgram::layersAt}). Code that
   * computes several fused layers is named by all of them, joined with {@code +}; code of none is
   * {@link #UNASSIGNED}.
   */
  public static IntFunction<String> byLines(
      ObjectFile program, IntFunction<List<String>> layersAtLine) {
    String[] names = new String[program.code().length];
    for (int pc = 0; pc < names.length; pc++) {
      List<String> layers =
          pc < program.lines().size() ? layersAtLine.apply(program.lines().get(pc).line()) : null;
      names[pc] = layers == null || layers.isEmpty() ? UNASSIGNED : String.join("+", layers);
    }
    return pc -> pc >= 0 && pc < names.length ? names[pc] : UNASSIGNED;
  }

  /**
   * The multiply-accumulates of each layer a report names, from those of the network's own layers:
   * a report layer fused from several ({@code a+b}) gets their sum; one with none is left out.
   */
  public static Map<String, Long> networkMacs(
      ObjectFile program, IntFunction<String> layerOfPc, Map<String, Long> macsOfNetworkLayer) {
    Set<String> names = new LinkedHashSet<>();
    for (int pc = 0; pc < program.code().length; pc++) {
      names.add(layerOfPc.apply(pc));
    }
    Map<String, Long> out = new LinkedHashMap<>();
    for (String name : names) {
      long macs = 0;
      for (String part : name.split("\\+")) {
        macs += macsOfNetworkLayer.getOrDefault(part, 0L);
      }
      if (macs > 0) {
        out.put(name, macs);
      }
    }
    return out;
  }
}
