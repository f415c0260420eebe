package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.signum.isa.MachineDescription;
import org.signum.isa.Opcode;

/**
 * Feeds the assembler 10,000 random and mutated sources. Each must end in an object file or in
 * diagnostics that locate themselves; none may throw, hang or reach the assembler's internal-error
 * fallback. The seed is fixed, so a failure names a case that reproduces.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FuzzTest {
  private static final long SEED = 0x5161_6e75_6dL;
  private static final int CASES = 10_000;

  @TempDir static Path dir;

  /** Valid programs to mutate; together they use every feature of the language. */
  private static final List<String> CORPUS =
      List.of(
          """
          ; XNOR-popcount dot product of two 512-element rows
                  .equ N, 512
                  .section wmem
          w:      .rowx "DEADBEEF 01234567 89ABCDEF FEDCBA98 76543210 0F0F0F0F F0F0F0F0 12345678"
                  .rowx "00112233 44556677 8899AABB CCDDEEFF 00000000 FFFFFFFF AAAAAAAA 55555555"
                  .section amem
          x:      .rowpm "+-+-++--+-+-++--", 1
                  .align 32
                  .rowb "1011_0010 1111_0000", 0
                  .text
          start:  li r1, N / VECTOR_WIDTH
                  li r2, w
                  li r3, x
                  aclr a0
          1:      vld v1, wmem[r2]+
                  vld v2, amem[r3]+
                  xpopacc a0, v1, v2
                  loop r1, 1b
                  aget r4, a0
                  sw r4, amem[r0 + 4096]
                  halt
          """,
          """
          ; one binary fully connected layer with thresholds
                  .macro neuron out, bit
                  aclr a1
                  vld v4, wmem[r6 + \\out * VBYTES]
                  xpopacc a1, v4, v0
                  thr v5, \\bit, a1, tmem[r7]+
                  .endm
                  .section tmem
          thresholds: .word 3, -2, 0x7fffffff, -0x80000000
                  .section text
                  vclr v5
                  li r7, thresholds
                  li r8, 0
                  neuron 0, r8
                  addi r8, r8, 1
                  neuron 1, r8
                  vst v5, amem[64]
                  beqz r8, done
                  bgt r8, r0, done
          done:   halt
                  .entry 0
          """,
          """
                  .include "lib.s"
                  .set K, 1
                  .set K, K * 2
                  .org 4
          loop:   countdown r3, K + 3
                  dma.ld wmem[r0], r1, r2
                  dma.st amem[r4 - 8], r5, r6
                  dwait
                  call sub
                  j end
          sub:    ashacc a0, a1, 3
                  ashsub a2, a3, 31
                  aaddi a0, -1
                  vmask v1, r9
                  ret
                  .section dram
                  .dword 1 << 40, ~0, -(3 % 2), (7 & 3) ^ 1 | 8
                  .half 0xFFFF, -32768
                  .space 16, 0xAB
                  .text
          end:    .inst 0x0000000000000002
          """);

  private static final List<String> TOKENS = buildTokens();
  private static final String PUNCTUATION = "\n\r\t\u0000\u000b\u000c\"\\;:,[]";

  private static List<String> buildTokens() {
    List<String> t =
        new ArrayList<>(
            List.of(
                ",",
                ",",
                ":",
                "[",
                "]",
                "(",
                ")",
                "+",
                "-",
                "*",
                "/",
                "%",
                "<<",
                ">>",
                "&",
                "^",
                "|",
                "~",
                ";",
                "\"",
                "\\",
                "\\@",
                "\\()",
                ".",
                "1b",
                "1f",
                "0",
                "1",
                "-1",
                "31",
                "32",
                "0x",
                "0b2",
                "0xFFFFFFFFFFFFFFFF",
                "99999999999999999999999",
                "2147483648",
                "-2147483649",
                "1 << 63",
                "1 << 64",
                "1 / 0",
                "r0",
                "r31",
                "r32",
                "v0",
                "v15",
                "v16",
                "a7",
                "a8",
                "wmem[r1]",
                "amem[r2 + 8]+",
                "tmem[r3 - 4]",
                "dram[r1]",
                "xmem[0]",
                "wmem[v1]",
                "\"10 11\"",
                "\"\"",
                "\"abc",
                "VECTOR_WIDTH",
                "VBYTES",
                "IMEM_WORDS",
                "label",
                "end",
                "x\\@",
                ".text",
                ".section",
                "wmem",
                "amem",
                "tmem",
                "dram",
                ".equ",
                ".set",
                ".org",
                ".align",
                ".space",
                ".byte",
                ".half",
                ".word",
                ".dword",
                ".rowb",
                ".rowx",
                ".rowpm",
                ".inst",
                ".include",
                ".entry",
                ".macro",
                ".endm",
                "\"lib.s\"",
                "\"cyc_a.s\"",
                "\"chain0.s\"",
                "\"binary.s\"",
                "\"missing.s\"",
                "\"lib.s\\\"",
                "mv",
                "ret",
                "call",
                "countdown",
                "\n",
                "\n",
                "\t",
                " ",
                " ",
                " "));
    for (Opcode op : Opcode.values()) {
      t.add(op.mnemonic());
    }
    return List.copyOf(t);
  }

  @BeforeAll
  static void writeIncludeFiles() throws IOException {
    Files.writeString(
        dir.resolve("lib.s"),
        """
                .macro countdown reg, n
                li \\reg, \\n
        top\\@: addi \\reg, \\reg, -1
                bnez \\reg, top\\@
                .endm
        """);
    Files.writeString(dir.resolve("cyc_a.s"), "nop\n.include \"cyc_b.s\"\n");
    Files.writeString(dir.resolve("cyc_b.s"), ".include \"cyc_a.s\"\n");
    for (int i = 0; i < 40; i++) {
      Files.writeString(dir.resolve("chain" + i + ".s"), ".include \"chain" + (i + 1) + ".s\"\n");
    }
    Files.writeString(dir.resolve("chain40.s"), "halt\n");
    Files.write(dir.resolve("binary.s"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
  }

  @Test
  void randomAndMutatedSourcesEndInAnObjectOrInDiagnostics() {
    Random rnd = new Random(SEED);
    Assembler asm = new Assembler(MachineDescription.defaults(), List.of(dir));
    String fileName = dir.resolve("fuzz.s").toString();
    int succeeded = 0;
    for (int i = 0; i < CASES; i++) {
      String source = generate(rnd);
      AssemblyResult r = null;
      try {
        r = asm.assembleSource(source, fileName);
      } catch (RuntimeException | StackOverflowError e) {
        fail("case " + i + " threw " + e + " on:\n" + abbreviate(source), e);
      }
      check(i, source, r);
      succeeded += r.ok() ? 1 : 0;
    }
    // Mutations mostly break programs, but a useful corpus survives some of them.
    assertTrue(succeeded > CASES / 100, "only " + succeeded + " cases assembled");
    assertTrue(succeeded < CASES, "no case failed");
  }

  @Test
  void theCorpusAssembles() {
    Assembler asm = new Assembler(MachineDescription.defaults(), List.of(dir));
    for (String program : CORPUS) {
      AssemblyResult r = asm.assembleSource(program, dir.resolve("c.s").toString());
      assertTrue(r.ok(), Asm.errors(r).toString());
    }
  }

  private static void check(int i, String source, AssemblyResult r) {
    Supplier<String> where = () -> "case " + i + ":\n" + abbreviate(source);
    assertNotNull(r, where);
    if (r.diagnostics().isEmpty()) {
      assertNotNull(r.object(), where);
      assertEquals(r.object().code().length, r.object().lines().size(), where);
      return;
    }
    assertNull(r.object(), where);
    for (Diagnostic d : r.diagnostics()) {
      Supplier<String> about = () -> where.get() + "\n" + d.render();
      assertTrue(d.line() >= 1 && d.column() >= 1, about);
      assertFalse(d.message().isBlank(), about);
      assertFalse(d.message().contains("internal assembler error"), about);
      assertTrue(
          d.render().startsWith(d.file() + ":" + d.line() + ":" + d.column() + ": error: "), about);
    }
  }

  private static String generate(Random rnd) {
    int kind = rnd.nextInt(100);
    if (kind < 60) {
      String s = CORPUS.get(rnd.nextInt(CORPUS.size()));
      int mutations = 1 + rnd.nextInt(5);
      for (int m = 0; m < mutations; m++) {
        s = mutate(s, rnd);
      }
      return s;
    }
    if (kind < 80) {
      return tokenSoup(rnd);
    }
    if (kind < 90) {
      return randomChars(rnd, rnd.nextInt(400));
    }
    return special(rnd);
  }

  private static String mutate(String s, Random rnd) {
    if (s.isEmpty()) {
      return tokenSoup(rnd);
    }
    int at = rnd.nextInt(s.length());
    List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
    int line = rnd.nextInt(lines.size());
    switch (rnd.nextInt(9)) {
      case 0 -> {
        int end = Math.min(s.length(), at + 1 + rnd.nextInt(12));
        return s.substring(0, at) + s.substring(end);
      }
      case 1 -> {
        return s.substring(0, at) + token(rnd) + s.substring(at);
      }
      case 2 -> {
        return s.substring(0, at) + randomChars(rnd, 1 + rnd.nextInt(4)) + s.substring(at);
      }
      case 3 -> {
        int end = Math.min(s.length(), at + 1 + rnd.nextInt(8));
        return s.substring(0, at) + s.substring(at, end) + s.substring(at);
      }
      case 4 -> lines.add(line, lines.get(rnd.nextInt(lines.size())));
      case 5 -> lines.remove(line);
      case 6 -> java.util.Collections.swap(lines, line, rnd.nextInt(lines.size()));
      case 7 -> {
        return s.replaceFirst(
            "\\b\\d+\\b",
            rnd.nextBoolean() ? "99999999999999999999999999" : Long.toString(rnd.nextLong()));
      }
      default -> {
        return s.substring(0, at) + " " + token(rnd) + " " + token(rnd) + s.substring(at);
      }
    }
    return String.join("\n", lines);
  }

  private static String token(Random rnd) {
    return TOKENS.get(rnd.nextInt(TOKENS.size()));
  }

  private static String tokenSoup(Random rnd) {
    StringBuilder b = new StringBuilder();
    int n = rnd.nextInt(120);
    for (int i = 0; i < n; i++) {
      b.append(token(rnd)).append(rnd.nextInt(3) == 0 ? "" : " ");
    }
    return b.toString();
  }

  /** Any UTF-16 units, lone surrogates and control characters included. */
  private static String randomChars(Random rnd, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int r = rnd.nextInt(10);
      char c;
      if (r < 6) {
        c = (char) (0x20 + rnd.nextInt(0x5f));
      } else if (r < 8) {
        c = PUNCTUATION.charAt(rnd.nextInt(PUNCTUATION.length()));
      } else {
        c = (char) rnd.nextInt(0x10000);
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String special(Random rnd) {
    return switch (rnd.nextInt(10)) {
      case 0 -> ".macro r\\@\nr\n.endm\n.macro r\nnop\nr\n.endm\nr\n";
      case 1 -> ".macro f\nf\nf\n.endm\nf\n";
      case 2 -> ".include \"cyc_a.s\"\n";
      case 3 -> ".include \"chain0.s\"\n";
      case 4 -> ".include \"binary.s\"\n.include \"fuzz.s\"\n";
      case 5 -> "li r1, " + "(".repeat(rnd.nextInt(300)) + "1" + ")".repeat(rnd.nextInt(300));
      case 6 -> "li r1, " + "-~".repeat(rnd.nextInt(200)) + "1";
      case 7 ->
          ".section dram\n.space "
              + rnd.nextLong()
              + ", "
              + rnd.nextInt(300)
              + "\n.org "
              + rnd.nextLong()
              + "\n.align "
              + (1L << rnd.nextInt(64))
              + "\n.byte 1\n";
      case 8 ->
          ".section amem\n.rowx \""
              + "F".repeat(rnd.nextInt(20_000))
              + "\", "
              + rnd.nextInt(3)
              + "\n";
      default ->
          ".org "
              + rnd.nextInt(70_000)
              + "\nnop\n.org "
              + rnd.nextInt(70_000)
              + "\nhalt\n.entry "
              + rnd.nextInt(70_000)
              + "\n";
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }
}
