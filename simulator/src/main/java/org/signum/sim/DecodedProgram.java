package org.signum.sim;

import java.util.function.IntFunction;
import org.signum.isa.Instruction;

/**
 * A program decoded once at load, so the execution loop reads only primitive arrays: {@link
 * #STRIDE} ints per instruction in one {@code int[]}.
 *
 * <p>Per instruction: {@link #SLOT} is {@code opcode << 2 | memory}, both the dispatch key and the
 * index of the instruction's event counter; {@link #A}..{@link #D} are the register fields, vector
 * register numbers already multiplied by the words per register and a scalar destination {@code r0}
 * redirected to a sink register nobody reads; {@link #IMM} is the immediate, offset or, for a
 * branch, the absolute target (-1 when it lies outside instruction memory); {@link #MEM} the
 * memory's ordinal; {@link #W} the scalar register a post-increment or {@code loop} writes (the
 * sink when none).
 */
final class DecodedProgram {
  static final int STRIDE = 8;
  static final int SLOT = 0;
  static final int A = 1;
  static final int B = 2;
  static final int C = 3;
  static final int D = 4;
  static final int IMM = 5;
  static final int MEM = 6;
  static final int W = 7;

  final int[] fields;
  final int length;
  private final long[] words;
  private final Instruction[] instructions;
  private final String[] illegal;
  private final IntFunction<String> labels;
  private final String[] texts;

  DecodedProgram(
      int[] fields,
      long[] words,
      Instruction[] instructions,
      String[] illegal,
      IntFunction<String> labels) {
    this.fields = fields;
    this.length = words.length;
    this.words = words;
    this.instructions = instructions;
    this.illegal = illegal;
    this.labels = labels;
    this.texts = new String[words.length];
  }

  /** The decoded instruction at {@code pc}, or null when the word there is illegal. */
  Instruction instruction(int pc) {
    return illegal[pc] == null ? instructions[pc] : null;
  }

  /** Why the word at {@code pc} is illegal, or null when it is not. */
  String illegalReason(int pc) {
    return illegal[pc];
  }

  /** The disassembled text at {@code pc}, or null when {@code pc} holds no instruction. */
  String text(int pc) {
    if (pc < 0 || pc >= length) {
      return null;
    }
    if (texts[pc] == null) {
      Instruction ins = instructions[pc];
      texts[pc] =
          ins != null ? ins.render(pc, labels) : String.format("illegal word 0x%016x", words[pc]);
    }
    return texts[pc];
  }
}
