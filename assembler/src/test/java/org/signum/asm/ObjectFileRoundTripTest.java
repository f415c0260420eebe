package org.signum.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.signum.isa.Instruction;

class ObjectFileRoundTripTest {

  @Provide
  Arbitrary<ObjectFile> objectFiles() {
    return ObjectFileArbitraries.objectFiles();
  }

  @Provide
  Arbitrary<Long> instructionWords() {
    return ObjectFileArbitraries.instructionWords();
  }

  @Property(tries = 500)
  void readingWhatWasWrittenGivesTheSameObject(@ForAll("objectFiles") ObjectFile f)
      throws ObjectFileException {
    assertEquals(f, ObjectFileReader.read(ObjectFileWriter.toBytes(f), "round-trip"));
  }

  @Property(tries = 200)
  void theBytesDependOnlyOnTheObject(@ForAll("objectFiles") ObjectFile f)
      throws ObjectFileException {
    byte[] once = ObjectFileWriter.toBytes(f);
    byte[] again = ObjectFileWriter.toBytes(ObjectFileReader.read(once, "again"));
    assertArrayEquals(once, again);
  }

  /** The generator really makes decodable words, so the other properties cover every opcode. */
  @Property(tries = 500)
  void generatedInstructionWordsDecode(@ForAll("instructionWords") long word) throws Exception {
    assertEquals(word, Instruction.decode(word).encode());
  }
}
