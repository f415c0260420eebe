/**
 * Code generation: folded networks to readable Signum assembly, with the memory layout, the kernels
 * and the host interface described in docs/compiler.md.
 */
package org.signum.compiler.codegen;
