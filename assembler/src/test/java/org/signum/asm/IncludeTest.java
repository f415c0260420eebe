package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.Opcode;

/** {@code .include} and reading files: resolution, file table, and every error on the way. */
class IncludeTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private AssemblyResult assemble(Path file, Path... includeDirs) {
    return new Assembler(MachineDescription.defaults(), List.of(includeDirs)).assemble(file);
  }

  @Test
  void includesRelativeToTheIncludingFileThenTheIncludeDirectories() throws IOException {
    write("src/main.s", "nop\n.include \"sub/a.s\"\n.include \"lib.s\"\nhalt\n");
    write("src/sub/a.s", ".include \"b.s\"\nclr a1\n");
    write("src/sub/b.s", ".macro clr acc\naclr \\acc\n.endm\n");
    write("inc/lib.s", "aclr a2\n");
    ObjectFile o = assemble(dir.resolve("src/main.s"), dir.resolve("inc")).object();
    String main = dir.resolve("src/main.s").toString();
    assertEquals(
        List.of(
            main,
            dir.resolve("src/sub/a.s").toString(),
            dir.resolve("src/sub/b.s").toString(),
            dir.resolve("inc/lib.s").toString()),
        o.files());
    assertEquals(
        List.of(
            new LineEntry(0, 1, 1),
            new LineEntry(1, 2, 1),
            new LineEntry(3, 1, 1),
            new LineEntry(0, 4, 1)),
        o.lines());
    assertEquals(Opcode.ACLR, decode(o.code()[1]).opcode());
    assertEquals(1, decode(o.code()[1]).a());
    assertEquals(2, decode(o.code()[2]).a());
  }

  @Test
  void relativePathsStayRelative() throws IOException {
    Path main = write("main.s", ".include \"part.s\"\n");
    write("part.s", "halt\n");
    Path relative = Path.of("").toAbsolutePath().relativize(main);
    ObjectFile o = assemble(relative).object();
    assertEquals(
        List.of(relative.toString(), relative.resolveSibling("part.s").toString()), o.files());
  }

  @Test
  void assembleSourceIncludesFromTheNamedFilesDirectory() throws IOException {
    write("lib.s", ".equ SIZE, 12\n");
    AssemblyResult r =
        new Assembler(MachineDescription.defaults(), List.of())
            .assembleSource(".include \"lib.s\"\nli r1, SIZE\n", dir.resolve("x.s").toString());
    assertTrue(r.ok(), r.diagnostics().toString());
    assertEquals(12, decode(r.object().code()[0]).imm());
  }

  @Test
  void aFileIncludedTwiceIsListedOnce() throws IOException {
    Path main = write("main.s", ".include \"n.s\"\n.include \"n.s\"\n");
    write("n.s", "nop\n");
    ObjectFile o = assemble(main).object();
    assertEquals(2, o.files().size());
    assertEquals(List.of(new LineEntry(1, 1, 1), new LineEntry(1, 1, 1)), o.lines());
  }

  @Test
  void errorsInAnIncludedFileNameThatFile() throws IOException {
    Path main = write("main.s", "nop\n.include \"bad.s\"\n");
    Path bad = write("bad.s", "\n  vxnor v1, v2\n");
    assertEquals(
        List.of(bad + ":2:3: error: vxnor expects 3 operands (vxnor vd, va, vb), got 2"),
        Asm.errors(assemble(main)));
  }

  @Test
  void messagesNameLinesInOtherFiles() throws IOException {
    Path main = write("main.s", ".include \"lib.s\"\nstart: nop\n  shift 40\n");
    Path lib = write("lib.s", "start: halt\n.macro shift n\nslli r1, r1, \\n\n.endm\n");
    assertEquals(
        List.of(
            main + ":2:1: error: symbol 'start' is already defined on line 1 of " + lib,
            main
                + ":3:3: error: immediate 'shamt' of slli must be an integer in the range [0, 31],"
                + " got 40 (in macro 'shift', line 3 of "
                + lib
                + ")"),
        Asm.errors(assemble(main)));
  }

  @Test
  void missingIncludeListsWhereItLooked() throws IOException {
    Path main = write("main.s", "\n  .include \"gone.s\"\n");
    assertEquals(
        List.of(
            main
                + ":2:3: error: cannot find include file 'gone.s' (looked for "
                + dir.resolve("gone.s")
                + ", "
                + dir.resolve("inc/gone.s")
                + ")"),
        Asm.errors(assemble(main, dir.resolve("inc"))));
  }

  @Test
  void aDirectoryIsNotAnIncludeFile() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Path main = write("main.s", ".include \"sub\"\n");
    assertEquals(
        List.of(
            main
                + ":1:1: error: cannot find include file 'sub' (looked for "
                + dir.resolve("sub")
                + ")"),
        Asm.errors(assemble(main)));
  }

  @Test
  void includeCycle() throws IOException {
    Path a = write("a.s", "nop\n.include \"b.s\"\n");
    Path b = write("b.s", "\n\n.include \"a.s\"\n");
    assertEquals(
        List.of(b + ":3:1: error: include cycle: " + a + " -> " + b + " -> " + a),
        Asm.errors(assemble(a)));
  }

  @Test
  void aFileIncludingItself() throws IOException {
    Path a = write("self.s", ".include \"self.s\"\n");
    assertEquals(
        List.of(a + ":1:1: error: include cycle: " + a + " -> " + a), Asm.errors(assemble(a)));
  }

  @Test
  void includesNestedTooDeep() throws IOException {
    for (int i = 0; i < 40; i++) {
      write("d" + i + ".s", ".include \"d" + (i + 1) + ".s\"\n");
    }
    write("d40.s", "halt\n");
    assertEquals(
        List.of(
            dir.resolve("d32.s")
                + ":1:1: error: includes are nested more than 32 deep; do"
                + " files include each other?"),
        Asm.errors(assemble(dir.resolve("d0.s"))));
  }

  @Test
  void includeThatIsNotUtf8() throws IOException {
    Path main = write("main.s", ".include \"bin.s\"\n");
    Path bin = dir.resolve("bin.s");
    Files.write(bin, new byte[] {'n', 'o', 'p', (byte) 0xC3, (byte) 0x28});
    assertEquals(
        List.of(main + ":1:1: error: cannot read include file " + bin + ": it is not UTF-8 text"),
        Asm.errors(assemble(main)));
  }

  @Test
  void unreadableMainFiles() throws IOException {
    Path missing = dir.resolve("missing.s");
    AssemblyResult r = assemble(missing);
    assertNull(r.object());
    assertEquals(
        List.of(missing + ":1:1: error: cannot read " + missing + ": no such file"), Asm.errors(r));
    assertEquals(
        List.of(dir + ":1:1: error: cannot read " + dir + ": it is a directory"),
        Asm.errors(assemble(dir)));
    Path latin1 = dir.resolve("latin1.s");
    Files.write(latin1, "; caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(
        List.of(latin1 + ":1:1: error: cannot read " + latin1 + ": it is not UTF-8 text"),
        Asm.errors(assemble(latin1)));
  }

  @Test
  void lineBreaksAndByteOrderMarkOfEveryKind() throws IOException {
    Path p = dir.resolve("crlf.s");
    Files.writeString(p, "\uFEFFnop\r\nnop\rli r1, 1 +\r\nhalt");
    AssemblyResult r = assemble(p);
    assertEquals(
        List.of(p + ":3:11: error: expected an expression after '+' but found end of line"),
        Asm.errors(r));
    assertEquals("li r1, 1 +", r.diagnostics().get(0).sourceLine());
  }

  @Test
  void theSameAssemblerTwiceGivesTheSameObject() throws IOException {
    Path main = write("main.s", ".macro m\nx\\@: nop\n.endm\nm\nm\nj x1\n");
    Assembler asm = new Assembler(MachineDescription.defaults(), List.of());
    ObjectFile first = asm.assemble(main).object();
    ObjectFile second = asm.assemble(main).object();
    assertEquals(first, second);
    assertArrayEquals(
        new long[] {
          Instruction.of(Opcode.NOP).encode(),
          Instruction.of(Opcode.NOP).encode(),
          new Instruction(Opcode.J, 0, 0, 0, 0, 0, false, -1).encode()
        },
        first.code());
  }

  private static Instruction decode(long word) {
    try {
      return Instruction.decode(word);
    } catch (org.signum.isa.DecodeException e) {
      throw new AssertionError(e);
    }
  }
}
