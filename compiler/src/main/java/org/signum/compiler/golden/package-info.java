/**
 * The golden reference: a plain integer evaluation of the layer IR that compiled programs are
 * checked against, bit for bit.
 */
package org.signum.compiler.golden;
