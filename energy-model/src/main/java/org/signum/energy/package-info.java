/**
 * Prices events with energy tables: {@link org.signum.energy.EnergyTable} (the data, every figure
 * with its unit, node, scaling and source), {@link org.signum.energy.TechnologyScaling} (factors by
 * node) and {@link org.signum.energy.EnergyModel} (one table at one node). Knows nothing of how the
 * events were produced: it sees only {@link org.signum.energy.Event}s. See {@code
 * docs/energy-model.md}.
 */
package org.signum.energy;
