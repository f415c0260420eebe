package org.signum.compiler;

import java.util.List;
import java.util.Map;
import org.signum.compiler.codegen.LayerSpan;
import org.signum.compiler.ir.Network;
import org.signum.compiler.passes.FoldCertificate;

/**
 * The result of a compilation.
 *
 * @param assembly Signum assembly text, ready for the assembler
 * @param host where the program takes its input and leaves its outputs
 * @param folded the network after the pass pipeline, which the assembly computes
 * @param certificates one per fold, proving it exact
 * @param dumps the IR as text after each pass named in {@link CompileOptions#dumpAfter()}, in
 *     pipeline order
 * @param spans the assembly lines of each layer's code
 */
public record CompiledProgram(
    String assembly,
    HostInterface host,
    Network folded,
    List<FoldCertificate> certificates,
    Map<String, String> dumps,
    List<LayerSpan> spans) {

  public CompiledProgram {
    certificates = List.copyOf(certificates);
    dumps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dumps));
    spans = List.copyOf(spans);
  }

  /** The names of the layers whose code is on assembly line {@code line}; empty for none. */
  public List<String> layersAt(int line) {
    for (LayerSpan s : spans) {
      if (s.contains(line)) {
        return s.layers();
      }
    }
    return List.of();
  }
}
