package org.signum.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.signum.energy.EnergyException;
import org.signum.energy.EnergyModel;
import org.signum.energy.Event;
import org.signum.energy.Price;

/** Prices each distinct event once, remembering the order they were first asked for. */
final class Prices {
  private final EnergyModel model;
  private final Map<Event, Price> seen = new LinkedHashMap<>();

  Prices(EnergyModel model) {
    this.model = model;
  }

  Price of(Event e) throws EnergyException {
    Price p = seen.get(e);
    if (p == null) {
      p = model.price(e);
      seen.put(e, p);
    }
    return p;
  }

  List<Report.PriceUsed> used() {
    List<Report.PriceUsed> out = new ArrayList<>();
    seen.forEach(
        (e, p) ->
            out.add(
                new Report.PriceUsed(
                    e.toString(),
                    e.action().perBit() ? "bit" : "op",
                    p.picojoules(),
                    p.derivation())));
    return out;
  }
}
