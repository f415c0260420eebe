package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.signum.asm.ObjectFile.DataSection;
import org.signum.asm.ObjectFile.LineEntry;
import org.signum.asm.ObjectFile.Symbol;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/**
 * {@code assemble(disassemble(x)) == x} with the real assembler, on random instruction streams:
 * valid words of every opcode (registers beyond the machine's counts and branches leaving the code
 * included) mixed with arbitrary 64-bit words, code labels at random places, and data in every
 * memory.
 */
class ReassemblyPropertyTest {
  private static final MachineDescription MACHINE = MachineDescription.defaults();
  private final Assembler assembler = new Assembler(MACHINE, List.of());

  @Provide
  Arbitrary<ObjectFile> programs() {
    Arbitrary<Long> word =
        Arbitraries.frequencyOf(
            Tuple.of(6, ObjectFileArbitraries.instructionWords()),
            Tuple.of(1, Arbitraries.longs()));
    Arbitrary<List<Long>> words = word.list().ofMinSize(1).ofMaxSize(40);
    Arbitrary<List<Integer>> labelled = Arbitraries.integers().between(0, 39).list().ofMaxSize(4);
    Arbitrary<List<byte[]>> data =
        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40).list().ofSize(4);
    Arbitrary<Integer> entry = Arbitraries.integers().between(0, 39);
    return Combinators.combine(words, labelled, data, entry).as(ReassemblyPropertyTest::program);
  }

  private static ObjectFile program(
      List<Long> words, List<Integer> labelled, List<byte[]> bytes, int entry) {
    long[] code = words.stream().mapToLong(Long::longValue).toArray();
    List<LineEntry> lines = new ArrayList<>();
    for (int i = 0; i < code.length; i++) {
      lines.add(new LineEntry(0, i + 1, 1));
    }
    List<DataSection> data = new ArrayList<>();
    for (MemorySpace m : MemorySpace.values()) {
      data.add(new DataSection(m, 8 * m.ordinal(), bytes.get(m.ordinal())));
    }
    List<Symbol> symbols = new ArrayList<>();
    for (int index : labelled.stream().distinct().sorted().toList()) {
      if (index < code.length) {
        symbols.add(new Symbol("label_" + index, SymbolKind.CODE, index));
      }
    }
    Map<String, Long> machine = MACHINE.architecturalParameters();
    return new ObjectFile(
        machine, entry % code.length, code, data, symbols, lines, List.of("random.s"));
  }

  @Property(tries = 300)
  void disassemblyReassemblesToTheSameWordsDataAndEntry(@ForAll("programs") ObjectFile original)
      throws Exception {
    ObjectFile f = ObjectFileReader.read(ObjectFileWriter.toBytes(original), "random.sgo");
    String text = Disassembler.disassemble(f);
    AssemblyResult r = assembler.assembleSource(text, "random.dis.s");
    assertTrue(r.ok(), () -> r.diagnostics() + "\n" + text);
    assertArrayEquals(f.code(), r.object().code(), text);
    assertEquals(f.entry(), r.object().entry());
    for (MemorySpace m : MemorySpace.values()) {
      assertArrayEquals(image(f, m), image(r.object(), m), m + "\n" + text);
    }
  }

  /** The bytes a program's data sections put into memory {@code m}, up to its last byte. */
  private static byte[] image(ObjectFile f, MemorySpace m) {
    int end = 0;
    for (DataSection d : f.data()) {
      if (d.memory() == m) {
        end = Math.max(end, d.address() + d.bytes().length);
      }
    }
    byte[] out = new byte[end];
    for (DataSection d : f.data()) {
      if (d.memory() == m) {
        System.arraycopy(d.bytes(), 0, out, d.address(), d.bytes().length);
      }
    }
    return out;
  }
}
