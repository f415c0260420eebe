package org.signum.energy;

/**
 * What one unit of an event costs under a model, and how the figure was reached.
 *
 * @param picojoules the energy of one operation, or of one bit for memory actions
 * @param derivation the entries used and what was done with them, for reports
 */
public record Price(double picojoules, String derivation) {}
