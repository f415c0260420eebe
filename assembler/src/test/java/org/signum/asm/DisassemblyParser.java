package org.signum.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.isa.Field;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;

/**
 * Reads back exactly the subset of assembly that {@link Disassembler#disassemble} writes, so its
 * output can be checked to encode the same program before the real assembler exists. Deliberately
 * strict: anything it does not expect fails the test rather than being skipped.
 */
final class DisassemblyParser {
  record Parsed(long[] code, Integer entry, List<DataSection> data) {}

  private static final Pattern LABEL = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*|[0-9]+):");
  private static final Pattern MEMORY =
      Pattern.compile("([a-z]+)\\[r([0-9]+)(?: ([+-]) ([0-9]+))?\\](\\+?)");

  private DisassemblyParser() {}

  static Parsed parse(String text) {
    List<String> lines = text.lines().toList();
    Map<String, Integer> labels = new HashMap<>();
    int pc = 0;
    for (String raw : lines) {
      String line = stripComment(raw);
      Matcher m = LABEL.matcher(line);
      // Numeric local labels are referred to as 1f or 1b, never by a bare number, which is an
      // index.
      if (m.matches() && !m.group(1).matches("[0-9]+")) {
        if (labels.put(m.group(1), pc) != null) {
          throw new IllegalStateException("label defined twice: " + line);
        }
      } else if (!m.matches() && isInstruction(line)) {
        pc++;
      }
    }
    List<Long> code = new ArrayList<>();
    Integer entry = null;
    List<DataSection> data = new ArrayList<>();
    MemorySpace section = null;
    Integer address = null;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String raw : lines) {
      String line = stripComment(raw).strip();
      if (line.isEmpty() || LABEL.matcher(line).matches()) {
        continue;
      }
      String[] words = line.split(" ", 2);
      String rest = words.length > 1 ? words[1] : "";
      switch (words[0]) {
        case ".text" -> section = null;
        case ".entry" ->
            entry = labels.containsKey(rest) ? labels.get(rest) : Integer.parseInt(rest);
        case ".section" -> {
          flush(data, section, address, bytes);
          section = MemorySpace.ofName(rest);
          address = null;
        }
        case ".org" -> {
          flush(data, section, address, bytes);
          address = Integer.decode(rest);
        }
        case ".dword" -> {
          for (String v : rest.split(", ")) {
            long x = Long.parseUnsignedLong(v.substring(2), 16);
            for (int i = 0; i < 8; i++) {
              bytes.write((int) (x >>> (8 * i)));
            }
          }
        }
        case ".byte" -> {
          for (String v : rest.split(", ")) {
            bytes.write(Integer.decode(v));
          }
        }
        case ".inst" -> code.add(Long.parseUnsignedLong(rest.substring(2), 16));
        default -> code.add(encode(words[0], rest, code.size(), labels));
      }
    }
    flush(data, section, address, bytes);
    return new Parsed(code.stream().mapToLong(Long::longValue).toArray(), entry, data);
  }

  private static boolean isInstruction(String line) {
    String s = line.strip();
    return !s.isEmpty() && (!s.startsWith(".") || s.startsWith(".inst"));
  }

  private static String stripComment(String line) {
    int semi = line.indexOf(';');
    return semi < 0 ? line : line.substring(0, semi).stripTrailing();
  }

  private static void flush(
      List<DataSection> data, MemorySpace section, Integer address, ByteArrayOutputStream bytes) {
    if (bytes.size() > 0) {
      data.add(new DataSection(section, address, bytes.toByteArray()));
      bytes.reset();
    }
  }

  private static long encode(
      String mnemonic, String operands, int pc, Map<String, Integer> labels) {
    Opcode op = Opcode.byMnemonic(mnemonic);
    if (op == null) {
      throw new IllegalStateException("unknown mnemonic in disassembly: " + mnemonic);
    }
    String[] parts = operands.isEmpty() ? new String[0] : operands.split(", ");
    if (parts.length != op.operands().size()) {
      throw new IllegalStateException("operand count of '" + mnemonic + " " + operands + "'");
    }
    long w = op.code();
    for (int i = 0; i < parts.length; i++) {
      Operand o = op.operands().get(i);
      String p = parts[i];
      w =
          switch (o.kind()) {
            case SCALAR_REGISTER, VECTOR_REGISTER, ACCUMULATOR -> {
              if (!p.startsWith(o.kind().registerPrefix())) {
                throw new IllegalStateException("register operand " + p + " of " + mnemonic);
              }
              yield o.field().insert(w, Integer.parseInt(p.substring(1)));
            }
            case IMMEDIATE -> Field.IMM.insert(w, Long.parseLong(p));
            case TARGET -> {
              long target = labels.containsKey(p) ? labels.get(p) : Long.parseLong(p);
              yield Field.IMM.insert(w, target - pc);
            }
            case MEMORY, MEMORY_NO_INCREMENT -> memory(w, p);
          };
    }
    return w;
  }

  private static long memory(long w, String p) {
    Matcher m = MEMORY.matcher(p);
    if (!m.matches()) {
      throw new IllegalStateException("memory operand " + p);
    }
    long offset = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
    w = Field.MEM.insert(w, MemorySpace.ofName(m.group(1)).code());
    w = Field.B.insert(w, Integer.parseInt(m.group(2)));
    w = Field.IMM.insert(w, "-".equals(m.group(3)) ? -offset : offset);
    return Field.POST_INCREMENT.insert(w, m.group(5).isEmpty() ? 0 : 1);
  }
}
