package org.signum.isa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generates the ISA reference ({@code docs/isa.md}) and the machine-description reference ({@code
 * docs/machine.md}) from the instruction and parameter tables. The hand-written prose of the ISA
 * reference (state, bit order, memory, traps) is the resource {@code isa-preamble.md}.
 */
public final class IsaReference {
  private IsaReference() {}

  /** The complete {@code docs/isa.md}. */
  public static String isaMarkdown() {
    StringBuilder s = new StringBuilder(resource("isa-preamble.md"));
    s.append("\n## Instruction word\n\n");
    s.append(
        "Every instruction is one 64-bit little-endian word with the same field layout. Fields an");
    s.append(
        " instruction does not use must be zero; a word that sets one is an illegal instruction,");
    s.append(" so every valid word has exactly one assembly text.\n\n");
    s.append("| field | bits | meaning |\n| --- | --- | --- |\n");
    for (Field f : Field.values()) {
      s.append("| `").append(f.name().toLowerCase()).append("` | ");
      s.append(f.width() == 1 ? Integer.toString(f.lsb()) : f.msb() + ":" + f.lsb());
      s.append(" | ").append(f.description()).append(" |\n");
    }
    s.append("\n## Instruction classes\n\n");
    s.append(
        "The simulator counts executed instructions by class; the cycle and energy models price");
    s.append(" classes.\n\n| class | instructions |\n| --- | --- |\n");
    for (InsnClass c : InsnClass.values()) {
      StringBuilder names = new StringBuilder();
      for (Opcode op : Opcode.values()) {
        if (op.insnClass() == c) {
          names
              .append(names.length() == 0 ? "" : ", ")
              .append('`')
              .append(op.mnemonic())
              .append('`');
        }
      }
      s.append("| `").append(c.name().toLowerCase()).append("` | ").append(c.description());
      s.append(": ").append(names).append(" |\n");
    }
    s.append("\n## Instructions\n\n");
    s.append("| opcode | syntax | class | summary |\n| --- | --- | --- | --- |\n");
    for (Opcode op : Opcode.values()) {
      s.append(
          String.format(
              "| `0x%02x` | `%s` | `%s` | %s |%n",
              op.code(), op.syntax(), op.insnClass().name().toLowerCase(), op.summary()));
    }
    for (Opcode op : Opcode.values()) {
      s.append("\n### `").append(op.mnemonic()).append("`: ").append(op.summary()).append("\n\n");
      s.append("    ").append(op.syntax()).append("\n\n");
      s.append(
          String.format(
              "Opcode `0x%02x`, class `%s`. Fields: %s.%n%n",
              op.code(), op.insnClass().name().toLowerCase(), fieldList(op)));
      s.append(op.semantics()).append(".\n");
      for (Operand o : op.operands()) {
        if (o.kind() == OperandKind.IMMEDIATE && o.max() != Operand.IMM32_MAX) {
          s.append("\n`").append(o.name()).append("` must be ").append(o.rangeText()).append(".\n");
        }
      }
    }
    s.append("\n## Pseudo-instructions\n\n");
    s.append(
        "Each assembles to exactly one real instruction; the disassembler prints the real one.\n\n");
    s.append("| syntax | expands to | summary |\n| --- | --- | --- |\n");
    for (Pseudo p : Pseudo.values()) {
      s.append("| `").append(p.syntax()).append("` | `").append(p.expansionText()).append("` | ");
      s.append(p.summary()).append(" |\n");
    }
    return s.toString();
  }

  private static String fieldList(Opcode op) {
    StringBuilder s = new StringBuilder();
    for (Operand o : op.operands()) {
      List<Field> fs = o.fields();
      StringBuilder names = new StringBuilder();
      for (Field f : fs) {
        names.append(names.length() == 0 ? "" : "/").append(f.name().toLowerCase());
      }
      s.append(s.length() == 0 ? "" : ", ")
          .append('`')
          .append(o.name())
          .append("` in ")
          .append(names);
    }
    return s.length() == 0 ? "none but the opcode" : s.toString();
  }

  /** The complete {@code docs/machine.md}. */
  public static String machineMarkdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Machine description reference\n\n");
    s.append(
        "This page is generated from `isa/src/main/java/org/signum/isa/MachineParameter.java`");
    s.append(" by `signum isa --machine-doc`; a test fails when it is stale.\n\n");
    s.append("A machine description is a text file of `key = value` lines. `#` starts a comment;");
    s.append(" a key may appear once; keys left out keep their defaults. Byte sizes take a binary");
    s.append(" suffix `K`, `M` or `G` (`64K` = 65536) and `_` may group digits. Every problem is");
    s.append(
        " reported as `file:line: error: key: expected ..., got ...`. `signum machine` prints");
    s.append(" the defaults in this format, ready to edit.\n\n");
    s.append(
        "**Architectural** parameters change what a program means; an object file records them");
    s.append(" and the simulator refuses to run it on a machine that differs in any of them.");
    s.append(" **Timing** parameters change only how long a program takes");
    s.append(" ([cycle-model.md](cycle-model.md)), and **energy** parameters only what its events");
    s.append(" cost ([energy-model.md](energy-model.md)); neither is recorded in object files, so");
    s.append(" one object file runs on every timing and energy variant of its machine.\n\n");
    s.append("| key | default | valid values | unit | kind | meaning |\n");
    s.append("| --- | --- | --- | --- | --- | --- |\n");
    s.append(
        "| `name` | `default` | letters, digits, `_`, `.`, `-` | | label | the machine's name in reports |\n");
    for (MachineParameter p : MachineParameter.values()) {
      s.append(
          String.format(
              "| `%s` | %d | %s | %s | %s | %s |%n",
              p.key(),
              p.defaultValue(),
              "["
                  + p.min()
                  + ", "
                  + p.max()
                  + "]"
                  + (p.constraint() == MachineParameter.Constraint.NONE
                      ? ""
                      : ", " + p.constraint().text()),
              p.unit(),
              p.kind().text(),
              p.description()));
    }
    s.append("\nThe default machine, as a file:\n\n```\n");
    s.append(MachineDescription.defaults().toText());
    s.append("```\n");
    return s.toString();
  }

  private static String resource(String name) {
    try (InputStream in = IsaReference.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
