package org.signum.energy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices events with one energy table at one technology node. Knows nothing of how the events were
 * produced. An event the table cannot price is an {@link EnergyException}, never zero.
 *
 * <ul>
 *   <li>Fixed actions ({@code bit_op}, {@code popcount_bit}, DRAM) need their entry.
 *   <li>Multiplies and float adds are priced only at widths the table gives; integer adds are also
 *       interpolated linearly in width between two given widths, as a ripple adder's energy grows
 *       with its width.
 *   <li>SRAM accesses are interpolated in size, linearly in log(size) against log(energy) between
 *       the two nearest given sizes, and extrapolated from the two nearest outside them: energy
 *       then follows a power of the size on each segment (an exponent of 0.5 between Horowitz's 8
 *       and 32 KB, 0.46 between 32 KB and 1 MB).
 *   <li>Memory figures are per 64-bit access and charged per bit: bits / 64 of one access.
 *   <li>Every figure of scaling {@code cmos} is multiplied by the scaling table's factor from its
 *       node to the model's.
 * </ul>
 */
public final class EnergyModel {
  private final EnergyTable table;
  private final TechnologyScaling scaling;
  private final int nodeNm;

  public EnergyModel(EnergyTable table, TechnologyScaling scaling, int nodeNm) {
    this.table = table;
    this.scaling = scaling;
    this.nodeNm = nodeNm;
  }

  /** {@code table} at {@code nodeNm} with the default scaling (Stillmaker and Baas 2017). */
  public static EnergyModel of(EnergyTable table, int nodeNm) {
    return new EnergyModel(table, TechnologyScaling.defaults(), nodeNm);
  }

  public EnergyTable table() {
    return table;
  }

  public TechnologyScaling scaling() {
    return scaling;
  }

  public int nodeNm() {
    return nodeNm;
  }

  /** The factor this model applies to {@code e}: 1 for unscaled entries. */
  public double factor(EnergyEntry e) throws EnergyException {
    return e.scaling() == Scaling.NONE ? 1 : scaling.factor(e.nodeNm(), nodeNm);
  }

  /** {@code e}'s figure at this model's node, in picojoules per unit of its action. */
  public double scaled(EnergyEntry e) throws EnergyException {
    return e.picojoules() * factor(e);
  }

  /** The energy of one unit of {@code event}: one operation, or one bit for memory actions. */
  public Price price(Event event) throws EnergyException {
    Price p =
        switch (event.action()) {
          case BIT_OP, POPCOUNT_BIT, DRAM_READ, DRAM_WRITE -> exact(event);
          case INT_MUL, FLOAT_ADD, FLOAT_MUL -> exact(event);
          case INT_ADD -> width(event);
          case SRAM_READ, SRAM_WRITE -> size(event);
        };
    if (!event.action().perBit()) {
      return p;
    }
    return new Price(p.picojoules() / 64, p.derivation() + ", / 64 bits");
  }

  private Price exact(Event event) throws EnergyException {
    EnergyEntry e = table.entry(event.action(), event.index());
    if (e != null) {
      return new Price(scaled(e), e.key() + scaleNote(e));
    }
    List<EnergyEntry> family = table.family(event.action());
    if (event.action().index() == Action.Index.NONE || family.isEmpty()) {
      throw unpriced(event, "it has no entry '" + event + "'");
    }
    throw unpriced(
        event,
        "it gives "
            + event.action().key()
            + " at "
            + indices(family)
            + " bits only, and "
            + event.action().key()
            + " is priced only at widths the table gives");
  }

  private Price width(Event event) throws EnergyException {
    EnergyEntry e = table.entry(event.action(), event.index());
    if (e != null) {
      return new Price(scaled(e), e.key() + scaleNote(e));
    }
    List<EnergyEntry> family = table.family(event.action());
    EnergyEntry below = null;
    EnergyEntry above = null;
    for (EnergyEntry f : family) {
      if (f.index() < event.index()) {
        below = f;
      } else if (above == null) {
        above = f;
      }
    }
    if (below == null || above == null) {
      throw unpriced(
          event,
          family.isEmpty()
              ? "it has no " + event.action().key() + " entry"
              : "it gives "
                  + event.action().key()
                  + " at "
                  + indices(family)
                  + " bits, and widths are interpolated only between two of them");
    }
    double a = scaled(below);
    double b = scaled(above);
    double t = (double) (event.index() - below.index()) / (above.index() - below.index());
    return new Price(
        a + t * (b - a),
        "linear in width between "
            + below.key()
            + scaleNote(below)
            + " and "
            + above.key()
            + scaleNote(above));
  }

  private Price size(Event event) throws EnergyException {
    EnergyEntry e = table.entry(event.action(), event.index());
    if (e != null) {
      return new Price(scaled(e), e.key() + scaleNote(e));
    }
    List<EnergyEntry> family = table.family(event.action());
    if (family.size() < 2) {
      throw unpriced(
          event,
          "sizes are interpolated between two "
              + event.action().key()
              + " entries, and it has "
              + family.size());
    }
    int k = 0;
    while (k < family.size() - 2 && family.get(k + 1).index() < event.index()) {
      k++;
    }
    EnergyEntry lo = family.get(k);
    EnergyEntry hi = family.get(k + 1);
    double x = StrictMath.log(event.index());
    double x0 = StrictMath.log(lo.index());
    double x1 = StrictMath.log(hi.index());
    double y0 = StrictMath.log(scaled(lo));
    double y1 = StrictMath.log(scaled(hi));
    // StrictMath, not Math: the same figures on every platform, so saved reports compare exactly.
    double y = y0 + (x - x0) * (y1 - y0) / (x1 - x0);
    boolean inside = event.index() > lo.index() && event.index() < hi.index();
    return new Price(
        StrictMath.exp(y),
        (inside ? "log-log interpolation between " : "log-log extrapolation from ")
            + lo.key()
            + scaleNote(lo)
            + " and "
            + hi.key()
            + scaleNote(hi));
  }

  private String scaleNote(EnergyEntry e) throws EnergyException {
    double f = factor(e);
    if (f == 1) {
      return "";
    }
    String factor =
        new BigDecimal(f).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    return " x " + factor + " (" + e.nodeNm() + " to " + nodeNm + " nm)";
  }

  private EnergyException unpriced(Event event, String why) {
    return new EnergyException(
        "energy table '" + table.name() + "' cannot price " + event + ": " + why);
  }

  private static String indices(List<EnergyEntry> family) {
    List<String> out = new ArrayList<>();
    for (EnergyEntry e : family) {
      out.add(Long.toString(e.index()));
    }
    return String.join(", ", out);
  }
}
