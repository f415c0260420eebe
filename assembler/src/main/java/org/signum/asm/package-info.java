/**
 * The assembler ({@link org.signum.asm.Assembler}: ANTLR 4 grammar, two passes, diagnostics,
 * macros, includes), the object file ({@link org.signum.asm.ObjectFile}, its binary form in {@link
 * org.signum.asm.ObjectFileWriter} and {@link org.signum.asm.ObjectFileReader}) and the {@link
 * org.signum.asm.Disassembler}. Depends on the ISA only.
 */
package org.signum.asm;
