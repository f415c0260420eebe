package org.signum.asm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
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

/** Generators of valid object files and instruction words for property and fuzz tests. */
final class ObjectFileArbitraries {
  private ObjectFileArbitraries() {}

  /** Words that decode: a random opcode with random values in exactly the fields it uses. */
  static Arbitrary<Long> instructionWords() {
    return Arbitraries.of(Opcode.values()).flatMap(ObjectFileArbitraries::instructionWords);
  }

  static Arbitrary<Long> instructionWords(Opcode op) {
    Arbitrary<Integer> reg = Arbitraries.integers().between(0, 31);
    Arbitrary<Integer> mem = Arbitraries.integers().between(0, 2);
    Arbitrary<Boolean> pi = Arbitraries.of(true, false);
    return Combinators.combine(reg, reg, reg, reg, mem, pi, immediates(op))
        .as(
            (a, b, c, d, m, p, imm) -> {
              var used = op.usedFields();
              return new Instruction(
                      op,
                      used.contains(Field.A) ? a : 0,
                      used.contains(Field.B) ? b : 0,
                      used.contains(Field.C) ? c : 0,
                      used.contains(Field.D) ? d : 0,
                      used.contains(Field.MEM) ? m : 0,
                      used.contains(Field.POST_INCREMENT) && p,
                      used.contains(Field.IMM) ? imm : 0)
                  .encode();
            });
  }

  private static Arbitrary<Integer> immediates(Opcode op) {
    for (Operand o : op.operands()) {
      if (o.kind() == OperandKind.IMMEDIATE && o.max() < Integer.MAX_VALUE) {
        return Arbitraries.integers().between((int) o.min(), (int) o.max());
      }
      if (o.kind() == OperandKind.TARGET) {
        return Arbitraries.integers().between(-40, 40);
      }
    }
    return Arbitraries.integers();
  }

  /** Any 64-bit word: most do not decode, which the format allows. */
  static Arbitrary<Long> anyWords() {
    return Arbitraries.longs();
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

  static Arbitrary<ObjectFile> objectFiles() {
    return machines().flatMap(ObjectFileArbitraries::objectFiles);
  }

  static Arbitrary<ObjectFile> objectFiles(Map<String, Long> machine) {
    int imem = machine.get("imem_words").intValue();
    Arbitrary<Long> word =
        Arbitraries.frequencyOf(Tuple.of(4, instructionWords()), Tuple.of(1, anyWords()));
    return word.list()
        .ofMaxSize(Math.min(imem, 40))
        .flatMap(
            code ->
                names()
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(3)
                    .flatMap(files -> objectFiles(machine, toArray(code), files)));
  }

  private static Arbitrary<ObjectFile> objectFiles(
      Map<String, Long> machine, long[] code, List<String> files) {
    int n = code.length;
    Arbitrary<Integer> entry = n == 0 ? Arbitraries.just(0) : Arbitraries.integers().between(0, n - 1);
    Arbitrary<LineEntry> line =
        Combinators.combine(
                Arbitraries.integers().between(0, files.size() - 1),
                Arbitraries.integers().between(1, Integer.MAX_VALUE),
                Arbitraries.integers().between(1, Integer.MAX_VALUE))
            .as(LineEntry::new);
    return Combinators.combine(
            entry, line.list().ofSize(n), dataSections(machine), symbols(machine, n))
        .as((e, lines, data, symbols) -> new ObjectFile(machine, e, code, data, symbols, lines, files));
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

  static Arbitrary<List<DataSection>> dataSections(Map<String, Long> machine) {
    List<Arbitrary<List<DataSection>>> perMemory = new ArrayList<>();
    for (MemorySpace m : MemorySpace.values()) {
      perMemory.add(sectionsIn(m, machine.get(ObjectFileFormat.sizeParameter(m).key())));
    }
    return Combinators.combine(perMemory)
        .as(
            lists -> {
              List<DataSection> all = new ArrayList<>();
              lists.forEach(all::addAll);
              return all;
            })
        .flatMap(Arbitraries::shuffle);
  }

  /** Disjoint sections in one memory, at any alignment, stopping at the memory's end. */
  private static Arbitrary<List<DataSection>> sectionsIn(MemorySpace m, long size) {
    Arbitrary<Integer> gap = Arbitraries.integers().between(0, 100);
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(30);
    return Combinators.combine(gap, bytes)
        .as(Tuple::of)
        .list()
        .ofMaxSize(3)
        .map(
            pieces -> {
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
            });
  }

  static Arbitrary<List<Symbol>> symbols(Map<String, Long> machine, int codeLength) {
    return Combinators.combine(names(), Arbitraries.of(SymbolKind.values()), Arbitraries.longs())
        .as(
            (name, kind, raw) -> {
              MemorySpace mem = ObjectFileFormat.memoryOf(kind);
              long value =
                  switch (kind) {
                    case CODE -> Math.floorMod(raw, codeLength + 1L);
                    case CONSTANT -> raw;
                    default -> Math.floorMod(
                        raw, machine.get(ObjectFileFormat.sizeParameter(mem).key()) + 1);
                  };
              return new Symbol(name, kind, value);
            })
        .list()
        .ofMaxSize(6);
  }

  private static long[] toArray(List<Long> words) {
    long[] out = new long[words.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = words.get(i);
    }
    return out;
  }
}
