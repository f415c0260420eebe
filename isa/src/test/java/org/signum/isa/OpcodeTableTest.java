package org.signum.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Self-checks of the instruction table, in the manner of riscv-opcodes' generator checks. */
class OpcodeTableTest {

  @Test
  void opcodeNumbersMatchThePinnedGolden() throws IOException {
    List<String> expected = new ArrayList<>();
    try (InputStream in = getClass().getResourceAsStream("opcodes.golden")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          expected.add(line.strip());
        }
      }
    }
    List<String> actual = new ArrayList<>();
    for (Opcode op : Opcode.values()) {
      actual.add(String.format("0x%02x %s", op.code(), op.mnemonic()));
    }
    assertEquals(expected, actual, "opcode numbers are part of the object-file format");
  }

  @Test
  void mnemonicsAndCodesAreUniqueAcrossInstructionsAndPseudos() {
    Set<String> mnemonics = new HashSet<>();
    Set<Integer> codes = new HashSet<>();
    for (Opcode op : Opcode.values()) {
      assertTrue(mnemonics.add(op.mnemonic()), "duplicate mnemonic " + op.mnemonic());
      assertTrue(codes.add(op.code()), "duplicate opcode " + op.code());
      assertTrue(op.mnemonic().matches("[a-z][a-z0-9.]*"), op.mnemonic());
      assertTrue(op.code() > 0 && op.code() <= Field.OPCODE.maxUnsigned(), op.mnemonic());
    }
    for (Pseudo p : Pseudo.values()) {
      assertTrue(mnemonics.add(p.mnemonic()), "pseudo clashes with " + p.mnemonic());
    }
  }

  @Test
  void fieldsTileTheWordWithoutOverlap() {
    long seen = 0;
    for (Field f : Field.values()) {
      assertEquals(0, seen & f.mask(), "field " + f + " overlaps another");
      seen |= f.mask();
    }
    assertEquals(-1L, seen, "the fields must cover all 64 bits");
  }

  @Test
  void operandsUseDistinctFieldsThatHoldTheirValues() {
    for (Opcode op : Opcode.values()) {
      Set<Field> used = new HashSet<>();
      for (Operand o : op.operands()) {
        for (Field f : o.fields()) {
          assertTrue(used.add(f), op.mnemonic() + ": two operands share field " + f);
        }
        if (o.kind().isRegister()) {
          assertTrue(o.max() <= o.field().maxUnsigned(), op.mnemonic() + " " + o.name());
        }
        if (o.kind() == OperandKind.IMMEDIATE) {
          // A 32-bit immediate may be written signed or unsigned; both name the same low 32 bits.
          boolean bitPattern = o.min() == Operand.IMM32_MIN && o.max() == Operand.IMM32_MAX;
          assertTrue(
              bitPattern || o.max() - o.min() <= Field.IMM.maxUnsigned(),
              op.mnemonic() + " " + o.name());
        }
      }
    }
  }

  @Test
  void registerCountsOfTheMachineFitTheRegisterFields() {
    for (MachineParameter p :
        List.of(
            MachineParameter.VECTOR_REGISTERS,
            MachineParameter.SCALAR_REGISTERS,
            MachineParameter.ACCUMULATORS)) {
      assertTrue(p.max() - 1 <= Field.A.maxUnsigned(), p.key());
    }
  }

  @Test
  void syntaxIsDerivedFromTheOperands() {
    assertEquals("xpopacc ad, va, vb", Opcode.XPOPACC.syntax());
    assertEquals("thr vd, rbit, as, mem[rb+off]{+}", Opcode.THR.syntax());
    assertEquals("halt", Opcode.HALT.syntax());
  }

  @Test
  void lookupsByMnemonicAndCode() {
    for (Opcode op : Opcode.values()) {
      assertEquals(op, Opcode.byMnemonic(op.mnemonic()));
      assertEquals(op, Opcode.byCode(op.code()));
    }
    assertNull(Opcode.byMnemonic("xnorr"));
    assertNull(Opcode.byCode(0));
    assertNull(Opcode.byCode(-1));
    assertNull(Opcode.byCode(256));
  }

  @Test
  void pseudoExpansionsNameRealOperandsOfTheRightArity() {
    for (Pseudo p : Pseudo.values()) {
      assertEquals(p.expansion().operands().size(), p.template().size(), p.mnemonic());
      for (String t : p.template()) {
        if (t.startsWith("$")) {
          int k = Integer.parseInt(t.substring(1));
          assertTrue(k < p.arity(), p.mnemonic());
        }
      }
      assertNotNull(p.expansionText());
    }
    assertEquals("addi rd, rs, 0", Pseudo.MV.expansionText());
  }

  @Test
  void everyInstructionHasDocumentation() {
    for (Opcode op : Opcode.values()) {
      if (op.summary().isBlank() || op.semantics().isBlank()) {
        fail(op.mnemonic() + " lacks a summary or semantics");
      }
    }
  }
}
