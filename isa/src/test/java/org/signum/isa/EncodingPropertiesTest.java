package org.signum.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Encoding round trips and the absence of overlapping encodings. */
class EncodingPropertiesTest {

  /** A valid instruction with random operands: unused fields zero, immediates in range. */
  static Arbitrary<Instruction> instructions() {
    Arbitrary<Opcode> ops = Arbitraries.of(Opcode.class);
    Arbitrary<Integer> reg = Arbitraries.integers().between(0, 31);
    Arbitrary<Integer> mem = Arbitraries.integers().between(0, 2);
    Arbitrary<Boolean> pi = Arbitraries.of(true, false);
    Arbitrary<Integer> imm = Arbitraries.integers();
    return Combinators.combine(ops, reg, reg, reg, reg, mem, pi, imm)
        .as(EncodingPropertiesTest::fit);
  }

  private static Instruction fit(
      Opcode op, int a, int b, int c, int d, int mem, boolean pi, int imm) {
    var used = op.usedFields();
    int immediate = imm;
    for (Operand o : op.operands()) {
      if (o.kind() == OperandKind.IMMEDIATE && o.max() < Operand.IMM32_MAX) {
        immediate = (int) (o.min() + Math.floorMod(imm, o.max() - o.min() + 1));
      }
    }
    return new Instruction(
        op,
        used.contains(Field.A) ? a : 0,
        used.contains(Field.B) ? b : 0,
        used.contains(Field.C) ? c : 0,
        used.contains(Field.D) ? d : 0,
        used.contains(Field.MEM) ? mem : 0,
        used.contains(Field.POST_INCREMENT) && pi,
        used.contains(Field.IMM) ? immediate : 0);
  }

  @Provide
  Arbitrary<Instruction> valid() {
    return instructions();
  }

  @Property(tries = 5000)
  void decodeInvertsEncode(@ForAll("valid") Instruction insn) throws DecodeException {
    assertEquals(insn, Instruction.decode(insn.encode()));
  }

  /**
   * Every word either fails to decode or re-encodes to itself: no two texts share a word, and no
   * word has two meanings.
   */
  @Property(tries = 20000)
  void everyDecodableWordReencodesToItself(@ForAll long word) {
    try {
      assertEquals(word, Instruction.decode(word).encode());
    } catch (DecodeException e) {
      assertEquals(word, e.word());
    }
  }

  @Property(tries = 5000)
  void mutatedWordsOfValidInstructionsEitherDecodeExactlyOrFail(
      @ForAll("valid") Instruction insn, @ForAll long flips) {
    long word = insn.encode() ^ (flips & 0x7FFF_FFFFL);
    try {
      assertEquals(word, Instruction.decode(word).encode());
    } catch (DecodeException e) {
      assertEquals(word, e.word());
    }
  }

  @Test
  void decodeRejectsUnassignedOpcodesUnusedFieldsAndBadShifts() {
    DecodeException e = assertThrows(DecodeException.class, () -> Instruction.decode(0));
    assertEquals("illegal instruction 0x0000000000000000: unassigned opcode 0x00", e.getMessage());
    long haltWithA = Field.A.insert(Opcode.HALT.code(), 3);
    e = assertThrows(DecodeException.class, () -> Instruction.decode(haltWithA));
    assertEquals(
        "illegal instruction 0x0000000000000302: field a must be 0 for halt", e.getMessage());
    long memThree = Field.MEM.insert(Opcode.VLD.code(), 3);
    e = assertThrows(DecodeException.class, () -> Instruction.decode(memThree));
    assertEquals(
        "illegal instruction 0x0000000030000038: mem field 3 names no on-chip memory",
        e.getMessage());
    long bigShift = Field.IMM.insert(Opcode.SLLI.code(), 32);
    e = assertThrows(DecodeException.class, () -> Instruction.decode(bigShift));
    assertEquals(
        "illegal instruction 0x0000002000000018: shamt 32 is not an integer in the range [0, 31]",
        e.getMessage());
  }

  @Test
  void renderGivesCanonicalText() {
    Instruction vld = new Instruction(Opcode.VLD, 1, 6, 0, 0, 0, true, 0);
    assertEquals("vld v1, wmem[r6]+", vld.render(0));
    Instruction thr = new Instruction(Opcode.THR_R, 3, 7, 4, 2, 2, false, -8);
    assertEquals("thr.r v3, r4, a2, tmem[r7 - 8]", thr.render(0));
    Instruction loop = new Instruction(Opcode.LOOP, 2, 0, 0, 0, 0, false, -3);
    assertEquals("loop r2, 7", loop.render(10));
    assertEquals("loop r2, chunk", loop.render(10, t -> t == 7 ? "chunk" : null));
    Instruction li = new Instruction(Opcode.LI, 5, 0, 0, 0, 0, false, -1);
    assertEquals("li r5, -1", li.render(0));
  }
}
