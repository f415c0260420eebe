package org.signum.isa;

/** A 64-bit word that is not a valid instruction, with the reason. */
public final class DecodeException extends Exception {
  private final long word;

  public DecodeException(long word, String reason) {
    super(String.format("illegal instruction 0x%016x: %s", word, reason));
    this.word = word;
  }

  public long word() {
    return word;
  }
}
