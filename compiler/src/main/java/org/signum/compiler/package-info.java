/**
 * Lowers trained binarized networks to Signum assembly: {@link org.signum.compiler.Compiler} is the
 * entry point, {@link org.signum.compiler.ir} holds the layer IR, {@link
 * org.signum.compiler.golden} the reference evaluator, {@link org.signum.compiler.passes} the pass
 * pipeline, {@link org.signum.compiler.codegen} code generation and {@link
 * org.signum.compiler.model} Signum's own model file.
 */
package org.signum.compiler;
