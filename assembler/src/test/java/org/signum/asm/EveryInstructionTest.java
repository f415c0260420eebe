package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.signum.isa.Field;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/**
 * Every instruction of the table, assembled from its canonical text ({@link Instruction#render}),
 * gives exactly the word {@link Instruction#encode} makes of the same fields.
 */
class EveryInstructionTest {

  /** A machine with every register count at its maximum, so any 5-bit register field is legal. */
  private static final MachineDescription WIDE =
      MachineDescription.defaults()
          .with(MachineParameter.VECTOR_REGISTERS, 32)
          .with(MachineParameter.ACCUMULATORS, 32);

  /** Typical fields for {@code op}: distinct registers, an in-range immediate, a memory. */
  private static Instruction sample(Opcode op) {
    int[] regs = new int[5];
    int mem = 0;
    boolean pi = false;
    int imm = 0;
    for (Operand o : op.operands()) {
      switch (o.kind()) {
        case SCALAR_REGISTER, VECTOR_REGISTER, ACCUMULATOR ->
            regs[o.field().ordinal()] = o.field().ordinal() + 2;
        case IMMEDIATE -> imm = o.min() == 0 ? (int) o.max() : -5;
        case TARGET -> imm = -3;
        case MEMORY -> {
          mem = 1;
          pi = true;
          regs[Field.B.ordinal()] = 7;
          imm = 24;
        }
        case MEMORY_NO_INCREMENT -> {
          mem = 2;
          regs[Field.B.ordinal()] = 9;
          imm = -16;
        }
        default -> throw new AssertionError(o.kind());
      }
    }
    return new Instruction(
        op,
        regs[Field.A.ordinal()],
        regs[Field.B.ordinal()],
        regs[Field.C.ordinal()],
        regs[Field.D.ordinal()],
        mem,
        pi,
        imm);
  }

  /** Assembles {@code text} at instruction index {@code pc} and returns that word. */
  private static long assembleAt(long pc, String text) {
    ObjectFile o = Asm.ok(WIDE, ".org " + pc + "\n" + text + "\n");
    return o.code()[(int) pc];
  }

  @ParameterizedTest
  @EnumSource(Opcode.class)
  void canonicalTextAssemblesToTheEncodedWord(Opcode op) {
    Instruction expected = sample(op);
    String text = expected.render(10);
    assertEquals(expected.encode(), assembleAt(10, text), text);
  }

  @ParameterizedTest
  @EnumSource(Opcode.class)
  void everyInstructionIsCoveredByTheSamples(Opcode op) {
    // The sample must exercise each operand: a field left at zero would not catch a swapped one.
    Instruction i = sample(op);
    for (Operand o : op.operands()) {
      if (o.kind().isRegister()) {
        assertTrue(i.register(o.field()) != 0, op + " " + o.name());
      }
    }
  }

  @Provide
  Arbitrary<Instruction> instructions() {
    Arbitrary<Opcode> ops = Arbitraries.of(Opcode.class);
    Arbitrary<Integer> reg = Arbitraries.integers().between(0, 31);
    Arbitrary<Integer> mem = Arbitraries.integers().between(0, 2);
    return Combinators.combine(
            ops, reg, reg, reg, reg, mem, Arbitraries.of(true, false), Arbitraries.integers())
        .as(EveryInstructionTest::legal);
  }

  /**
   * The instruction with the given raw values, fields its opcode does not use cleared and an
   * immediate folded into its operand's range.
   */
  private static Instruction legal(
      Opcode op, int a, int b, int c, int d, int mem, boolean pi, int imm) {
    List<Field> used = List.copyOf(op.usedFields());
    int value = imm;
    for (Operand o : op.operands()) {
      if (o.kind() == OperandKind.IMMEDIATE) {
        value = (int) Math.floorMod((long) imm - o.min(), o.max() - o.min() + 1) + (int) o.min();
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
        used.contains(Field.IMM) ? value : 0);
  }

  @Property(tries = 300)
  void renderedInstructionsReassembleToTheSameWord(
      @ForAll("instructions") Instruction i, @ForAll("pcs") long pc) {
    assertEquals(i.encode(), assembleAt(pc, i.render(pc)), i.render(pc));
  }

  @Provide
  Arbitrary<Long> pcs() {
    return Arbitraries.longs().between(0, 1000);
  }
}
