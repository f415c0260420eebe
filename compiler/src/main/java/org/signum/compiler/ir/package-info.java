/**
 * The layer IR: a {@link org.signum.compiler.ir.Network} is a chain of {@link
 * org.signum.compiler.ir.Layer}s with shapes and element kinds, checked by the {@link
 * org.signum.compiler.ir.Verifier}. Float layers follow the exact float32 definitions of {@link
 * org.signum.compiler.ir.FloatArithmetic}; everything else is integer arithmetic on +1/-1 values.
 */
package org.signum.compiler.ir;
