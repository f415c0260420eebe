package org.signum.isa;

/**
 * The bit fields of a 64-bit instruction word. Every instruction uses the same field positions, so
 * decoding is a fixed set of shifts and masks; an instruction simply leaves the fields it has no
 * operand for at zero, and the decoder rejects a word that sets them.
 *
 * <pre>
 *  63                              32 31 30 29 28 27   23 22   18 17   13 12    8 7      0
 * +----------------------------------+--+--+-----+-------+-------+-------+-------+--------+
 * |               imm                |0 |pi| mem |   d   |   c   |   b   |   a   | opcode |
 * +----------------------------------+--+--+-----+-------+-------+-------+-------+--------+
 * </pre>
 */
public enum Field {
  OPCODE(0, 8, "opcode"),
  A(8, 5, "a: destination, or the register a store or loop reads and writes"),
  B(13, 5, "b: first source, or the base register of a memory operand"),
  C(18, 5, "c: second source"),
  D(23, 5, "d: third source"),
  MEM(28, 2, "mem: on-chip memory of a memory operand (0 wmem, 1 amem, 2 tmem)"),
  POST_INCREMENT(30, 1, "pi: post-increment the base register of a memory operand"),
  RESERVED(31, 1, "reserved, must be 0"),
  IMM(32, 32, "imm: 32-bit immediate, offset or pc-relative branch distance");

  private final int lsb;
  private final int width;
  private final String description;

  Field(int lsb, int width, String description) {
    this.lsb = lsb;
    this.width = width;
    this.description = description;
  }

  public int lsb() {
    return lsb;
  }

  public int width() {
    return width;
  }

  public int msb() {
    return lsb + width - 1;
  }

  public String description() {
    return description;
  }

  /** The mask of this field in place within the 64-bit word. */
  public long mask() {
    return (width == 64 ? -1L : ((1L << width) - 1)) << lsb;
  }

  /** The field's raw unsigned value in {@code word}. */
  public long extract(long word) {
    return (word & mask()) >>> lsb;
  }

  /** {@code word} with this field replaced by the low {@code width} bits of {@code value}. */
  public long insert(long word, long value) {
    return (word & ~mask()) | ((value << lsb) & mask());
  }

  /** Largest unsigned value the field holds. */
  public long maxUnsigned() {
    return width == 64 ? -1L : (1L << width) - 1;
  }
}
