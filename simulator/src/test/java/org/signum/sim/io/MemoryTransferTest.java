package org.signum.sim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signum.asm.ObjectFile;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.sim.Simulator;

class MemoryTransferTest {
  @TempDir Path dir;

  private static Simulator simulator() throws Exception {
    MachineDescription m = MachineDescription.defaults().with(MachineParameter.TMEM_BYTES, 64);
    ObjectFile f =
        new ObjectFile(
            m.architecturalParameters(),
            0,
            new long[] {Instruction.of(Opcode.HALT).encode()},
            List.of(),
            List.of(),
            List.of(new ObjectFile.LineEntry(0, 1, 1)),
            List.of("t.s"));
    return new Simulator(m, f);
  }

  @Test
  void loadsRawAndNpyFilesAndDumpsThemBack() throws Exception {
    Simulator s = simulator();
    Path raw = dir.resolve("in.bin");
    Files.write(raw, new byte[] {1, 2, 3});
    MemoryTransfer.load(s, MemorySpec.parse("tmem:8=" + raw));
    Path npy = dir.resolve("in.npy");
    DataFiles.writeNpy(npy, new byte[] {4, 5, 6, 7}, "<i2", new long[] {2});
    MemoryTransfer.load(s, MemorySpec.parse("tmem:0x20:4=" + npy));
    assertArrayEquals(new byte[] {1, 2, 3}, s.readMemory(MemorySpace.TMEM, 8, 3));

    Path out = dir.resolve("out.npy");
    MemoryTransfer.dump(s, MemorySpec.parse("tmem:32:4=" + out));
    assertArrayEquals(new byte[] {4, 5, 6, 7}, DataFiles.read(out));
    assertEquals(
        '|', Files.readString(out, java.nio.charset.StandardCharsets.ISO_8859_1).charAt(21));

    Path rest = dir.resolve("rest.bin");
    MemoryTransfer.dump(s, MemorySpec.parse("tmem:8=" + rest));
    byte[] tail = Files.readAllBytes(rest);
    assertEquals(56, tail.length);
    assertEquals(3, tail[2]);
  }

  @Test
  void aLoadThatDoesNotFitIsRefused() throws Exception {
    Simulator s = simulator();
    Path raw = dir.resolve("in.bin");
    Files.write(raw, new byte[16]);
    assertEquals(
        "--load tmem:56="
            + raw
            + ": cannot write 16 bytes at tmem address 56: tmem holds bytes 0"
            + " to 63",
        assertThrows(
                DataFileException.class,
                () -> MemoryTransfer.load(s, MemorySpec.parse("tmem:56=" + raw)))
            .getMessage());
    assertEquals(
        "--load tmem:0:8=" + raw + ": the file holds 16 bytes of data, the spec says 8",
        assertThrows(
                DataFileException.class,
                () -> MemoryTransfer.load(s, MemorySpec.parse("tmem:0:8=" + raw)))
            .getMessage());
  }

  @Test
  void aDumpOutsideTheMemoryIsRefused() throws Exception {
    Simulator s = simulator();
    Path out = dir.resolve("out.bin");
    assertEquals(
        "--dump tmem:60:8="
            + out
            + ": cannot read 8 bytes at tmem address 60: tmem holds bytes 0"
            + " to 63",
        assertThrows(
                DataFileException.class,
                () -> MemoryTransfer.dump(s, MemorySpec.parse("tmem:60:8=" + out)))
            .getMessage());
    assertEquals(false, Files.exists(out));
  }
}
