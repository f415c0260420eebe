package org.signum.asm;

/**
 * Why an expression has no value. A failure carries its message and position; a poisoned result
 * means the cause was already reported (so the caller stays silent); not-yet-defined means the
 * first pass met a symbol that only a later line may define.
 */
final class EvalException extends Exception {
  private static final long serialVersionUID = 1L;

  enum Kind {
    FAILURE,
    POISONED,
    NOT_YET_DEFINED
  }

  private final Kind kind;
  private final transient Where where;
  private final String name;

  private EvalException(Kind kind, Where where, String message, String name) {
    super(message, null, false, false);
    this.kind = kind;
    this.where = where;
    this.name = name;
  }

  static EvalException failure(Where where, String message) {
    return new EvalException(Kind.FAILURE, where, message, null);
  }

  static EvalException poisoned() {
    return new EvalException(Kind.POISONED, null, null, null);
  }

  /** {@code name} as the source wrote it, e.g. {@code end} or {@code 1f}. */
  static EvalException notYetDefined(Where where, String name) {
    return new EvalException(Kind.NOT_YET_DEFINED, where, null, name);
  }

  Kind kind() {
    return kind;
  }

  Where where() {
    return where;
  }

  String name() {
    return name;
  }
}
