package org.signum.compiler.passes;

import org.signum.compiler.CompileException;
import org.signum.compiler.ir.Network;

/**
 * One transformation of a verified network into an equivalent verified network: every layer output
 * that survives is bit-identical under the golden reference. Passes never change their input; they
 * return a new network.
 */
public interface Pass {
  /** The verb-noun name, as listed by {@link Pipeline#passNames()}. */
  default String name() {
    return getClass().getSimpleName();
  }

  Network run(Network net, PassContext context) throws CompileException;
}
