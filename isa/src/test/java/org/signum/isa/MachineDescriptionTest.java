package org.signum.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineDescriptionTest {

  @Test
  void defaultsRoundTripThroughTheFileFormat() throws MachineDescriptionException {
    MachineDescription d = MachineDescription.defaults();
    assertEquals(d, MachineDescription.parse(d.toText(), "defaults"));
    assertEquals(256, d.vectorWidth());
    assertEquals(4, d.vectorWords());
    assertEquals(32, d.vectorBytes());
  }

  @Test
  void parsesValuesSuffixesCommentsAndKeepsDefaults() throws MachineDescriptionException {
    MachineDescription d =
        MachineDescription.parse(
            "# a wide machine\nname = wide-1\nvector_width = 1024   # bits\n"
                + "wmem_bytes = 1M\namem_bytes = 64K\ntmem_bytes = 16_384\n\n",
            "wide.machine");
    assertEquals("wide-1", d.name());
    assertEquals(1024, d.vectorWidth());
    assertEquals(1 << 20, d.memoryBytes(MemorySpace.WMEM));
    assertEquals(65536, d.memoryBytes(MemorySpace.AMEM));
    assertEquals(16384, d.memoryBytes(MemorySpace.TMEM));
    assertEquals(MachineParameter.ACCUMULATORS.defaultValue(), d.accumulators());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "vector_width = 100|m:1: error: vector_width: expected an integer in [64, 4096] and a power"
            + " of two, got 100",
        "vector_width = 8192|m:1: error: vector_width: expected an integer in [64, 4096] and a power"
            + " of two, got 8192",
        "vector_widht = 256|m:1: error: unknown parameter 'vector_widht', did you mean"
            + " 'vector_width'?",
        "accumulators = many|m:1: error: accumulators: expected an integer in [1, 32], got 'many'",
        "wmem_bytes = 12|m:1: error: wmem_bytes: expected an integer in [0, 1073741824] and a"
            + " multiple of 8, got 12",
        "vector_width 256|m:1: error: expected 'key = value', got 'vector_width 256'",
        "name = has space|m:1: error: name: expected letters, digits, '_', '.' or '-', got 'has"
            + " space'",
        "scalar_registers = -1|m:1: error: scalar_registers: expected an integer in [2, 32], got"
            + " '-1'",
      })
  void rejectsBadFieldsWithFileLineAndExpectation(String text, String message) {
    MachineDescriptionException e =
        assertThrows(MachineDescriptionException.class, () -> MachineDescription.parse(text, "m"));
    assertEquals(List.of(message), e.errors());
  }

  @Test
  void reportsEveryProblemInLineOrderIncludingDuplicates() {
    MachineDescriptionException e =
        assertThrows(
            MachineDescriptionException.class,
            () ->
                MachineDescription.parse(
                    "vector_width = 512\nbogus = 1\nvector_width = 256\nclock_mhz = 0\n", "f"));
    assertEquals(
        List.of(
            "f:2: error: unknown parameter 'bogus'",
            "f:3: error: vector_width: given twice (first on line 1)",
            "f:4: error: clock_mhz: expected an integer in [1, 10000], got 0"),
        e.errors());
  }

  @Test
  void missingFileIsAClearError() {
    MachineDescriptionException e =
        assertThrows(
            MachineDescriptionException.class,
            () -> MachineDescription.load(Path.of("no/such/file.machine")));
    assertTrue(
        e.getMessage().startsWith("no/such/file.machine: error: cannot read machine description"),
        e.getMessage());
  }

  @Test
  void mismatchesNameEachArchitecturalDifference() {
    MachineDescription d = MachineDescription.defaults();
    assertEquals(List.of(), d.mismatches(d.architecturalParameters()));
    MachineDescription wide = d.with(MachineParameter.VECTOR_WIDTH, 512);
    assertEquals(
        List.of("vector_width: object file built for 512, machine has 256"),
        d.mismatches(wide.architecturalParameters()));
    Map<String, Long> timingOnly =
        d.with(MachineParameter.CLOCK_MHZ, 1000).architecturalParameters();
    assertEquals(List.of(), d.mismatches(timingOnly));
    assertEquals(
        List.of(
            "warp: object file records a parameter this version does not know",
            "vector_width: not recorded in the object file",
            "vector_registers: not recorded in the object file",
            "scalar_registers: not recorded in the object file",
            "accumulators: not recorded in the object file",
            "accumulator_width: not recorded in the object file",
            "imem_words: not recorded in the object file",
            "wmem_bytes: not recorded in the object file",
            "amem_bytes: not recorded in the object file",
            "tmem_bytes: not recorded in the object file",
            "dram_bytes: not recorded in the object file"),
        d.mismatches(Map.of("warp", 9L)));
  }

  @Test
  void timingAndEnergyParametersParseWithoutTouchingTheArchitecture()
      throws MachineDescriptionException {
    MachineDescription d =
        MachineDescription.parse(
            "datapath_width = 64\npopcount_units = 4\nlatency_popcount = 3\n"
                + "wmem_ports = 2\nwmem_port_width = 1024\ndma_overlap = 0\n"
                + "branch_penalty = 0\ntechnology_nm = 16\n",
            "t.machine");
    assertEquals(64, d.datapathWidth());
    assertEquals(4, d.beats());
    assertEquals(4, d.popcountUnits());
    assertEquals(3, d.latency(InsnClass.POPCOUNT));
    assertEquals(2, d.latency(InsnClass.VECTOR_MEMORY));
    assertEquals(1, d.latency(InsnClass.CONTROL));
    assertEquals(2, d.ports(MemorySpace.WMEM));
    assertEquals(1024, d.portWidth(MemorySpace.WMEM));
    assertEquals(64, d.portWidth(MemorySpace.TMEM));
    assertEquals(false, d.dmaOverlapsCompute());
    assertEquals(0, d.branchPenalty());
    assertEquals(16, d.technologyNm());
    assertEquals(
        MachineDescription.defaults().architecturalParameters(), d.architecturalParameters());
    // A datapath wider than the vector registers still takes one beat per instruction.
    assertEquals(1, d.with(MachineParameter.DATAPATH_WIDTH, 4096).beats());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "datapath_width = 100|m:1: error: datapath_width: expected an integer in [8, 4096] and a"
            + " power of two, got 100",
        "popcount_units = 0|m:1: error: popcount_units: expected an integer in [1, 64], got 0",
        "latency_threshold = 0|m:1: error: latency_threshold: expected an integer in [1, 64], got"
            + " 0",
        "tmem_port_width = 16|m:1: error: tmem_port_width: expected an integer in [32, 4096] and a"
            + " power of two, got 16",
        "amem_ports = 17|m:1: error: amem_ports: expected an integer in [1, 16], got 17",
        "dma_overlap = 2|m:1: error: dma_overlap: expected an integer in [0, 1], got 2",
        "technology_nm = 0|m:1: error: technology_nm: expected an integer in [1, 1000], got 0",
      })
  void rejectsBadTimingAndEnergyValues(String text, String message) {
    MachineDescriptionException e =
        assertThrows(MachineDescriptionException.class, () -> MachineDescription.parse(text, "m"));
    assertEquals(List.of(message), e.errors());
  }

  @Test
  void everyClassThatWritesARegisterHasALatencyAndEveryMemoryItsPorts() {
    for (InsnClass c : InsnClass.values()) {
      boolean writesNothing = c == InsnClass.CONTROL || c == InsnClass.DMA;
      assertEquals(writesNothing, MachineParameter.latencyOf(c) == null, c.name());
    }
    for (MemorySpace m : MemorySpace.values()) {
      if (m.onChip()) {
        assertTrue(MachineParameter.portsOf(m).key().startsWith(m.assemblyName()));
        assertTrue(MachineParameter.portWidthOf(m).key().startsWith(m.assemblyName()));
      }
    }
    assertEquals(MachineParameter.Kind.ENERGY, MachineParameter.TECHNOLOGY_NM.kind());
    assertEquals(false, MachineParameter.DATAPATH_WIDTH.architectural());
  }

  @Test
  void withRejectsInvalidValues() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MachineDescription.defaults().with(MachineParameter.VECTOR_WIDTH, 96));
  }

  @Test
  void suggestionsFindCloseNamesOnly() {
    assertEquals("vxnor", Suggestions.closest("xnorr", List.of("vxnor", "vxor", "halt")));
    assertEquals("", Suggestions.didYouMean("zzzzzz", List.of("vxnor", "halt")));
    assertEquals(1, Suggestions.distance("ab", "ba"));
  }
}
