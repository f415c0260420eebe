package org.signum.report;

import org.signum.energy.Event;

/**
 * One priced event of one instruction execution: what it is for the energy table, how many units
 * (operations, or bits for memory actions) one execution causes, and how reports classify it.
 *
 * @param eventClass the report class it counts under
 * @param level the storage level it reads or writes, or null for arithmetic and logic
 * @param event what the energy table prices
 * @param role how the baselines treat it
 * @param units operations, or bits moved, per execution
 */
record Charge(EventClass eventClass, Level level, Event event, Role role, long units) {}
