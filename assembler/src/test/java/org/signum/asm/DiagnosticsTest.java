package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;

/**
 * One case per diagnostic the assembler emits: a source snippet and exactly the diagnostics it must
 * produce, with line and column. Cases that need files or special machines are in {@link
 * IncludeTest} and at the end of this class.
 */
class DiagnosticsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        // ---- lexical and syntax errors ----
        c("  li r1, #", "t.s:1:10: error: unexpected character '#'"),
        c("li r1, \u00a0", "t.s:1:8: error: unexpected character U+00A0"),
        c(
            "li r1, \\x",
            "t.s:1:8: error: unexpected character '\\'; '\\' substitutes macro parameters only"
                + " inside a macro body"),
        c(".include \"abc", "t.s:1:10: error: unterminated string: missing the closing '\"'"),
        c("li r1, 12ab", "t.s:1:8: error: malformed number '12ab'"),
        c("li r1, 1.5", "t.s:1:8: error: malformed number '1.5'"),
        c("li r1, 0x", "t.s:1:8: error: malformed number '0x': no digits"),
        c("li r1, 0b_", "t.s:1:8: error: malformed number '0b_': no digits"),
        c(
            "li r1, 99999999999999999999",
            "t.s:1:8: error: number '99999999999999999999' does not fit in 64 bits"),
        c(
            "li r1, 0x1_0000_0000_0000_0000",
            "t.s:1:8: error: number '0x1_0000_0000_0000_0000' does not fit in 64 bits"),
        c(
            "1234567890: nop",
            "t.s:1:1: error: local label number '1234567890' is too long: use at most 9 digits"),
        c(
            "li r1, " + "(".repeat(101) + "1" + ")".repeat(101),
            "t.s:1:108: error: expression nested more than 100 levels deep"),
        c(
            "li r1, " + "-".repeat(101) + "1",
            "t.s:1:108: error: expression nested more than 100 levels deep"),
        c("add r1,", "t.s:1:8: error: expected an operand after ',' but found end of line"),
        c(
            "add r1, r2 r3",
            "t.s:1:12: error: expected ',' or end of line after 'r2' but found 'r3'"),
        c("li r1, (2", "t.s:1:10: error: expected ')' after '2' but found end of line"),
        c("vld v1, wmem[r1", "t.s:1:16: error: expected ']' after 'r1' but found end of line"),
        c("vld v1, wmem[]", "t.s:1:14: error: expected an expression after '[' but found ']'"),
        c("li r1, 1 +", "t.s:1:11: error: expected an expression after '+' but found end of line"),
        c(", nop", "t.s:1:1: error: expected a label, an instruction or a directive but found ','"),
        c(".macro", "t.s:1:7: error: expected a macro name after '.macro' but found end of line"),
        c(
            ".macro m a,",
            "t.s:1:12: error: expected a parameter name after ',' but found end of line"),
        c(
            "vld v1, wmem[r1]+ 4",
            "t.s:1:19: error: expected ',' or end of line after '+' but found '4'"),
        c("nop nop: x", "t.s:1:8: error: expected ',' or end of line after 'nop' but found ':'"),

        // ---- mnemonics and operands ----
        c("xnorr v1, v2, v3", "t.s:1:1: error: unknown mnemonic 'xnorr', did you mean 'vxnor'?"),
        c("ADD r1, r2, r3", "t.s:1:1: error: unknown mnemonic 'ADD', did you mean 'add'?"),
        c("frobnicate", "t.s:1:1: error: unknown mnemonic 'frobnicate'"),
        c("vxnor v1, v2", "t.s:1:1: error: vxnor expects 3 operands (vxnor vd, va, vb), got 2"),
        c("halt 1", "t.s:1:1: error: halt expects no operands (halt), got 1"),
        c("jr", "t.s:1:1: error: jr expects 1 operand (jr rs1), got 0"),
        c("beqz r1", "t.s:1:1: error: beqz expects 2 operands (beqz rs, target), got 1"),
        c(
            "vxnor v1, v2, r3",
            "t.s:1:15: error: operand 'vb' of vxnor must be a vector register, got 'r3'"),
        c("aclr 3", "t.s:1:6: error: operand 'ad' of aclr must be an accumulator, got '3'"),
        c(
            "addi r1, r2, r3",
            "t.s:1:14: error: operand 'imm' of addi must be an immediate, got 'r3'"),
        c("j r1", "t.s:1:3: error: operand 'target' of j must be a branch target, got 'r1'"),
        c(
            "vld v1, 8",
            "t.s:1:9: error: operand 'mem[rb+off]{+}' of vld must be a memory operand, got '8'"),
        c(
            "li wmem[r1], 3",
            "t.s:1:4: error: operand 'rd' of li must be a scalar register, got 'wmem[r1]'"),
        c(
            "bgt r1, 5, 0",
            "t.s:1:9: error: operand 'rs2' of bgt must be a scalar register, got '5'"),
        c(
            "vxnor v1, v2, v20",
            "t.s:1:15: error: register v20 does not exist: the machine has 16 vector registers"
                + " (v0..v15)"),
        c(
            "aclr a8",
            "t.s:1:6: error: register a8 does not exist: the machine has 8 accumulators (a0..a7)"),
        c(
            "li r99999999999, 1",
            "t.s:1:4: error: register r99999999999 does not exist: the machine has 32 scalar"
                + " registers (r0..r31)"),
        c(
            "slli r1, r2, 40",
            "t.s:1:14: error: immediate 'shamt' of slli must be an integer in the range [0, 31],"
                + " got 40"),
        c(
            "li r1, 5000000000",
            "t.s:1:8: error: immediate 'imm' of li must be a 32-bit integer in the range"
                + " [-2147483648, 4294967295], got 5000000000"),
        c(
            "aaddi a0, 0xFFFFFFFF",
            "t.s:1:11: error: immediate 'imm' of aaddi must be an integer in the range"
                + " [-2147483648, 2147483647], got 4294967295"),
        c(
            "j 0x80000000",
            "t.s:1:3: error: branch target 2147483648 of j is out of reach from instruction 0:"
                + " the distance must be an integer in the range [-2147483648, 2147483647]"),
        c(
            "nop\nj -0x7FFFFFFFFFFFFFFF - 1",
            "t.s:2:3: error: branch target -9223372036854775808 of j is out of reach from"
                + " instruction 1: the distance must be an integer in the range"
                + " [-2147483648, 2147483647]"),
        c(
            "vld v1, xmem[r1]",
            "t.s:1:9: error: unknown memory 'xmem' in a memory operand; expected wmem, amem or"
                + " tmem, did you mean 'wmem'?"),
        c(
            "vld v1, dram[r1]",
            "t.s:1:9: error: dram cannot be named in a memory operand: only DMA reaches it,"
                + " through a byte address in a scalar register"),
        c(
            "vld v1, wmem[v1 + 8]",
            "t.s:1:14: error: the base register of a memory operand must be a scalar register,"
                + " got 'v1'"),
        c(
            "vld v1, wmem[r40]",
            "t.s:1:14: error: register r40 does not exist: the machine has 32 scalar registers"
                + " (r0..r31)"),
        c("vld v1, wmem[8 + r1]", "t.s:1:18: error: register 'r1' cannot be used in an expression"),
        c(
            "vld v1, wmem[r1 + 0x80000000]",
            "t.s:1:9: error: the offset of the memory operand of vld must be an integer in the"
                + " range [-2147483648, 2147483647], got 2147483648"),
        c(
            "dma.ld amem[r1]+, r2, r3",
            "t.s:1:16: error: dma.ld does not allow post-increment: remove the '+' after ']'"),
        c(
            ".section amem\nadd r1, r2, r3",
            "t.s:2:1: error: instructions belong in the text section, but the current section"
                + " is amem"),

        // ---- expressions and symbols ----
        c("li r1, 1 / (2 - 2)", "t.s:1:10: error: division by zero"),
        c("li r1, 7 % 0", "t.s:1:10: error: modulo by zero"),
        c("li r1, 1 << 64", "t.s:1:10: error: shift count 64 is outside the range [0, 63]"),
        c("li r1, 1 >> -1", "t.s:1:10: error: shift count -1 is outside the range [0, 63]"),
        c("li r1, nowhere", "t.s:1:8: error: undefined symbol 'nowhere'"),
        c("start: nop\nj strat", "t.s:2:3: error: undefined symbol 'strat', did you mean 'start'?"),
        c(
            "li r1, VECTOR_WIDHT",
            "t.s:1:8: error: undefined symbol 'VECTOR_WIDHT', did you mean 'VECTOR_WIDTH'?"),
        c("j 1f", "t.s:1:3: error: no local label '1:' after this reference to '1f'"),
        c("j 1b\n1: nop", "t.s:1:3: error: no local label '1:' before this reference to '1b'"),
        c(".equ A, 1 / 0\nli r1, A\nli r2, A + 1", "t.s:1:11: error: division by zero"),
        c(".equ A, nowhere", "t.s:1:9: error: undefined symbol 'nowhere'"),
        c(".equ A, B\n.equ B, A", "t.s:2:9: error: symbol 'A' is defined in terms of itself"),
        c(".equ A, A + 1", "t.s:1:9: error: symbol 'A' is defined in terms of itself"),
        c("x: nop\nx: nop", "t.s:2:1: error: symbol 'x' is already defined on line 1"),
        c(".equ x, 1\nx: nop", "t.s:2:1: error: symbol 'x' is already defined on line 1"),
        c(".equ B, 1\n.equ B, 2", "t.s:2:6: error: symbol 'B' is already defined on line 1"),
        c(".equ B, 1\n.set B, 2", "t.s:2:6: error: symbol 'B' is already defined on line 1"),
        c(".set C, 1\n.equ C, 2", "t.s:2:6: error: symbol 'C' is already defined on line 1"),
        c("r3: nop", "t.s:1:1: error: 'r3' is a register name and cannot be defined as a symbol"),
        c(
            ".equ VBYTES, 1",
            "t.s:1:6: error: 'VBYTES' is predefined from the machine description and cannot be"
                + " redefined"),
        c(".equ ., 1", "t.s:1:6: error: '.' is the location counter and cannot be defined"),
        c(".equ 5, 3", "t.s:1:6: error: .equ needs a symbol name as its first operand, got '5'"),
        c(".set A, \"x\"", "t.s:1:9: error: operand 2 of .set must be an expression, got a string"),
        c(
            ".org wmem[r1]",
            "t.s:1:6: error: operand 1 of .org must be an expression, got 'wmem[r1]'"),

        // ---- directives ----
        c(".bytes 1", "t.s:1:1: error: unknown directive '.bytes', did you mean '.byte'?"),
        c(".text 1", "t.s:1:1: error: .text expects no operands (.text), got 1"),
        c(".org", "t.s:1:1: error: .org expects 1 operand (.org location), got 0"),
        c(
            ".section amem\n.align 8, 0, 1",
            "t.s:2:1: error: .align expects 1 or 2 operands (.align bytes[, fill]), got 3"),
        c(
            ".section amem\n.byte",
            "t.s:2:1: error: .byte expects at least 1 operand (.byte value, ...), got 0"),
        c(
            ".section foo",
            "t.s:1:10: error: unknown section 'foo'; expected text, wmem, amem, tmem or dram"),
        c(
            ".section amme",
            "t.s:1:10: error: unknown section 'amme'; expected text, wmem, amem, tmem or dram,"
                + " did you mean 'amem'?"),
        c(
            ".section \"amem\"",
            "t.s:1:10: error: .section needs a section name (text, wmem, amem, tmem or dram),"
                + " got a string"),
        c(
            ".org -1",
            "t.s:1:6: error: .org -1 is outside the instruction memory, which holds 65536"
                + " instructions (imem_words)"),
        c(
            ".section tmem\n.org 16385",
            "t.s:2:6: error: .org 16385 is outside tmem, which has 16384 bytes (tmem_bytes)"),
        c(
            ".org end\nend: nop",
            "t.s:1:6: error: .org needs the value of 'end' here, but it is defined only further"
                + " on; define it before this line"),
        c(
            ".section amem\n.space 1f\n1:",
            "t.s:2:8: error: .space needs the value of '1f' here, but it is defined only further"
                + " on; define it before this line"),
        c(
            ".section amem\n.space 1f",
            "t.s:2:8: error: no local label '1:' after this reference to '1f'"),
        c(".org nowhere", "t.s:1:6: error: undefined symbol 'nowhere'"),
        c(
            ".align 8",
            "t.s:1:1: error: '.align' places data, so it belongs in a data section (wmem, amem,"
                + " tmem or dram), not in text"),
        c(
            ".byte 1",
            "t.s:1:1: error: '.byte' places data, so it belongs in a data section (wmem, amem,"
                + " tmem or dram), not in text"),
        c(".section wmem\n.align 12", "t.s:2:8: error: .align needs a power of two, got 12"),
        c(".section wmem\n.align 0", "t.s:2:8: error: .align needs a power of two, got 0"),
        c(
            ".section wmem\n.align 8, 256",
            "t.s:2:11: error: the fill byte of .align must be an integer in the range [-128, 255],"
                + " got 256"),
        c(
            ".section wmem\n.space -4",
            "t.s:2:8: error: .space needs a byte count of 0 or more, got -4"),
        c(
            ".section wmem\n.space 300000",
            "t.s:2:1: error: .space at wmem address 0 does not fit: wmem has 262144 bytes"
                + " (wmem_bytes)"),
        c(
            ".section tmem\n.org 16380\n.word 1, 2\n.word 3",
            "t.s:3:1: error: .word at tmem address 16380 does not fit: tmem has 16384 bytes"
                + " (tmem_bytes)"),
        c(
            ".section amem\n.byte 300, -129, 255",
            "t.s:2:7: error: value 300 does not fit in .byte: expected an integer in the range"
                + " [-128, 255]",
            "t.s:2:12: error: value -129 does not fit in .byte: expected an integer in the range"
                + " [-128, 255]"),
        c(
            ".section amem\n.half 65536",
            "t.s:2:7: error: value 65536 does not fit in .half: expected an integer in the range"
                + " [-32768, 65535]"),
        c(
            ".section amem\n.word big\n.equ big, 1 << 32",
            "t.s:2:7: error: value 4294967296 does not fit in .word: expected an integer in the"
                + " range [-2147483648, 4294967295]"),
        c(
            ".section amem\n.byte \"a\"",
            "t.s:2:7: error: operand 1 of .byte must be an expression, got a string"),
        c(
            ".section amem\n.rowb \"10x1\"",
            "t.s:2:10: error: '.rowb' accepts '0', '1', spaces and '_', got 'x'"),
        c(
            ".section amem\n.rowx \"F g\"",
            "t.s:2:10: error: '.rowx' accepts hexadecimal digits, spaces and '_', got 'g'"),
        c(
            ".section amem\n.rowpm \"+-0\"",
            "t.s:2:11: error: '.rowpm' accepts '+' (for +1), '-' (for -1), spaces and '_', got"
                + " '0'"),
        c(".section amem\n.rowb \"_ _\"", "t.s:2:7: error: .rowb needs at least one element"),
        c(
            ".section amem\n.rowb 1011",
            "t.s:2:7: error: .rowb needs a string of elements, got '1011'"),
        c(
            ".section amem\n.rowb \"1\", 2",
            "t.s:2:12: error: the pad bit of .rowb must be 0 or 1, got 2"),
        c(
            ".section amem\n.rowb \"1\", \"1\"",
            "t.s:2:12: error: operand 2 of .rowb must be an expression, got a string"),
        c(
            ".section amem\n.byte 1\n.rowb \"1\"",
            "t.s:3:1: error: packed rows must start at a multiple of 8 bytes, but the amem"
                + " location is 1; put .align 8 before it"),
        c(
            ".section amem\n.byte 1, 2\n.org 1\n.byte 3",
            "t.s:4:1: error: amem address 1 is already filled by line 2; each byte can be placed"
                + " only once"),
        c(
            ".section amem\n.org 8\n.space 8\n.org 12\n.half 0",
            "t.s:5:1: error: amem address 12 is already filled by line 3; each byte can be"
                + " placed only once"),
        c(
            "nop\n.org 0\nhalt",
            "t.s:3:1: error: instruction index 0 is already filled by line 1; each index can be"
                + " filled only once"),
        c(
            ".section amem\n.inst 1",
            "t.s:2:1: error: '.inst' places an instruction word, so it belongs in the text"
                + " section, not in amem"),
        c(
            ".include foo",
            "t.s:1:10: error: .include needs a file name in double quotes, got 'foo'"),
        c(".include \"\"", "t.s:1:10: error: .include needs a file name, got an empty string"),
        c(
            ".include \"a\\nb\"",
            "t.s:1:12: error: unknown escape '\\n' in a string; only \\\\ and \\\" are escapes"),
        c(".include \"a\u0000b\"", "t.s:1:1: error: 'a\u0000b' is not a valid file name"),
        c(
            ".include \"" + "x".repeat(5000) + "\"",
            "t.s:1:1: error: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' is not a valid file name"),
        c(
            "j " + "x".repeat(256),
            "t.s:1:3: error: the name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' has 256"
                + " characters; the assembler accepts at most 255"),
        c(
            "nop\n.entry 1",
            "t.s:2:8: error: entry point 1 is outside the program, which has 1 instructions"
                + " (0 to 0)"),
        c(
            ".entry -1",
            "t.s:1:8: error: entry point -1 is outside the program, which has no instructions"),
        c("nop\n.entry 0\n.entry 0", "t.s:3:1: error: the entry point is already set on line 2"),
        c(".endm", "t.s:1:1: error: '.endm' without a matching '.macro'"),

        // ---- macros ----
        c(
            ".macro m a\nfoo \\b\n.endm",
            "t.s:2:5: error: macro 'm' has no parameter 'b'; its parameters are a"),
        c(".macro m\nfoo \\b\n.endm", "t.s:2:5: error: macro 'm' has no parameter 'b'"),
        c(
            ".macro m\nfoo \\\n.endm",
            "t.s:2:5: error: '\\' in a macro body must be followed by a parameter name, '@' or"
                + " '()'"),
        c(
            ".macro m\nfoo \\(\n.endm",
            "t.s:2:5: error: '\\' in a macro body must be followed by a parameter name, '@' or"
                + " '()'"),
        c(
            ".macro .m\n.endm",
            "t.s:1:8: error: a macro name cannot start with '.', which marks directives"),
        c(
            ".macro add\n.endm",
            "t.s:1:8: error: 'add' is an instruction; a macro cannot take its name"),
        c(
            ".macro beqz\n.endm",
            "t.s:1:8: error: 'beqz' is an instruction; a macro cannot take its name"),
        c(
            ".macro m\n.endm\n.macro m\n.endm",
            "t.s:3:8: error: macro 'm' is already defined on line 1"),
        c(".macro m p, q, p\n.endm", "t.s:1:16: error: parameter 'p' appears twice"),
        c(
            ".macro m\n  .macro n\n.endm",
            "t.s:2:3: error: macro definitions cannot be nested; end macro 'm' with .endm first"),
        c(".macro m\n.endm m", "t.s:2:7: error: unexpected 'm' after .endm"),
        c("nop\n.macro m\nnop", "t.s:2:1: error: macro 'm' has no .endm"),
        c(
            ".macro m a, b\n.endm\nm 1",
            "t.s:3:1: error: macro 'm' expects 2 arguments (m a, b), got 1"),
        c(".macro m\n.endm\nm 1", "t.s:3:1: error: macro 'm' expects no arguments (m), got 1"),
        c(
            ".macro m a\nnop\n.endm\nm 1, 2",
            "t.s:4:1: error: macro 'm' expects 1 argument (m a), got 2"),
        c(
            ".macro sh n\nslli r1, r1, \\n\n.endm\nnop\n  sh 40",
            "t.s:5:3: error: immediate 'shamt' of slli must be an integer in the range [0, 31],"
                + " got 40 (in macro 'sh', line 2)"),
        c(
            ".macro inner n\nslli r1, r1, \\n\n.endm\n.macro outer n\ninner \\n\n.endm\nouter 99",
            "t.s:7:1: error: immediate 'shamt' of slli must be an integer in the range [0, 31],"
                + " got 99 (in macro 'inner', line 2; in macro 'outer', line 5)"),
        c(
            ".macro rec\nrec\n.endm\nrec",
            "t.s:4:1: error: macro 'rec' is nested more than 64 expansions deep; is it recursive?"
                + " (in macro 'rec', line 2; in macro 'rec', line 2; in macro 'rec', line 2; and"
                + " 61 more macro levels)"),
        c(
            ".macro fork\nnop\nfork\nfork\n.endm\nfork",
            "t.s:6:1: error: macro 'fork' is nested more than 64 expansions deep; is it"
                + " recursive? (in macro 'fork', line 3; in macro 'fork', line 3; in macro"
                + " 'fork', line 3; and 61 more macro levels)"),
        c(
            ".macro m\n.mac\\()ro n\n.endm\nm",
            "t.s:4:1: error: a macro cannot be defined inside a macro expansion (in macro 'm',"
                + " line 2)"),
        c(
            ".macro m\n.include \"x.s\"\n.endm\nm",
            "t.s:4:1: error: '.include' cannot be used inside a macro (in macro 'm', line 2)"),
        c(
            ".macro m\nx:\n.endm\nm\nm",
            "t.s:5:1: error: symbol 'x' is already defined on line 4 (in macro 'm', line 2)"));
  }

  private static Arguments c(String source, String... expected) {
    return Arguments.of(source, List.of(expected));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void reportsExactlyTheseDiagnostics(String source, List<String> expected) {
    AssemblyResult r = Asm.assemble(source);
    assertEquals(expected, Asm.errors(r));
    assertNull(r.object());
  }

  @Test
  void rendersTheLineAndACaretUnderTheColumn() {
    AssemblyResult r = Asm.assemble("start:\n\tvxnor v1, v2, r3 ; comment\n");
    assertEquals(
        "t.s:2:16: error: operand 'vb' of vxnor must be a vector register, got 'r3'\n"
            + "\tvxnor v1, v2, r3 ; comment\n"
            + "\t              ^",
        r.diagnostics().get(0).render());
  }

  @Test
  void collectsEveryErrorSortedByLineAndColumn() {
    // Operand errors are found in the final pass, directive errors in the first: the order of
    // discovery is not the order of the report.
    AssemblyResult r =
        Asm.assemble("j nowhere\n.bogus\nli r1, 1 / 0\n.section amem\n.half 1 << 20");
    assertEquals(
        List.of(
            "t.s:1:3: error: undefined symbol 'nowhere'",
            "t.s:2:1: error: unknown directive '.bogus'",
            "t.s:3:10: error: division by zero",
            "t.s:5:7: error: value 1048576 does not fit in .half: expected an integer in the"
                + " range [-32768, 65535]"),
        Asm.errors(r));
  }

  @Test
  void oneSyntaxErrorPerLineAndTheNextLinesStillCount() {
    AssemblyResult r = Asm.assemble("add r1,, r2 r3 ]\nhalt 1");
    assertEquals(
        List.of(
            "t.s:1:8: error: expected an operand after ',' but found ','",
            "t.s:2:1: error: halt expects no operands (halt), got 1"),
        Asm.errors(r));
  }

  @Test
  void stopsAfterTheLimitOfDiagnostics() {
    AssemblyResult r = Asm.assemble("frob\n".repeat(Diagnostics.LIMIT + 50));
    assertEquals(Diagnostics.LIMIT + 1, r.diagnostics().size());
    assertEquals(
        "t.s:1000:1: error: too many errors; stopping after 1000",
        Asm.errors(r).get(Diagnostics.LIMIT));
  }

  @Test
  void refusesALineWithTooManyTokens() {
    String values = "1, ".repeat(LineParser.MAX_TOKENS / 2) + "1";
    AssemblyResult r = Asm.assemble(".section dram\n.byte " + values);
    assertEquals(
        List.of(
            "t.s:2:150005: error: line has more than 100000 tokens; split it into several"
                + " lines"),
        Asm.errors(r));
  }

  @Test
  void refusesAnOverlongString() {
    String bits = "1".repeat(Directives.MAX_STRING + 1);
    AssemblyResult r = Asm.assemble(".section dram\n.rowb \"" + bits + "\"");
    assertEquals(
        List.of(
            "t.s:2:7: error: the string has 1048577 characters; the assembler accepts at"
                + " most 1048576"),
        Asm.errors(r));
  }

  @Test
  void refusesInitializedDataBeyondTheLimit() {
    MachineDescription big =
        MachineDescription.defaults().with(MachineParameter.DRAM_BYTES, 1L << 30);
    AssemblyResult r = Asm.assemble(big, ".section dram\n.space 0x4000001, 0xFF");
    assertEquals(
        List.of(
            "t.s:2:1: error: initialized data exceeds the assembler's limit of 67108864"
                + " bytes"),
        Asm.errors(r));
  }

  @Test
  void refusesRunawayMacroExpansion() {
    // Twelve lines, each expanding the previous macro: 12^5 lines, even of bare comments,
    // exceed the budget.
    StringBuilder s = new StringBuilder();
    String inner = "; nothing";
    for (int level = 1; level <= 5; level++) {
      s.append(".macro m").append(level).append('\n');
      s.append((inner + "\n").repeat(12));
      s.append(".endm\n");
      inner = "m" + level;
    }
    s.append("m5\n");
    AssemblyResult r = Asm.assemble(s.toString());
    assertEquals(
        List.of(
            "t.s:71:1: error: macro expansions exceed the assembler's limit of 100000 lines or"
                + " 16777216 characters in all; is a macro recursive? (in macro 'm2', line 22; in"
                + " macro 'm3', line 30; in macro 'm4', line 49; and 1 more macro levels)"),
        Asm.errors(r));
  }

  @Test
  void codeBeyondTheInstructionMemory() {
    MachineDescription small = MachineDescription.defaults().with(MachineParameter.IMEM_WORDS, 2);
    AssemblyResult r = Asm.assemble(small, "nop\nnop\nnop\nnop");
    assertEquals(
        List.of(
            "t.s:3:1: error: instruction index 2 is beyond the instruction memory, which"
                + " holds 2 instructions (imem_words)"),
        Asm.errors(r));
  }

  @Test
  void dataForAMemoryTheMachineLacks() {
    MachineDescription noTmem = MachineDescription.defaults().with(MachineParameter.TMEM_BYTES, 0);
    AssemblyResult r = Asm.assemble(noTmem, ".section tmem\nt: .word 1\n.word 2");
    assertEquals(
        List.of("t.s:2:4: error: the machine has no tmem (tmem_bytes = 0)"), Asm.errors(r));
  }

  @Test
  void registersAPseudoInstructionUsesMustExist() {
    MachineDescription few =
        MachineDescription.defaults().with(MachineParameter.SCALAR_REGISTERS, 16);
    AssemblyResult r = Asm.assemble(few, "f: ret\ncall f");
    assertEquals(
        List.of(
            "t.s:1:4: error: register r31 does not exist: the machine has 16 scalar registers"
                + " (r0..r15); pseudo-instruction ret uses it",
            "t.s:2:1: error: register r31 does not exist: the machine has 16 scalar registers"
                + " (r0..r15); pseudo-instruction call uses it"),
        Asm.errors(r));
  }
}
