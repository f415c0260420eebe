package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.DecodeException;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Pseudo;

/** Programs that must assemble, checked field by field and byte by byte. */
class ValidProgramsTest {

  private static Instruction decode(long word) {
    try {
      return Instruction.decode(word);
    } catch (DecodeException e) {
      throw new AssertionError(e);
    }
  }

  private static Instruction insn(Opcode op, int a, int b, int c, int imm) {
    return new Instruction(op, a, b, c, 0, 0, false, imm);
  }

  /** The value {@code .dword expr} stores. */
  private static long value(String expr) {
    ObjectFile o = Asm.ok(".section dram\n.dword " + expr + "\n");
    return ByteBuffer.wrap(o.data().get(0).bytes()).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  static Stream<Arguments> expressions() {
    return Stream.of(
        Arguments.of("1 + 2 * 3", 7L),
        Arguments.of("(1 + 2) * 3", 9L),
        Arguments.of("10 - 2 - 3", 5L),
        Arguments.of("100 / 10 / 5", 2L),
        Arguments.of("2 * 3 % 4", 2L),
        Arguments.of("1 << 2 + 1", 8L),
        Arguments.of("1 + 2 << 1", 6L),
        Arguments.of("6 & 3 | 8", 10L),
        Arguments.of("6 ^ 3 & 1", 7L),
        Arguments.of("1 | 2 ^ 3", 1L),
        Arguments.of("12 & 10 ^ 6", 14L),
        Arguments.of("-2 * -3", 6L),
        Arguments.of("- - 5", 5L),
        Arguments.of("+5 - -5", 10L),
        Arguments.of("~0", -1L),
        Arguments.of("~1 + 1", -1L),
        Arguments.of("-7 / 2", -3L),
        Arguments.of("-7 % 2", -1L),
        Arguments.of("-16 >> 2", -4L),
        Arguments.of("1 << 63", Long.MIN_VALUE),
        Arguments.of("0x7FFF_FFFF_FFFF_FFFF + 1", Long.MIN_VALUE),
        Arguments.of("0xFFFFFFFFFFFFFFFF", -1L),
        Arguments.of("18446744073709551615", -1L),
        Arguments.of("-9223372036854775808", Long.MIN_VALUE),
        Arguments.of("0b1010_1010", 170L),
        Arguments.of("0B11", 3L),
        Arguments.of("0X1f", 31L),
        Arguments.of("1_000_000", 1_000_000L),
        Arguments.of("007", 7L),
        Arguments.of("((((1))))", 1L),
        Arguments.of("VECTOR_WIDTH / 8 - VBYTES", 0L));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("expressions")
  void expressionsFollowCPrecedenceIn64Bits(String expr, long expected) {
    assertEquals(expected, value(expr));
  }

  @Test
  void aVeryLongChainEvaluatesWithoutDeepRecursion() {
    assertEquals(30_000L, value("1" + " + 1".repeat(29_999)));
    assertEquals(1L, value("(" + "1 * ".repeat(20_000) + "1)"));
  }

  @Test
  void predefinedConstantsComeFromTheMachine() {
    MachineDescription m =
        MachineDescription.defaults()
            .with(MachineParameter.VECTOR_WIDTH, 1024)
            .with(MachineParameter.CLOCK_MHZ, 750);
    ObjectFile o =
        Asm.ok(
            m,
            ".section dram\n.dword VECTOR_WIDTH, VBYTES, VWORDS, CLOCK_MHZ,"
                + " IMEM_WORDS, WMEM_BYTES, AMEM_BYTES, TMEM_BYTES, DRAM_BYTES, ACCUMULATORS,"
                + " ACCUMULATOR_WIDTH, VECTOR_REGISTERS, SCALAR_REGISTERS, DMA_BYTES_PER_CYCLE,"
                + " DMA_LATENCY_CYCLES\n");
    ByteBuffer b = ByteBuffer.wrap(o.data().get(0).bytes()).order(ByteOrder.LITTLE_ENDIAN);
    long[] expected = {
      1024, 128, 16, 750, 65536, 262144, 65536, 16384, 16 << 20, 8, 32, 16, 32, 16, 64
    };
    for (long e : expected) {
      assertEquals(e, b.getLong());
    }
    // Every machine parameter, plus VBYTES and VWORDS.
    assertEquals(MachineParameter.values().length + 2, Assembly.predefinedConstants(m).size());
  }

  @Test
  void labelsAndForwardReferences() {
    ObjectFile o =
        Asm.ok(
            """
            start:  li r1, count
                    j end
            mid:    nop
            end:    beq r1, r2, start
                    .equ count, end - start + 1
                    .section wmem
                    .word mid, end
            data:   .byte 7
            """);
    assertEquals(insn(Opcode.LI, 1, 0, 0, 4), decode(o.code()[0]));
    assertEquals(insn(Opcode.J, 0, 0, 0, 2), decode(o.code()[1]));
    assertEquals(insn(Opcode.BEQ, 0, 1, 2, -3), decode(o.code()[3]));
    assertArrayEquals(new byte[] {2, 0, 0, 0, 3, 0, 0, 0, 7}, o.data().get(0).bytes());
    assertEquals(
        List.of(
            new Symbol("count", SymbolKind.CONSTANT, 4),
            new Symbol("data", SymbolKind.WMEM, 8),
            new Symbol("end", SymbolKind.CODE, 3),
            new Symbol("mid", SymbolKind.CODE, 2),
            new Symbol("start", SymbolKind.CODE, 0)),
        o.symbols());
  }

  @Test
  void severalLabelsOnALineAndLabelsAlone() {
    ObjectFile o = Asm.ok("a: b:\nc:\n  nop\nd: e: nop\n");
    assertEquals(
        List.of(
            new Symbol("a", SymbolKind.CODE, 0),
            new Symbol("b", SymbolKind.CODE, 0),
            new Symbol("c", SymbolKind.CODE, 0),
            new Symbol("d", SymbolKind.CODE, 1),
            new Symbol("e", SymbolKind.CODE, 1)),
        o.symbols());
  }

  @Test
  void localLabelsReferToTheNearestDefinition() {
    ObjectFile o =
        Asm.ok(
            """
            1:  nop
                j 1f
            1:  j 1b
                j 1b
                j 2f
            2:
            1:  j 1b
                .section amem
            1:  .byte 0
                .word 1b, 1f
            1:  .byte 0
            """);
    assertEquals(2, decode(o.code()[1]).target(1));
    assertEquals(2, decode(o.code()[2]).target(2));
    assertEquals(2, decode(o.code()[3]).target(3));
    assertEquals(5, decode(o.code()[4]).target(4));
    assertEquals(5, decode(o.code()[5]).target(5));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 9, 0, 0, 0, 0}, o.data().get(0).bytes());
    assertEquals(List.of(), o.symbols());
  }

  @Test
  void setMayRedefineAndEachUseSeesTheLatestEarlierValue() {
    ObjectFile o =
        Asm.ok(
            """
                li r1, X
                .set X, 1
                li r2, X
                .set X, X + 10
                li r3, X
                .equ Y, X * 2
                .set X, 100
            """);
    assertEquals(1, decode(o.code()[0]).imm());
    assertEquals(1, decode(o.code()[1]).imm());
    assertEquals(11, decode(o.code()[2]).imm());
    assertEquals(
        List.of(
            new Symbol("X", SymbolKind.CONSTANT, 100), new Symbol("Y", SymbolKind.CONSTANT, 22)),
        o.symbols());
  }

  @Test
  void theLocationCounterDot() {
    ObjectFile o =
        Asm.ok(
            """
                nop
                j .
                .equ HERE, .
                .section amem
                .org 16
                .word ., . + 4
                .equ THERE, .
            """);
    assertEquals(1, decode(o.code()[1]).target(1));
    assertArrayEquals(new byte[] {16, 0, 0, 0, 20, 0, 0, 0}, o.data().get(0).bytes());
    assertEquals(
        List.of(
            new Symbol("HERE", SymbolKind.CONSTANT, 2),
            new Symbol("THERE", SymbolKind.CONSTANT, 24)),
        o.symbols());
  }

  @Test
  void memoryOperandForms() {
    ObjectFile o =
        Asm.ok(
            """
                vld v1, wmem[r1 + 8]
                vld v2, amem[r2 - 8]+
                lw r3, tmem[r3]
                sw r4, wmem[64]
                sw r4, wmem[r0 + 64]
                vst v5, amem[r6 + 4 * 2 - 1]
                vst v5, amem[(r6) + 3]
                vst v5, amem[r6 - 2 + 10]+
                thr v1, r2, a3, tmem[r4 + 4]+
                dma.st wmem[r9 + VBYTES], r10, r11
            """);
    assertEquals(new Instruction(Opcode.VLD, 1, 1, 0, 0, 0, false, 8), decode(o.code()[0]));
    assertEquals(new Instruction(Opcode.VLD, 2, 2, 0, 0, 1, true, -8), decode(o.code()[1]));
    assertEquals(new Instruction(Opcode.LW, 3, 3, 0, 0, 2, false, 0), decode(o.code()[2]));
    assertEquals(new Instruction(Opcode.SW, 4, 0, 0, 0, 0, false, 64), decode(o.code()[3]));
    assertEquals(o.code()[3], o.code()[4]);
    assertEquals(new Instruction(Opcode.VST, 5, 6, 0, 0, 1, false, 7), decode(o.code()[5]));
    assertEquals(new Instruction(Opcode.VST, 5, 6, 0, 0, 1, false, 3), decode(o.code()[6]));
    assertEquals(new Instruction(Opcode.VST, 5, 6, 0, 0, 1, true, 8), decode(o.code()[7]));
    assertEquals(new Instruction(Opcode.THR, 1, 4, 2, 3, 2, true, 4), decode(o.code()[8]));
    assertEquals(new Instruction(Opcode.DMA_ST, 0, 9, 10, 11, 0, false, 32), decode(o.code()[9]));
  }

  @ParameterizedTest
  @EnumSource(Pseudo.class)
  void pseudoInstructionsAssembleAsTheirExpansion(Pseudo p) {
    // The pseudo-instruction and its expansion written out by hand, each alone at index 0.
    String syntax = p.syntax();
    List<String> names =
        p.arity() == 0 ? List.of() : List.of(syntax.substring(syntax.indexOf(' ') + 1).split(", "));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      args.add(names.get(i).equals("target") ? "3" : "r" + (5 + i));
    }
    List<String> realOperands = new ArrayList<>();
    for (String t : p.template()) {
      realOperands.add(t.startsWith("$") ? args.get(Integer.parseInt(t.substring(1))) : t);
    }
    String pseudoLine = p.mnemonic() + (args.isEmpty() ? "" : " " + String.join(", ", args));
    String realLine = p.expansion().mnemonic() + " " + String.join(", ", realOperands);
    long pseudo = Asm.ok(pseudoLine).code()[0];
    assertEquals(Asm.ok(realLine).code()[0], pseudo);
    assertEquals(p.expansion(), decode(pseudo).opcode());
  }

  @Test
  void dataDirectivesAreLittleEndianAndMergeIntoRuns() {
    ObjectFile o =
        Asm.ok(
            """
                .section wmem
                .byte 1, -1, 255
                .half 0x1234, -2
                .word 0xDEADBEEF, -1
                .dword 0x0102030405060708
                .section amem
                .org 8
                .byte 9
                .space 3
                .byte 10
                .section dram
                .byte 11
                .section wmem
                .byte 12
            """);
    assertEquals(
        List.of(
            new DataSection(
                MemorySpace.WMEM,
                0,
                new byte[] {
                  1,
                  -1,
                  -1,
                  0x34,
                  0x12,
                  -2,
                  -1,
                  (byte) 0xEF,
                  (byte) 0xBE,
                  (byte) 0xAD,
                  (byte) 0xDE,
                  -1,
                  -1,
                  -1,
                  -1,
                  8,
                  7,
                  6,
                  5,
                  4,
                  3,
                  2,
                  1,
                  12
                }),
            new DataSection(MemorySpace.AMEM, 8, new byte[] {9}),
            new DataSection(MemorySpace.AMEM, 12, new byte[] {10}),
            new DataSection(MemorySpace.DRAM, 0, new byte[] {11})),
        o.data());
  }

  @Test
  void alignAndSpace() {
    ObjectFile o =
        Asm.ok(
            """
                .section tmem
                .byte 1
                .align 4
            a:  .byte 2
                .align 8, 0xEE
            b:  .space 2, -1
            c:  .space 0
                .align 1
            d:  .byte 3
            """);
    assertEquals(
        List.of(
            new DataSection(MemorySpace.TMEM, 0, new byte[] {1}),
            new DataSection(
                MemorySpace.TMEM,
                4,
                new byte[] {2, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, -1, -1, 3})),
        o.data());
    assertEquals(
        List.of(
            new Symbol("a", SymbolKind.TMEM, 4),
            new Symbol("b", SymbolKind.TMEM, 8),
            new Symbol("c", SymbolKind.TMEM, 10),
            new Symbol("d", SymbolKind.TMEM, 10)),
        o.symbols());
  }

  @Test
  void rowNotationsAgreeAndPadToTheVectorWidth() {
    MachineDescription m64 = MachineDescription.defaults().with(MachineParameter.VECTOR_WIDTH, 64);
    ObjectFile o =
        Asm.ok(
            m64,
            """
                .section wmem
            a:  .rowb "1011 0010"
            b:  .rowx "B2"
            c:  .rowpm "+-++ --+-"
            d:  .rowb "1_0", 1
            e:  .rowx "0123456789abcdef FEDCBA98 7"
            """);
    byte[] bytes = o.data().get(0).bytes();
    // Elements 1,0,1,1,0,0,1,0: element i is bit i of the byte, so 0b01001101.
    byte[] row = {0x4D, 0, 0, 0, 0, 0, 0, 0};
    for (int r = 0; r < 3; r++) {
      assertArrayEquals(row, Arrays.copyOfRange(bytes, 8 * r, 8 * r + 8));
    }
    assertArrayEquals(
        new byte[] {(byte) 0xFD, -1, -1, -1, -1, -1, -1, -1}, Arrays.copyOfRange(bytes, 24, 32));
    // 25 hex digits are 100 elements, padded to two 64-bit rows. A digit's most significant bit
    // comes first: "01" sets element 7, "23" elements 10, 14 and 15, the final "7" 97 to 99.
    assertEquals(48, bytes.length);
    assertEquals((byte) 0x80, bytes[32]);
    assertEquals((byte) 0xC4, bytes[33]);
    assertEquals(0x0E, bytes[32 + 12]);
    assertArrayEquals(new byte[3], Arrays.copyOfRange(bytes, 45, 48));
    assertEquals(new Symbol("e", SymbolKind.WMEM, 32), o.symbols().get(4));
  }

  @Test
  void aRowAtTheDefaultWidthIsPaddedTo256Bits() {
    ObjectFile o = Asm.ok(".section amem\n.rowb \"1\"\n.rowb \"0\", 1\n");
    byte[] bytes = o.data().get(0).bytes();
    byte[] first = new byte[32];
    first[0] = 1;
    byte[] second = new byte[32];
    Arrays.fill(second, (byte) -1);
    second[0] = (byte) 0xFE;
    assertArrayEquals(first, Arrays.copyOfRange(bytes, 0, 32));
    assertArrayEquals(second, Arrays.copyOfRange(bytes, 32, 64));
    assertEquals(64, bytes.length);
  }

  @Test
  void orgInTextFillsGapsWithNopsAttributedToTheOrg() {
    ObjectFile o = Asm.ok("halt\n  .org 3\nhalt\n.org 10\n");
    long nop = Instruction.of(Opcode.NOP).encode();
    long halt = Instruction.of(Opcode.HALT).encode();
    assertArrayEquals(new long[] {halt, nop, nop, halt}, o.code());
    assertEquals(
        List.of(
            new LineEntry(0, 1, 1),
            new LineEntry(0, 2, 3),
            new LineEntry(0, 2, 3),
            new LineEntry(0, 3, 1)),
        o.lines());
  }

  @Test
  void instEmitsARawWordEvenAnIllegalOne() {
    ObjectFile o = Asm.ok(".inst 0xFFFF_FFFF_FFFF_FFFF\n.inst end\nend:\n");
    assertArrayEquals(new long[] {-1L, 2L}, o.code());
  }

  @Test
  void entryPoint() {
    assertEquals(0, Asm.ok("nop\nhalt").entry());
    assertEquals(1, Asm.ok(".entry main\nnop\nmain: halt").entry());
    assertEquals(0, Asm.ok(".entry 0").entry());
  }

  @Test
  void macrosSubstituteArgumentsAndUniqueLabels() {
    ObjectFile o =
        Asm.ok(
            """
                .macro countdown reg, n
                li \\reg, \\n
            top\\@: addi \\reg, \\reg, -1
                bnez \\reg, top\\@
                .endm
                .macro load vd, mem
                vld \\vd, \\mem
                .endm
                .macro label name
            \\name\\()_end:
                .endm
                countdown r5, 2 * 5
                countdown r6, COUNT
                load v3, amem[r2 + 8]+
                label loop
                .equ COUNT, 3
            """);
    assertEquals(insn(Opcode.LI, 5, 0, 0, 10), decode(o.code()[0]));
    assertEquals(insn(Opcode.BNE, 0, 5, 0, -1), decode(o.code()[2]));
    assertEquals(insn(Opcode.LI, 6, 0, 0, 3), decode(o.code()[3]));
    assertEquals(insn(Opcode.BNE, 0, 6, 0, -1), decode(o.code()[5]));
    assertEquals(new Instruction(Opcode.VLD, 3, 2, 0, 0, 1, true, 8), decode(o.code()[6]));
    assertEquals(
        List.of(
            new Symbol("COUNT", SymbolKind.CONSTANT, 3),
            new Symbol("loop_end", SymbolKind.CODE, 7),
            new Symbol("top0", SymbolKind.CODE, 1),
            new Symbol("top1", SymbolKind.CODE, 4)),
        o.symbols());
    assertEquals(new LineEntry(0, 12, 5), o.lines().get(1));
    assertEquals(new LineEntry(0, 14, 5), o.lines().get(6));
  }

  @Test
  void macrosMayInvokeMacrosAndPlaceData() {
    ObjectFile o =
        Asm.ok(
            """
                .macro pair a, b
                .byte \\a, \\b
                .endm
                .macro quad a
                pair \\a, \\a + 1
                pair \\a + 2, \\a + 3
                .endm
                .section amem
                quad 10
            """);
    assertArrayEquals(new byte[] {10, 11, 12, 13}, o.data().get(0).bytes());
  }

  @Test
  void commentsBlankLinesAndWhitespace() {
    ObjectFile o = Asm.ok("; header\n\n\t  \nnop;c\n   halt   ; trailing\n;\n");
    assertEquals(2, o.code().length);
    assertEquals(List.of(new LineEntry(0, 4, 1), new LineEntry(0, 5, 4)), o.lines());
  }

  @Test
  void theObjectRecordsTheMachineAndTheFile() {
    MachineDescription m = MachineDescription.defaults().with(MachineParameter.ACCUMULATORS, 4);
    AssemblyResult r = new Assembler(m, List.of()).assembleSource("halt\n", "prog/x.s");
    assertTrue(r.ok());
    assertEquals(m.architecturalParameters(), r.object().machine());
    assertEquals(List.of("prog/x.s"), r.object().files());
    assertEquals(List.of(), r.diagnostics());
  }

  @Test
  void anEmptyProgram() {
    ObjectFile o = Asm.ok("");
    assertEquals(0, o.code().length);
    assertEquals(List.of(), o.lines());
    assertEquals(List.of("t.s"), o.files());
  }
}
