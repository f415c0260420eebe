package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;

class DisassemblerTest {
  private static final Map<String, Long> MACHINE =
      Collections.unmodifiableMap(
          MachineDescription.defaults()
              .with(MachineParameter.IMEM_WORDS, 64)
              .with(MachineParameter.SCALAR_REGISTERS, 8)
              .with(MachineParameter.WMEM_BYTES, 64)
              .with(MachineParameter.AMEM_BYTES, 32)
              .with(MachineParameter.TMEM_BYTES, 16)
              .with(MachineParameter.DRAM_BYTES, 64)
              .architecturalParameters());

  private static long word(Opcode op, int a, int b, int c, int d, int mem, boolean pi, int imm) {
    return new Instruction(op, a, b, c, d, mem, pi, imm).encode();
  }

  private static ObjectFile program(long[] code, List<Symbol> symbols, int entry) {
    return program(code, symbols, entry, List.of());
  }

  private static ObjectFile program(
      long[] code, List<Symbol> symbols, int entry, List<DataSection> data) {
    List<LineEntry> lines = new ArrayList<>();
    for (int i = 0; i < code.length; i++) {
      lines.add(new LineEntry(0, i + 1, 9));
    }
    return new ObjectFile(MACHINE, entry, code, data, symbols, lines, List.of("t.s"));
  }

  /** The instruction lines of a disassembly, without labels, comments or directives. */
  private static List<String> body(String text) {
    return text.lines()
        .filter(
            l ->
                l.startsWith("        ") && !l.strip().startsWith(".")
                    || l.strip().startsWith(".inst"))
        .map(String::strip)
        .toList();
  }

  /** A dot-product kernel with one of each awkward case: see the golden files. */
  static ObjectFile golden() {
    long[] code = {
      word(Opcode.LI, 1, 0, 0, 0, 0, false, 4),
      word(Opcode.ACLR, 0, 0, 0, 0, 0, false, 0),
      word(Opcode.VLD, 1, 2, 0, 0, 0, true, 0),
      word(Opcode.VLD, 2, 3, 0, 0, 1, true, 8),
      word(Opcode.XPOPACC, 0, 1, 2, 0, 0, false, 0),
      word(Opcode.LOOP, 1, 0, 0, 0, 0, false, -3),
      word(Opcode.BEQ, 0, 0, 0, 0, 0, false, 2),
      0xffL,
      word(Opcode.STA, 0, 0, 0, 0, 2, false, 4),
      word(Opcode.LI, 9, 0, 0, 0, 0, false, 1),
      word(Opcode.J, 0, 0, 0, 0, 0, false, -20),
      word(Opcode.HALT, 0, 0, 0, 0, 0, false, 0),
    };
    List<Symbol> symbols =
        List.of(
            new Symbol("main", SymbolKind.CODE, 0),
            new Symbol("weights", SymbolKind.WMEM, 0),
            new Symbol("loop", SymbolKind.CODE, 2),
            new Symbol("r3", SymbolKind.CODE, 4),
            new Symbol("N", SymbolKind.CONSTANT, 4),
            new Symbol("L8", SymbolKind.CODE, 11),
            new Symbol("1", SymbolKind.CODE, 11),
            new Symbol("loop", SymbolKind.CODE, 11),
            new Symbol("end", SymbolKind.CODE, 12));
    byte[] w = new byte[19];
    for (int i = 0; i < w.length; i++) {
      w[i] = (byte) (0x10 + i);
    }
    List<DataSection> data =
        List.of(
            new DataSection(MemorySpace.WMEM, 0, w),
            new DataSection(
                MemorySpace.AMEM, 4, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
            new DataSection(MemorySpace.TMEM, 8, new byte[] {-1, 0, 0, 0}));
    List<LineEntry> lines = new ArrayList<>();
    for (int i = 0; i < code.length; i++) {
      lines.add(new LineEntry(i == 4 ? 1 : 0, 3 + i, 9));
    }
    return new ObjectFile(
        MACHINE, 0, code, data, symbols, lines, List.of("dot.s", "include/macros.inc"));
  }

  /** One instruction per opcode, every field set, branches going back to index 0. */
  static ObjectFile everyOpcode() {
    Opcode[] ops = Opcode.values();
    long[] code = new long[ops.length];
    for (int pc = 0; pc < ops.length; pc++) {
      Opcode op = ops[pc];
      int imm = 0;
      for (var o : op.operands()) {
        imm =
            switch (o.kind()) {
              case TARGET -> -pc;
              case MEMORY, MEMORY_NO_INCREMENT -> 16;
              case IMMEDIATE -> o.max() == 31 ? 5 : -7;
              default -> imm;
            };
      }
      var used = op.usedFields();
      code[pc] =
          new Instruction(
                  op,
                  used.contains(org.signum.isa.Field.A) ? 1 : 0,
                  used.contains(org.signum.isa.Field.B) ? 2 : 0,
                  used.contains(org.signum.isa.Field.C) ? 3 : 0,
                  used.contains(org.signum.isa.Field.D) ? 4 : 0,
                  used.contains(org.signum.isa.Field.MEM) ? 1 : 0,
                  used.contains(org.signum.isa.Field.POST_INCREMENT),
                  imm)
              .encode();
    }
    return program(code, List.of(), 0);
  }

  @Test
  void goldenDisassembly() throws Exception {
    assertEquals(ObjectFileWriterTest.resource("golden.s"), Disassembler.disassemble(golden()));
  }

  @Test
  void goldenListing() throws Exception {
    assertEquals(ObjectFileWriterTest.resource("golden.lst"), Disassembler.listing(golden()));
  }

  @Test
  void goldenDisassemblyEncodesTheSameProgram() {
    ObjectFile f = golden();
    var parsed = DisassemblyParser.parse(Disassembler.disassemble(f));
    assertArrayEquals(f.code(), parsed.code());
    assertEquals(f.entry(), parsed.entry());
    assertEquals(f.data(), parsed.data());
  }

  @Test
  void everyOpcodeRendersAsInTheGolden() throws Exception {
    String text = Disassembler.disassemble(everyOpcode());
    assertEquals(ObjectFileWriterTest.resource("every-opcode.s"), text);
    List<String> body = body(text);
    Opcode[] ops = Opcode.values();
    assertEquals(ops.length, body.size());
    for (int i = 0; i < ops.length; i++) {
      assertEquals(ops[i].mnemonic(), body.get(i).split(" ")[0]);
    }
    assertArrayEquals(everyOpcode().code(), DisassemblyParser.parse(text).code());
  }

  @Test
  void branchTargetsUseTheFirstUsableSymbolThere() {
    long[] code = {
      word(Opcode.NOP, 0, 0, 0, 0, 0, false, 0), word(Opcode.J, 0, 0, 0, 0, 0, false, -1),
    };
    List<Symbol> symbols =
        List.of(
            new Symbol("v7", SymbolKind.CODE, 0),
            new Symbol("top", SymbolKind.CODE, 0),
            new Symbol("again", SymbolKind.CODE, 0));
    String text = Disassembler.disassemble(program(code, symbols, 1));
    assertTrue(
        text.contains(
            "; symbol v7 (not usable as a label name)\ntop:\nagain:\n        nop\n        j top\n"),
        text);
    assertTrue(text.contains(".entry 1\n"), text);
  }

  @Test
  void unnamedTargetsGetSynthesizedLabelsThatClashWithNoSymbol() {
    long[] code = {
      word(Opcode.BNE, 0, 1, 2, 0, 0, false, 2),
      word(Opcode.BNE, 0, 1, 2, 0, 0, false, 2),
      word(Opcode.HALT, 0, 0, 0, 0, 0, false, 0),
      word(Opcode.J, 0, 0, 0, 0, 0, false, -3),
    };
    List<Symbol> symbols = List.of(new Symbol("L2", SymbolKind.CODE, 1));
    String text = Disassembler.disassemble(program(code, symbols, 0));
    assertEquals(List.of("bne r1, r2, L2_1", "bne r1, r2, L3", "halt", "j L0"), body(text));
    assertTrue(text.contains("L0:\n        bne r1, r2, L2_1\nL2:\n        bne"), text);
    assertTrue(text.contains("L2_1:\n        halt\nL3:\n        j L0\n"), text);
    assertTrue(text.contains(".entry L0\n"), text);
  }

  @Test
  void aBranchToJustPastTheCodeGetsALabelThere() {
    long[] code = {word(Opcode.BEQ, 0, 1, 2, 0, 0, false, 1)};
    String text = Disassembler.disassemble(program(code, List.of(), 0));
    assertTrue(text.contains("        beq r1, r2, L1\nL1:\n"), text);
    assertArrayEquals(code, DisassemblyParser.parse(text).code());
  }

  @Test
  void wordsThatDoNotReassembleToThemselvesAreWrittenAsInst() {
    long[] code = {
      0x00000000000000ffL,
      Instruction.of(Opcode.HALT).encode() | (1L << 8),
      word(Opcode.SLLI, 1, 2, 0, 0, 0, false, 0) | (40L << 32),
      word(Opcode.VNOT, 20, 2, 0, 0, 0, false, 0),
      word(Opcode.ACLR, 9, 0, 0, 0, 0, false, 0),
      word(Opcode.LW, 1, 12, 0, 0, 0, false, 0),
      word(Opcode.J, 0, 0, 0, 0, 0, false, 100),
    };
    assertEquals(
        List.of(
            ".inst 0x00000000000000ff ; illegal: unassigned opcode 0xff",
            ".inst 0x0000000000000102 ; illegal: field a must be 0 for halt",
            ".inst 0x0000002800004118 ; illegal: shamt 40 is not an integer in the range [0, 31]",
            ".inst 0x0000000000005444 ; illegal: v20, but the machine has 16 vector registers"
                + " (vector_registers)",
            ".inst 0x0000000000000958 ; illegal: a9, but the machine has 8 accumulators"
                + " (accumulators)",
            ".inst 0x0000000000018130 ; illegal: r12, but the machine has 8 scalar registers"
                + " (scalar_registers)",
            ".inst 0x0000006400000026 ; j 106: target outside the code"),
        body(Disassembler.disassemble(program(code, List.of(), 0))));
  }

  @Test
  void dataSectionsUseDwordsOnlyAtAlignedAddresses() {
    byte[] b = new byte[21];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (0xa0 + i);
    }
    List<DataSection> data =
        List.of(
            new DataSection(MemorySpace.DRAM, 5, b),
            new DataSection(MemorySpace.WMEM, 8, new byte[] {0x7f}),
            new DataSection(MemorySpace.DRAM, 40, new byte[40]));
    ObjectFile f = program(new long[0], List.of(), 0, data);
    String text = Disassembler.disassemble(f);
    String expected =
        "\n        .section dram\n"
            + "        .org 0x5\n"
            + "        .byte 0xa0, 0xa1, 0xa2\n"
            + "        .dword 0xaaa9a8a7a6a5a4a3, 0xb2b1b0afaeadacab\n"
            + "        .byte 0xb3, 0xb4\n"
            + "\n        .section wmem\n"
            + "        .org 0x8\n"
            + "        .byte 0x7f\n"
            + "\n        .section dram\n"
            + "        .org 0x28\n"
            + "        .dword 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,"
            + " 0x0000000000000000\n"
            + "        .dword 0x0000000000000000\n";
    assertTrue(text.endsWith(expected), text);
    assertEquals(data, DisassemblyParser.parse(text).data());
  }

  @Test
  void noEntryDirectiveWithoutCode() {
    String text = Disassembler.disassemble(program(new long[0], List.of(), 0));
    assertTrue(text.endsWith("        .text\n"), text);
  }

  @Test
  void otherSymbolsAppearAsComments() {
    List<Symbol> symbols =
        List.of(
            new Symbol("thresholds", SymbolKind.TMEM, 8),
            new Symbol("ROWS", SymbolKind.CONSTANT, -3));
    String text = Disassembler.disassemble(program(new long[0], symbols, 0));
    assertTrue(text.contains("; symbol thresholds: tmem 8\n; symbol ROWS: constant -3\n"), text);
  }

  /** A name from the file is data: it must not end a comment and smuggle in an instruction. */
  @Test
  void namesCannotInjectSource() {
    long[] code = {word(Opcode.NOP, 0, 0, 0, 0, 0, false, 0)};
    List<Symbol> symbols =
        List.of(
            new Symbol("x\nhalt", SymbolKind.CODE, 0),
            new Symbol("y\u2028halt", SymbolKind.CONSTANT, 0));
    ObjectFile f =
        new ObjectFile(
            MACHINE,
            0,
            code,
            List.of(),
            symbols,
            List.of(new LineEntry(0, 1, 1)),
            List.of("evil.s\rhalt"));
    String text = Disassembler.disassemble(f);
    assertEquals(List.of("nop"), body(text));
    assertTrue(text.contains("; symbol x\\u000ahalt (not usable as a label name)\n"), text);
    assertTrue(text.contains("; symbol y\\u2028halt: constant 0\n"), text);
    assertTrue(Disassembler.listing(f).contains("evil.s\\u000dhalt:1"));
  }

  @Test
  void listingShowsIndexWordSourceAndText() {
    long[] code = {word(Opcode.LI, 3, 0, 0, 0, 0, false, -1)};
    assertEquals(
        "pc  word                source  text\n"
            + " 0  0xffffffff00000308  t.s:1   li r3, -1\n"
            + "entry 0\n",
        Disassembler.listing(program(code, List.of(), 0)));
  }

  @Provide
  Arbitrary<ObjectFile> objectFiles() {
    return ObjectFileArbitraries.objectFiles();
  }

  /** What reassembling would check, short of the assembler: same words, entry and data. */
  @Property(tries = 300)
  void disassemblyEncodesTheSameProgram(@ForAll("objectFiles") ObjectFile f) {
    String text = Disassembler.disassemble(f);
    var parsed = DisassemblyParser.parse(text);
    assertArrayEquals(f.code(), parsed.code(), text);
    if (f.code().length > 0) {
      assertEquals(f.entry(), parsed.entry(), text);
    }
    assertEquals(f.data(), parsed.data(), text);
  }

  @Property(tries = 100)
  void listingHasOneRowPerInstruction(@ForAll("objectFiles") ObjectFile f) {
    long rows =
        Disassembler.listing(f)
            .lines()
            .filter(l -> l.matches(" *[0-9]+  0x[0-9a-f]{16}  .*"))
            .count();
    assertEquals(f.code().length, rows);
  }
}
