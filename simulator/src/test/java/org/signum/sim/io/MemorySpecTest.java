package org.signum.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.signum.isa.MemorySpace;

class MemorySpecTest {

  @Test
  void addressOnly() throws Exception {
    assertEquals(
        new MemorySpec(MemorySpace.WMEM, 64, OptionalInt.empty(), Path.of("weights.npy")),
        MemorySpec.parse("wmem:64=weights.npy"));
  }

  @Test
  void hexAddressAndLength() throws Exception {
    assertEquals(
        new MemorySpec(MemorySpace.DRAM, 0x1000, OptionalInt.of(256), Path.of("out/x.bin")),
        MemorySpec.parse("dram:0x1000:256=out/x.bin"));
    assertEquals(
        new MemorySpec(MemorySpace.AMEM, 0, OptionalInt.of(0xff), Path.of("a=b.bin")),
        MemorySpec.parse("amem:0:0xFF=a=b.bin"));
  }

  @Test
  void printsBackInItsOwnForm() throws Exception {
    assertEquals("tmem:16:8=t.bin", MemorySpec.parse("tmem:0x10:8=t.bin").toString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wmem:0 | no '=FILE'; expected MEM:ADDR=FILE or MEM:ADDR:LEN=FILE",
        "wmem:0= | the file name after '=' is empty",
        "wmem=x.bin | expected MEM:ADDR=FILE or MEM:ADDR:LEN=FILE",
        "wmem:1:2:3=x.bin | expected MEM:ADDR=FILE or MEM:ADDR:LEN=FILE",
        "vmem:0=x.bin | unknown memory 'vmem'; expected wmem, amem, tmem or dram",
        "wmem:-8=x.bin | the address '-8' is not a decimal or 0x hexadecimal byte count",
        "wmem:0x=x.bin | the address '0x' is not a decimal or 0x hexadecimal byte count",
        "wmem:12ab=x.bin | the address '12ab' is not a decimal or 0x hexadecimal byte count",
        "wmem::4=x.bin | the address '' is not a decimal or 0x hexadecimal byte count",
        "wmem:0:zz=x.bin | the length 'zz' is not a decimal or 0x hexadecimal byte count",
        "wmem:4294967296=x.bin | the address 4294967296 is larger than 2147483647",
        "wmem:0x80000000=x.bin | the address 2147483648 is larger than 2147483647",
      })
  void malformedSpecs(String spec, String message) {
    assertEquals(
        "bad memory spec '" + spec + "': " + message,
        assertThrows(DataFileException.class, () -> MemorySpec.parse(spec)).getMessage());
  }
}
