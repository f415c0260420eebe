/**
 * Prices the simulator's counted events with energy tables. Knows nothing of how the events were
 * produced.
 */
package org.signum.energy;
