package org.signum.compiler.passes;

import java.util.ArrayList;
import java.util.List;

/** What passes share during one compilation: the certificates they issue and their budget. */
public final class PassContext {
  /** Float evaluations per folded layer above which certificates check boundaries only. */
  public static final long DEFAULT_EXHAUSTIVE_BUDGET = 1L << 27;

  private final long exhaustiveBudget;
  private final List<FoldCertificate> certificates = new ArrayList<>();

  public PassContext() {
    this(DEFAULT_EXHAUSTIVE_BUDGET);
  }

  public PassContext(long exhaustiveBudget) {
    this.exhaustiveBudget = exhaustiveBudget;
  }

  public long exhaustiveBudget() {
    return exhaustiveBudget;
  }

  void certify(FoldCertificate c) {
    certificates.add(c);
  }

  public List<FoldCertificate> certificates() {
    return List.copyOf(certificates);
  }
}
