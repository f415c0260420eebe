/**
 * Signum's own model file: a versioned text format for networks ({@link
 * org.signum.compiler.model.ModelFile}), described in docs/model-format.md.
 */
package org.signum.compiler.model;
