package org.signum.asm;

import java.util.List;

/**
 * What an assembly produced: the object file, or null when there were errors, and every diagnostic,
 * sorted by file, line and column.
 */
public record AssemblyResult(ObjectFile object, List<Diagnostic> diagnostics) {

  public AssemblyResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether the assembly succeeded. */
  public boolean ok() {
    return object != null && diagnostics.isEmpty();
  }
}
