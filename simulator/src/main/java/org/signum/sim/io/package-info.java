/**
 * Moving bytes between files and the simulator's memories: raw and NumPy {@code .npy} data files,
 * and the {@code MEM:ADDR[:LEN]=FILE} specs of the command line's {@code --load} and {@code
 * --dump}.
 */
package org.signum.sim.io;
