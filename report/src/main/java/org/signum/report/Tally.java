package org.signum.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.signum.energy.Action;
import org.signum.sim.StallCause;

/** Running sums for one scope of a report: the whole run or one layer. */
final class Tally {
  double instructions;
  double cycles;
  double binaryMacs;
  double popcountBusy;
  double energy;
  final Map<StallCause, Double> stalls = new EnumMap<>(StallCause.class);
  final Map<EventClass, Double> byClass = new EnumMap<>(EventClass.class);
  final Map<Level, Double> byLevel = new EnumMap<>(Level.class);
  final Map<Role, Double> byRole = new EnumMap<>(Role.class);
  final Map<Level, Double> bitsRead = new EnumMap<>(Level.class);
  final Map<Level, Double> bitsWritten = new EnumMap<>(Level.class);

  Tally() {
    for (StallCause c : StallCause.values()) {
      stalls.put(c, 0.0);
    }
    for (EventClass c : EventClass.values()) {
      byClass.put(c, 0.0);
    }
    for (Level l : Level.values()) {
      byLevel.put(l, 0.0);
      bitsRead.put(l, 0.0);
      bitsWritten.put(l, 0.0);
    }
    for (Role r : Role.values()) {
      byRole.put(r, 0.0);
    }
  }

  /** Adds {@code units} of {@code charge}'s event at {@code picojoules} each. */
  void charge(Charge charge, double units, double picojoules) {
    double e = units * picojoules;
    energy += e;
    byClass.merge(charge.eventClass(), e, Double::sum);
    byRole.merge(charge.role(), e, Double::sum);
    if (charge.level() != null) {
      byLevel.merge(charge.level(), e, Double::sum);
      Action a = charge.event().action();
      boolean write = a == Action.SRAM_WRITE || a == Action.DRAM_WRITE;
      (write ? bitsWritten : bitsRead).merge(charge.level(), units, Double::sum);
    }
  }

  static <K extends Enum<K>> Map<String, Double> keyed(
      Map<K, Double> m, Function<K, String> key, double divisor) {
    Map<String, Double> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(key.apply(k), v / divisor));
    return out;
  }
}
