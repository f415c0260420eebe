package org.signum.compiler.passes;

/**
 * The proof that a fold is exact: for every channel of {@code layer}, the folded integer form was
 * compared with the float definition it replaces.
 *
 * @param layer the layer the fold produced
 * @param replaced the layers folded into it, as {@code 'bn1' + 'act1'}
 * @param channels channels checked
 * @param valuesChecked the number of (channel, integer value) pairs evaluated in float32
 * @param method how the check covers every reachable value
 */
public record FoldCertificate(
    String layer, String replaced, int channels, long valuesChecked, Method method) {
  /** How a certificate covers the reachable values. */
  public enum Method {
    /** Every reachable integer value of every channel was evaluated. */
    EXHAUSTIVE,
    /**
     * The float chain is monotone in its input (each IEEE operation is, for finite parameters), so
     * the ends of the range and both sides of each threshold were evaluated; used only when the
     * exhaustive check would exceed its budget.
     */
    MONOTONE_BOUNDARY
  }
}
