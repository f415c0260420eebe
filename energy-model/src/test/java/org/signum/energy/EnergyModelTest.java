package org.signum.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pricing: exact entries, interpolation in width and size, scaling, and refusals. */
class EnergyModelTest {
  private static final EnergyModel AT_45 = EnergyModel.of(EnergyTable.defaults(), 45);

  private static double pj(EnergyModel m, Action a, long index) throws EnergyException {
    return m.price(new Event(a, index)).picojoules();
  }

  @Test
  void exactEntriesPricePerOperationAndMemoriesPerBit() throws EnergyException {
    assertEquals(3.1, pj(AT_45, Action.INT_MUL, 32));
    assertEquals(0.018 / 32, pj(AT_45, Action.BIT_OP, 0), 1e-15);
    assertEquals(0.03 / 8, pj(AT_45, Action.POPCOUNT_BIT, 0), 1e-15);
    // 10 pJ per 64-bit read of 8 KB: 0.15625 pJ per bit.
    assertEquals(10.0 / 64, pj(AT_45, Action.SRAM_READ, 8192), 1e-12);
    assertEquals(1300.0 / 64, pj(AT_45, Action.DRAM_WRITE, 0), 1e-9);
    assertEquals("int_mul[32]", AT_45.price(new Event(Action.INT_MUL, 32)).derivation());
  }

  @Test
  void integerAddsAreLinearInWidthBetweenGivenWidths() throws EnergyException {
    // 20 bits is halfway from 8 to 32: 0.03 + (0.1 - 0.03) / 2 = 0.065 pJ.
    assertEquals(0.065, pj(AT_45, Action.INT_ADD, 20), 1e-12);
    assertEquals(
        "linear in width between int_add[8] and int_add[32]",
        AT_45.price(new Event(Action.INT_ADD, 20)).derivation());
  }

  @Test
  void sramIsInterpolatedAsAPowerOfSize() throws EnergyException {
    // 8 KB -> 10 pJ, 32 KB -> 20 pJ: energy grows as size^0.5 there, so 16 KB costs 10 sqrt 2.
    assertEquals(10 * Math.sqrt(2) / 64, pj(AT_45, Action.SRAM_READ, 16 << 10), 1e-12);
    // Below 8 KB the first segment is extended: 512 B is 1/16 of 8 KB, so 10 / 4 = 2.5 pJ.
    assertEquals(2.5 / 64, pj(AT_45, Action.SRAM_WRITE, 512), 1e-12);
    // 32 KB -> 20, 1 MB -> 100: exponent ln 5 / ln 32; 256 KB is 8x 32 KB.
    double exponent = Math.log(5) / Math.log(32);
    assertEquals(20 * Math.pow(8, exponent) / 64, pj(AT_45, Action.SRAM_READ, 256 << 10), 1e-12);
    assertEquals(100 * Math.pow(2, exponent) / 64, pj(AT_45, Action.SRAM_READ, 2 << 20), 1e-12);
    assertEquals(
        "log-log extrapolation from sram_read_64b[8K] and sram_read_64b[32K], / 64 bits",
        AT_45.price(new Event(Action.SRAM_READ, 512)).derivation());
  }

  @Test
  void cmosEntriesScaleWithTheNodeAndDramDoesNot() throws EnergyException {
    EnergyModel at32 = EnergyModel.of(EnergyTable.defaults(), 32);
    assertEquals(3.1 * 0.66, pj(at32, Action.INT_MUL, 32), 1e-12);
    assertEquals(1300.0 / 64, pj(at32, Action.DRAM_READ, 0), 1e-9);
    EnergyModel at7 = EnergyModel.of(EnergyTable.defaults(), 7);
    assertEquals(10 * 0.094 * Math.sqrt(2) / 64, pj(at7, Action.SRAM_READ, 16 << 10), 1e-12);
    assertEquals(
        "int_mul[32] x 0.094 (45 to 7 nm)", at7.price(new Event(Action.INT_MUL, 32)).derivation());
    // The ratio of a 32-bit multiply to a bit operation does not change with the node.
    assertEquals(
        pj(AT_45, Action.INT_MUL, 32) / pj(AT_45, Action.BIT_OP, 0),
        pj(at7, Action.INT_MUL, 32) / pj(at7, Action.BIT_OP, 0),
        1e-9);
  }

  @Test
  void aNodeWithoutAFactorIsAnError() {
    EnergyModel at28 = EnergyModel.of(EnergyTable.defaults(), 28);
    EnergyException e =
        assertThrows(EnergyException.class, () -> at28.price(new Event(Action.INT_ADD, 32)));
    assertEquals(
        "no technology scaling factor for 28 nm: the scaling table has 7, 16, 32, 45 nm; give the"
            + " machine one of those nodes, or give the table's entries at 28 nm",
        e.getMessage());
  }

  @Test
  void anEventTheTableCannotPriceIsAnErrorNeverZero() throws EnergyException {
    EnergyModel bare =
        EnergyModel.of(
            EnergyTable.parse(
                "table = bare\nint_mul[32] | 3 pJ | 45 nm | cmos | s\n"
                    + "int_add[8] | 1 pJ | 45 nm | cmos | s\nint_add[32] | 2 pJ | 45 nm | cmos | s\n"
                    + "sram_read_64b[8K] | 1 pJ | 45 nm | cmos | s\n",
                "bare.energy"),
            45);
    assertUnpriced(
        bare,
        Event.of(Action.BIT_OP),
        "energy table 'bare' cannot price bit_op: it has no entry" + " 'bit_op'");
    assertUnpriced(
        bare,
        new Event(Action.INT_MUL, 16),
        "energy table 'bare' cannot price int_mul[16]: it gives int_mul at 32 bits only, and"
            + " int_mul is priced only at widths the table gives");
    assertUnpriced(
        bare,
        new Event(Action.FLOAT_ADD, 32),
        "energy table 'bare' cannot price float_add[32]: it has no entry 'float_add[32]'");
    assertUnpriced(
        bare,
        new Event(Action.INT_ADD, 64),
        "energy table 'bare' cannot price int_add[64]: it gives int_add at 8, 32 bits, and widths"
            + " are interpolated only between two of them");
    assertUnpriced(
        bare,
        new Event(Action.SRAM_READ, 1024),
        "energy table 'bare' cannot price sram_read_64b[1K]: sizes are interpolated between two"
            + " sram_read_64b entries, and it has 1");
    assertUnpriced(
        bare,
        new Event(Action.SRAM_WRITE, 1024),
        "energy table 'bare' cannot price sram_write_64b[1K]: sizes are interpolated between two"
            + " sram_write_64b entries, and it has 0");
    assertEquals(1.0 / 64, pj(bare, Action.SRAM_READ, 8192), 1e-12);
  }

  private static void assertUnpriced(EnergyModel m, Event e, String message) {
    EnergyException x = assertThrows(EnergyException.class, () -> m.price(e));
    assertEquals(message, x.getMessage());
  }
}
