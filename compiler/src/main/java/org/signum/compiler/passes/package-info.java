/**
 * The compiler's passes: small verb-noun transformations of the layer IR, listed in order by {@link
 * org.signum.compiler.passes.Pipeline}, each exact and each fold certified.
 */
package org.signum.compiler.passes;
