/**
 * The bit-accurate simulator: loads an object file, decodes it once into primitive arrays, executes
 * it exactly as {@code docs/isa.md} defines, stops on traps with a located message, counts the
 * events the cycle and energy models price, and optionally writes a JSON Lines trace. See {@code
 * docs/simulator.md}.
 */
package org.signum.sim;
