/**
 * The Signum instruction set, defined once as data ({@link org.signum.isa.Opcode}, {@link
 * org.signum.isa.Field}, {@link org.signum.isa.Pseudo}), its 64-bit encoding ({@link
 * org.signum.isa.Instruction}), the machine description ({@link org.signum.isa.MachineDescription})
 * and the generated references. Knows nothing of the assembler, simulator or compiler.
 */
package org.signum.isa;
