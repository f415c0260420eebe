package org.signum.asm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple.Tuple3;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.Field;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/**
 * Generators of valid object files and instruction words for property and fuzz tests.
 *
 * <p>Every part is drawn independently and then fitted to the rest in one {@code map} (code cut to
 * the instruction memory, indices taken modulo their range, sections stopped at the end of their
 * memory). Dependent {@code flatMap}s would say the same more directly but make generation about
 * ten times slower and shrinking weaker.
 */
final class ObjectFileArbitraries {
  private static final int MAX_CODE = 40;
  private static final int TARGET_REACH = 40;

  private ObjectFileArbitraries() {}

  /** Words that decode: a random opcode with random values in exactly the fields it uses. */
  static Arbitrary<Long> instructionWords() {
    return instructionWords(Arbitraries.of(Opcode.values()));
  }

  static Arbitrary<Long> instructionWords(Opcode op) {
    return instructionWords(Arbitraries.just(op));
  }

  private static Arbitrary<Long> instructionWords(Arbitrary<Opcode> ops) {
    Arbitrary<Integer> reg = Arbitraries.integers().between(0, 31);
    Arbitrary<Integer> mem = Arbitraries.integers().between(0, 2);
    Arbitrary<Boolean> pi = Arbitraries.of(true, false);
    return Combinators.combine(ops, reg, reg, reg, reg, mem, pi, Arbitraries.integers())
        .as(
            (op, a, b, c, d, m, p, imm) -> {
              var used = op.usedFields();
              return new Instruction(
                      op,
                      used.contains(Field.A) ? a : 0,
                      used.contains(Field.B) ? b : 0,
                      used.contains(Field.C) ? c : 0,
                      used.contains(Field.D) ? d : 0,
                      used.contains(Field.MEM) ? m : 0,
                      used.contains(Field.POST_INCREMENT) && p,
                      used.contains(Field.IMM) ? fitImmediate(op, imm) : 0)
                  .encode();
            });
  }

  /** {@code raw} moved into the opcode's immediate range; branches stay near the code. */
  private static int fitImmediate(Opcode op, int raw) {
    for (Operand o : op.operands()) {
      if (o.kind() == OperandKind.IMMEDIATE && o.max() < Integer.MAX_VALUE) {
        return (int) (o.min() + Math.floorMod(raw, o.max() - o.min() + 1));
      }
      if (o.kind() == OperandKind.TARGET) {
        return Math.floorMod(raw, 2 * TARGET_REACH + 1) - TARGET_REACH;
      }
    }
    return raw;
  }

  static Arbitrary<Map<String, Long>> machines() {
    Arbitrary<Integer> imem = Arbitraries.integers().between(1, 64);
    Arbitrary<Integer> eights = Arbitraries.integers().between(0, 64);
    Arbitrary<Integer> scalars = Arbitraries.integers().between(2, 32);
    Arbitrary<Boolean> extraKey = Arbitraries.of(true, false);
    return Combinators.combine(imem, eights, eights, eights, eights, scalars, extraKey)
        .as(
            (i, w, a, t, d, s, extra) -> {
              MachineDescription m =
                  MachineDescription.defaults()
                      .with(MachineParameter.IMEM_WORDS, i)
                      .with(MachineParameter.WMEM_BYTES, 8L * w)
                      .with(MachineParameter.AMEM_BYTES, 8L * a)
                      .with(MachineParameter.TMEM_BYTES, 8L * t)
                      .with(MachineParameter.DRAM_BYTES, 8L * d)
                      .with(MachineParameter.SCALAR_REGISTERS, s);
              Map<String, Long> params = new LinkedHashMap<>(m.architecturalParameters());
              if (extra) {
                // A parameter from a later version: kept, not interpreted.
                params.put("systolic_rows", -7L);
              }
              return params;
            });
  }

  /** Names with the characters of real paths and labels, non-ASCII included. */
  static Arbitrary<String> names() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .withChars('_', '.', '/', '-', 'é', 'λ', '中')
        .ofMinLength(1)
        .ofMaxLength(12);
  }

  static Arbitrary<ObjectFile> objectFiles() {
    Arbitrary<Long> word =
        Arbitraries.frequencyOf(Tuple.of(4, instructionWords()), Tuple.of(1, Arbitraries.longs()));
    Arbitrary<Tuple3<Integer, Integer, Integer>> line =
        Combinators.combine(
                Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.integers().between(1, Integer.MAX_VALUE),
                Arbitraries.integers().between(1, Integer.MAX_VALUE))
            .as(Tuple::of);
    Arbitrary<Tuple2<Integer, byte[]>> piece =
        Combinators.combine(
                Arbitraries.integers().between(0, 100),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(30))
            .as(Tuple::of);
    Arbitrary<Symbol> symbol =
        Combinators.combine(names(), Arbitraries.of(SymbolKind.values()), Arbitraries.longs())
            .as(Symbol::new);
    return Combinators.combine(
            machines(),
            word.list().ofMaxSize(MAX_CODE),
            names().list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().greaterOrEqual(0),
            line.list().ofSize(MAX_CODE),
            piece.list().ofMaxSize(3).list().ofSize(MemorySpace.values().length),
            symbol.list().ofMaxSize(6),
            Arbitraries.longs())
        .as(ObjectFileArbitraries::fit);
  }

  private static ObjectFile fit(
      Map<String, Long> machine,
      List<Long> words,
      List<String> files,
      int entry,
      List<Tuple3<Integer, Integer, Integer>> lineMaterial,
      List<List<Tuple2<Integer, byte[]>>> pieces,
      List<Symbol> symbolMaterial,
      long shuffleSeed) {
    int n = (int) Math.min(words.size(), machine.get("imem_words"));
    long[] code = new long[n];
    List<LineEntry> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      code[i] = words.get(i);
      var l = lineMaterial.get(i);
      lines.add(new LineEntry(l.get1() % files.size(), l.get2(), l.get3()));
    }
    List<DataSection> data = new ArrayList<>();
    for (MemorySpace m : MemorySpace.values()) {
      data.addAll(sections(m, size(machine, m), pieces.get(m.ordinal())));
    }
    Collections.shuffle(data, new Random(shuffleSeed));
    List<Symbol> symbols = new ArrayList<>();
    for (Symbol s : symbolMaterial) {
      MemorySpace m = ObjectFileFormat.memoryOf(s.kind());
      long value =
          switch (s.kind()) {
            case CODE -> Math.floorMod(s.value(), n + 1L);
            case CONSTANT -> s.value();
            default -> Math.floorMod(s.value(), size(machine, m) + 1);
          };
      symbols.add(new Symbol(s.name(), s.kind(), value));
    }
    return new ObjectFile(
        machine, n == 0 ? 0 : entry % n, code, data, symbols, lines, List.copyOf(files));
  }

  private static long size(Map<String, Long> machine, MemorySpace m) {
    return machine.get(ObjectFileFormat.sizeParameter(m).key());
  }

  /** Disjoint sections at any alignment: each piece is a gap and the bytes after it. */
  private static List<DataSection> sections(
      MemorySpace m, long size, List<Tuple2<Integer, byte[]>> pieces) {
    List<DataSection> out = new ArrayList<>();
    long cursor = 0;
    for (var piece : pieces) {
      long address = cursor + piece.get1();
      if (address + piece.get2().length > size) {
        break;
      }
      out.add(new DataSection(m, (int) address, piece.get2()));
      cursor = address + piece.get2().length;
    }
    return out;
  }
}
