package org.signum.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.signum.asm.Assembler;
import org.signum.asm.AssemblyResult;
import org.signum.asm.Disassembler;
import org.signum.asm.ObjectFile;
import org.signum.asm.ObjectFileReader;
import org.signum.asm.ObjectFileWriter;
import org.signum.isa.MachineDescription;

/** Every example survives assemble, write, read, disassemble, reassemble with identical bytes. */
class RoundTripTest {

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(Example.EXAMPLES)) {
      return s.filter(p -> p.toString().endsWith(".s")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void disassemblyReassemblesToIdenticalBytes(Path example) throws Exception {
    MachineDescription m = MachineDescription.defaults();
    Assembler asm = new Assembler(m, List.of());
    AssemblyResult first = asm.assemble(example);
    assertTrue(first.ok(), () -> first.diagnostics().toString());
    ObjectFile original = ObjectFileReader.read(ObjectFileWriter.toBytes(first.object()), "x");
    assertEquals(first.object(), original);

    String text = Disassembler.disassemble(original);
    AssemblyResult second = asm.assembleSource(text, example.getFileName() + ".dis.s");
    assertTrue(second.ok(), () -> second.diagnostics() + "\n" + text);
    assertArrayEquals(original.code(), second.object().code());
    assertEquals(original.data(), second.object().data());
    assertEquals(original.entry(), second.object().entry());
  }
}
