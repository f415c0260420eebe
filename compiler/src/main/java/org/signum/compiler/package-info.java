/** Lowers trained binarized networks to Signum assembly. */
package org.signum.compiler;
