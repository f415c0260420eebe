package org.signum.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table format, the built-in table and every message a bad table or override gives. */
class EnergyTableTest {
  @TempDir Path tmp;

  @Test
  void theDefaultTableIsHorowitzAt45NmWithASourceOnEveryEntry() {
    EnergyTable t = EnergyTable.defaults();
    assertEquals("horowitz-45nm", t.name());
    assertEquals(18, t.entries().size());
    for (EnergyEntry e : t.entries()) {
      assertEquals(45, e.nodeNm(), e.key());
      assertFalse(e.source().isBlank(), e.key());
      assertTrue(e.origin().startsWith("horowitz-45nm.energy:"), e.origin());
    }
    assertEquals(3.1, t.entry(Action.INT_MUL, 32).picojoules());
    assertEquals(0.2, t.entry(Action.INT_MUL, 8).picojoules());
    assertEquals(3.7, t.entry(Action.FLOAT_MUL, 32).picojoules());
    assertEquals(0.9, t.entry(Action.FLOAT_ADD, 32).picojoules());
    assertEquals(100, t.entry(Action.SRAM_READ, 1 << 20).picojoules());
    assertEquals(1300, t.entry(Action.DRAM_READ, 0).picojoules());
    assertEquals(Scaling.NONE, t.entry(Action.DRAM_WRITE, 0).scaling());
    // Aladdin's 0.018 pJ per 32-bit bitwise operation, per bit.
    assertEquals(0.018 / 32, t.entry(Action.BIT_OP, 0).picojoules(), 1e-15);
    assertTrue(t.entry(Action.BIT_OP, 0).source().contains("Aladdin (Shao et al., ISCA 2014)"));
  }

  @Test
  void unitsAndIndicesAreNormalised() throws EnergyException {
    EnergyTable t =
        EnergyTable.parse(
            "table = mine\n"
                + "# a comment | with bars\n"
                + "sram_read_64b[8192] | 2 nJ | 32 nm | cmos | a # is no comment here\n"
                + "bit_op | 500 fJ | 7nm | none | made up\n",
            "mine.energy");
    assertEquals("mine", t.name());
    EnergyEntry sram = t.entry(Action.SRAM_READ, 8192);
    assertEquals("sram_read_64b[8K]", sram.key());
    assertEquals(2000, sram.picojoules());
    assertEquals(32, sram.nodeNm());
    assertEquals("a # is no comment here", sram.source());
    assertEquals("mine.energy:3", sram.origin());
    assertEquals(0.5, t.entry(Action.BIT_OP, 0).picojoules(), 1e-12);
    assertEquals(Scaling.NONE, t.entry(Action.BIT_OP, 0).scaling());
  }

  @Test
  void aTableWithoutANameIsNamedAfterItsFile() throws EnergyException {
    assertEquals("t.energy", EnergyTable.parse("", "some/dir/t.energy").name());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '!',
      value = {
        "bit_op | 1 pJ | 45 nm | cmos!t:1: error: expected 'key | energy | node | scaling |"
            + " source', got 4 fields",
        "int_ad[8] | 1 pJ | 45 nm | cmos | s!t:1: error: unknown key 'int_ad[8]', did you mean"
            + " 'int_add'?",
        "int_add | 1 pJ | 45 nm | cmos | s!t:1: error: int_add: expected an index, a width in bits"
            + " in [1, 128], as in int_add[32]",
        "int_add[wide] | 1 pJ | 45 nm | cmos | s!t:1: error: int_add: expected a width in bits in"
            + " [1, 128], as in int_add[32], got 'wide'",
        "sram_read_64b[8Q] | 1 pJ | 45 nm | cmos | s!t:1: error: sram_read_64b: expected a size in"
            + " bytes such as 512, 8K or 1M, as in sram_read_64b[8K], got '8Q'",
        "bit_op[1] | 1 pJ | 45 nm | cmos | s!t:1: error: bit_op: takes no index, got 'bit_op[1]'",
        "int_add[8 | 1 pJ | 45 nm | cmos | s!t:1: error: 'int_add[8': expected a closing ']'",
        "bit_op | 1 | 45 nm | cmos | s!t:1: error: bit_op: energy: expected a positive number and a"
            + " unit (fJ, pJ or nJ), got '1'",
        "bit_op | -1 pJ | 45 nm | cmos | s!t:1: error: bit_op: energy: expected a positive number"
            + " and a unit (fJ, pJ or nJ), got '-1 pJ'",
        "bit_op | 0 pJ | 45 nm | cmos | s!t:1: error: bit_op: energy: expected a positive number and"
            + " a unit (fJ, pJ or nJ), got '0 pJ'",
        "bit_op | 1 pJ | 45 | cmos | s!t:1: error: bit_op: node: expected a technology node in [1,"
            + " 1000] such as '45 nm', got '45'",
        "bit_op | 1 pJ | 45 nm | finfet | s!t:1: error: bit_op: scaling: expected 'cmos' or 'none',"
            + " got 'finfet'",
        "bit_op | 1 pJ | 45 nm | cmos | !t:1: error: bit_op: source: every entry needs a source, got"
            + " nothing",
        "tabel = x!t:1: error: unknown setting 'tabel'; the only one is 'table'",
      })
  void everyBadFieldIsNamedWithFileAndLine(String line, String message) {
    EnergyException e = assertThrows(EnergyException.class, () -> EnergyTable.parse(line, "t"));
    assertEquals(List.of(message), e.errors());
  }

  @Test
  void allProblemsAreReportedTogetherIncludingDuplicates() {
    EnergyException e =
        assertThrows(
            EnergyException.class,
            () ->
                EnergyTable.parse(
                    "table = a\nint_add[8] | 1 pJ | 45 nm | cmos | s\ntable = b\n"
                        + "int_add[8] | 2 pJ | 45 nm | cmos | s\nbit_op | x | 45 nm | cmos | s\n",
                    "f.energy"));
    assertEquals(
        List.of(
            "f.energy:3: error: table: given twice",
            "f.energy:4: error: int_add[8]: given twice (first on line 2)",
            "f.energy:5: error: bit_op: energy: expected a positive number and a unit (fJ, pJ or"
                + " nJ), got 'x'"),
        e.errors());
  }

  @Test
  void overridesReplaceEntriesAndAddNewOnes() throws Exception {
    Path file = tmp.resolve("mine.energy");
    Files.writeString(
        file,
        "int_mul[32] | 12.68 pJ | 45 nm | cmos | Aladdin, 32-bit multiply\n"
            + "sram_read_64b[256K] | 40 pJ | 45 nm | cmos | measured\n");
    EnergyTable t = EnergyTable.defaults().withOverrides(EnergyTable.load(file));
    assertEquals("horowitz-45nm + mine.energy", t.name());
    assertEquals(12.68, t.entry(Action.INT_MUL, 32).picojoules());
    assertEquals(file + ":1", t.entry(Action.INT_MUL, 32).origin());
    assertEquals(4, t.family(Action.SRAM_READ).size());
    assertEquals(19, t.entries().size());
  }

  @Test
  void aBadOverrideFileNamesItsFileAndLine() throws Exception {
    Path file = tmp.resolve("bad.energy");
    Files.writeString(file, "# overrides\nint_mul[32] = 12 pJ\n");
    EnergyException e = assertThrows(EnergyException.class, () -> EnergyTable.load(file));
    assertEquals(
        List.of(
            file
                + ":2: error: int_mul[32]: an entry is a row 'key | energy | node | scaling |"
                + " source', not 'key = value'"),
        e.errors());
    EnergyException missing =
        assertThrows(EnergyException.class, () -> EnergyTable.load(tmp.resolve("none.energy")));
    assertTrue(
        missing.getMessage().startsWith(tmp.resolve("none.energy") + ": error: cannot read energy"),
        missing.getMessage());
  }

  @Test
  void theScalingTableIsStillmakerAndBaasWithEveryFactorSourced() throws EnergyException {
    TechnologyScaling s = TechnologyScaling.defaults();
    assertEquals("7, 16, 32, 45 nm", s.nodes());
    assertEquals(0.66, s.factor(45, 32), 1e-12);
    assertEquals(0.17, s.factor(45, 16), 1e-12);
    assertEquals(0.094, s.factor(45, 7), 1e-12);
    assertEquals(0.17 / 0.66, s.factor(32, 16), 1e-12);
    assertEquals(1, s.factor(28, 28));
    assertTrue(s.source(16).startsWith("Stillmaker and Baas"));
    EnergyException e = assertThrows(EnergyException.class, () -> s.factor(45, 28));
    assertEquals(
        "no technology scaling factor for 28 nm: the scaling table has 7, 16, 32, 45 nm; give the"
            + " machine one of those nodes, or give the table's entries at 28 nm",
        e.getMessage());
  }

  @Test
  void badScalingRowsAreNamed() {
    EnergyException e =
        assertThrows(
            EnergyException.class,
            () -> TechnologyScaling.parse("45 nm | 1\n32 | 0.66 | s\n16 nm | no | s\n", "sc"));
    assertEquals(
        List.of(
            "sc:1: error: expected 'node | factor | source'",
            "sc:2: error: node: expected a technology node such as '45 nm', got '32'",
            "sc:3: error: factor: expected a positive number, got 'no'"),
        e.errors());
  }
}
