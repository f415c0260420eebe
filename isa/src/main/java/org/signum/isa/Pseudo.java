package org.signum.isa;

import java.util.List;

/**
 * Pseudo-instructions: assembly shorthands, each expanding to exactly one real instruction. An
 * expansion names the real opcode and, for each of its operands in order, either an operand of the
 * pseudo-instruction ({@code "$0"}, {@code "$1"}) or fixed text ({@code "r0"}, {@code "0"}). The
 * disassembler always prints the real instruction.
 */
public enum Pseudo {
  MV("mv", "copy a scalar register", Opcode.ADDI, List.of("rd", "rs"), List.of("$0", "$1", "0")),
  NEG("neg", "negate", Opcode.SUB, List.of("rd", "rs"), List.of("$0", "r0", "$1")),
  NOT(
      "not",
      "bitwise not of a scalar",
      Opcode.XORI,
      List.of("rd", "rs"),
      List.of("$0", "$1", "-1")),
  BEQZ("beqz", "branch if zero", Opcode.BEQ, List.of("rs", "target"), List.of("$0", "r0", "$1")),
  BNEZ(
      "bnez", "branch if not zero", Opcode.BNE, List.of("rs", "target"), List.of("$0", "r0", "$1")),
  BGT(
      "bgt",
      "branch if greater than, signed",
      Opcode.BLT,
      List.of("rs1", "rs2", "target"),
      List.of("$1", "$0", "$2")),
  BLE(
      "ble",
      "branch if less or equal, signed",
      Opcode.BGE,
      List.of("rs1", "rs2", "target"),
      List.of("$1", "$0", "$2")),
  CALL(
      "call",
      "call a subroutine, return address in r31",
      Opcode.JAL,
      List.of("target"),
      List.of("r31", "$0")),
  RET("ret", "return from a subroutine", Opcode.JR, List.of(), List.of("r31"));

  private final String mnemonic;
  private final String summary;
  private final Opcode expansion;
  private final List<String> operandNames;
  private final List<String> template;

  Pseudo(
      String mnemonic,
      String summary,
      Opcode expansion,
      List<String> operandNames,
      List<String> template) {
    this.mnemonic = mnemonic;
    this.summary = summary;
    this.expansion = expansion;
    this.operandNames = operandNames;
    this.template = template;
  }

  public String mnemonic() {
    return mnemonic;
  }

  public String summary() {
    return summary;
  }

  /** The real instruction this pseudo-instruction becomes. */
  public Opcode expansion() {
    return expansion;
  }

  /** The names of the pseudo-instruction's operands, in assembly order. */
  public List<String> operandNames() {
    return operandNames;
  }

  /** Number of operands the pseudo-instruction takes. */
  public int arity() {
    return operandNames.size();
  }

  /** For each operand of {@link #expansion()}: {@code "$k"} (pseudo operand k) or fixed text. */
  public List<String> template() {
    return template;
  }

  public String syntax() {
    return operandNames.isEmpty() ? mnemonic : mnemonic + " " + String.join(", ", operandNames);
  }

  /** How the expansion reads in assembly, e.g. {@code addi rd, rs, 0}. */
  public String expansionText() {
    StringBuilder s = new StringBuilder(expansion.mnemonic());
    for (int i = 0; i < template.size(); i++) {
      String t = template.get(i);
      s.append(i == 0 ? " " : ", ");
      s.append(t.startsWith("$") ? operandNames.get(Integer.parseInt(t.substring(1))) : t);
    }
    return s.toString();
  }

  /** The pseudo-instruction with this mnemonic, or null. */
  public static Pseudo byMnemonic(String mnemonic) {
    for (Pseudo p : values()) {
      if (p.mnemonic.equals(mnemonic)) {
        return p;
      }
    }
    return null;
  }
}
