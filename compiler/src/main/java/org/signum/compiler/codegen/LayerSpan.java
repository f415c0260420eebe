package org.signum.compiler.codegen;

import java.util.List;

/**
 * The lines of the assembly text that hold the code of some layers: with the object file's line
 * table, every instruction maps back to the layers it computes.
 *
 * @param layers the names of the IR layers this code computes, e.g. a dense layer and the threshold
 *     that reads it
 * @param firstLine the first line, 1-based
 * @param lastLine the last line, inclusive
 */
public record LayerSpan(List<String> layers, int firstLine, int lastLine) {
  public LayerSpan {
    layers = List.copyOf(layers);
  }

  public boolean contains(int line) {
    return line >= firstLine && line <= lastLine;
  }
}
