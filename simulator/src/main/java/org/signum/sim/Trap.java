package org.signum.sim;

/**
 * A trap: what went wrong and where. Traps are precise: the trapping instruction has changed no
 * register, memory byte or counter.
 *
 * @param kind the kind of trap
 * @param pc the instruction index of the trapping instruction (for a step limit, of the next
 *     instruction to run)
 * @param instruction the instruction at {@code pc}, disassembled, or null when {@code pc} holds
 *     none
 * @param source {@code file:line} of that instruction from the object file's line table, or null
 * @param step the number of instructions executed since reset before the trap
 * @param detail what exactly was wrong, e.g. {@code vld address 12 is not a multiple of 8}
 */
public record Trap(
    TrapKind kind, int pc, String instruction, String source, long step, String detail) {

  /**
   * The report for a person, e.g.
   *
   * <pre>
   * trap: misaligned access: vld address 12 is not a multiple of 8
   *   at pc 5: vld v1, wmem[r2 + 4]
   *   source prog.s:12, after 37 instructions
   * </pre>
   */
  public String message() {
    StringBuilder s = new StringBuilder("trap: ").append(kind.text()).append(": ").append(detail);
    s.append("\n  at pc ").append(pc);
    if (instruction != null) {
      s.append(": ").append(instruction);
    }
    s.append("\n  ");
    if (source != null) {
      s.append("source ").append(source).append(", ");
    }
    s.append("after ").append(step).append(step == 1 ? " instruction" : " instructions");
    return s.toString();
  }
}
