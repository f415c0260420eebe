package org.signum.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RegisterUse} against the operand names of the instruction table. */
class RegisterUseTest {
  private static final MachineDescription M =
      MachineDescription.defaults().with(MachineParameter.ACCUMULATOR_WIDTH, 20);
  private static final Set<String> WRITTEN = Set.of("rd", "vd", "ad", "rc");
  private static final Set<String> READ_AND_WRITTEN = Set.of("rc");

  /** Every register field set to a different nonzero register, post-increment on where allowed. */
  private static Instruction sample(Opcode op) {
    boolean pi = op.operands().stream().anyMatch(o -> o.kind() == OperandKind.MEMORY);
    return new Instruction(op, 1, 2, 3, 4, 0, pi, 0);
  }

  @Test
  void everyRegisterOperandIsReadOrWrittenAsItsNameSays() {
    for (Opcode op : Opcode.values()) {
      Instruction ins = sample(op);
      RegisterUse use = RegisterUse.of(ins, M);
      for (Operand o : op.operands()) {
        if (o.kind().isMemory()) {
          assertTrue(has(use.reads(), OperandKind.SCALAR_REGISTER, ins.b()), op + " base read");
          if (o.kind() == OperandKind.MEMORY) {
            assertTrue(has(use.writes(), OperandKind.SCALAR_REGISTER, ins.b()), op + " base +");
          }
          continue;
        }
        if (!o.kind().isRegister()) {
          continue;
        }
        int index = ins.register(o.field());
        boolean written = WRITTEN.contains(o.name());
        assertEquals(written, has(use.writes(), o.kind(), index), op + " writes " + o.name());
        if (!written || READ_AND_WRITTEN.contains(o.name())) {
          assertTrue(has(use.reads(), o.kind(), index), op + " reads " + o.name());
        }
      }
    }
  }

  @Test
  void accessesCarryTheWidthsOfTheirFiles() {
    RegisterUse x = RegisterUse.of(sample(Opcode.XPOPACC), M);
    assertEquals(
        List.of(
            new RegisterUse.Access(OperandKind.VECTOR_REGISTER, 2, 256),
            new RegisterUse.Access(OperandKind.VECTOR_REGISTER, 3, 256),
            new RegisterUse.Access(OperandKind.ACCUMULATOR, 1, 20)),
        x.reads());
    assertEquals(List.of(new RegisterUse.Access(OperandKind.ACCUMULATOR, 1, 20)), x.writes());
  }

  @Test
  void thresholdWritesOneBitAndOnlyOrdersAfterEarlierWritesOfItsRow() {
    RegisterUse t = RegisterUse.of(sample(Opcode.THR), M);
    assertEquals(
        List.of(
            new RegisterUse.Access(OperandKind.SCALAR_REGISTER, 3, 32),
            new RegisterUse.Access(OperandKind.ACCUMULATOR, 4, 20),
            new RegisterUse.Access(OperandKind.SCALAR_REGISTER, 2, 32),
            new RegisterUse.Access(OperandKind.VECTOR_REGISTER, 1, 0)),
        t.reads());
    assertEquals(
        List.of(
            new RegisterUse.Access(OperandKind.VECTOR_REGISTER, 1, 1),
            new RegisterUse.Access(OperandKind.SCALAR_REGISTER, 2, 32)),
        t.writes());
  }

  @Test
  void writesToR0AreDiscardedButItsReadsCount() {
    RegisterUse add = RegisterUse.of(new Instruction(Opcode.ADD, 0, 0, 5, 0, 0, false, 0), M);
    assertEquals(List.of(), add.writes());
    assertEquals(2, add.reads().size());
    RegisterUse noIncrement =
        RegisterUse.of(new Instruction(Opcode.LW, 7, 2, 0, 0, 0, false, 0), M);
    assertEquals(
        List.of(new RegisterUse.Access(OperandKind.SCALAR_REGISTER, 7, 32)), noIncrement.writes());
  }

  private static boolean has(List<RegisterUse.Access> list, OperandKind kind, int index) {
    return list.stream().anyMatch(a -> a.file() == kind && a.index() == index);
  }
}
