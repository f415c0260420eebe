package org.signum.compiler;

import java.util.Set;

/**
 * How to compile.
 *
 * @param weights where dense layers' weights live while the program runs
 * @param dumpAfter names of passes after which to keep the IR as text in {@link
 *     CompiledProgram#dumps()}; each must be one of {@link
 *     org.signum.compiler.passes.Pipeline#passNames()}
 * @param verifyEachPass run the verifier after every pass (cheap; a failure is a compiler bug)
 */
public record CompileOptions(
    WeightPlacement weights, Set<String> dumpAfter, boolean verifyEachPass) {
  /** Where weights live. */
  public enum WeightPlacement {
    /** On chip when every layer's weights fit wmem together, else streamed. */
    AUTO,
    /** On chip, loaded with the program; refused when they do not fit wmem. */
    RESIDENT,
    /**
     * In DRAM, brought into two wmem buffers tile by tile with {@code dma.ld}, the next tile
     * loading while the current one is used.
     */
    STREAMED
  }

  public CompileOptions {
    dumpAfter = Set.copyOf(dumpAfter);
  }

  public static CompileOptions defaults() {
    return new CompileOptions(WeightPlacement.AUTO, Set.of(), true);
  }

  public CompileOptions withWeights(WeightPlacement w) {
    return new CompileOptions(w, dumpAfter, verifyEachPass);
  }

  public CompileOptions withDumpAfter(String... passNames) {
    return new CompileOptions(weights, Set.of(passNames), verifyEachPass);
  }
}
