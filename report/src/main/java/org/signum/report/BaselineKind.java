package org.signum.report;

import java.util.Locale;
import org.signum.energy.Action;
import org.signum.energy.Event;

/**
 * The conventional arithmetic a report compares the binary run with. An 8-bit network accumulates
 * its 8-bit products in 32 bits, as integer inference engines do, so its add is a 32-bit one.
 */
enum BaselineKind {
  FP32(new Event(Action.FLOAT_MUL, 32), new Event(Action.FLOAT_ADD, 32), 32),
  INT32(new Event(Action.INT_MUL, 32), new Event(Action.INT_ADD, 32), 32),
  INT8(new Event(Action.INT_MUL, 8), new Event(Action.INT_ADD, 32), 8);

  private final Event multiply;
  private final Event add;
  private final int dataBits;

  BaselineKind(Event multiply, Event add, int dataBits) {
    this.multiply = multiply;
    this.add = add;
    this.dataBits = dataBits;
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  Event multiply() {
    return multiply;
  }

  Event add() {
    return add;
  }

  int dataBits() {
    return dataBits;
  }
}
