package org.signum.compiler.codegen;

/** Data directives by memory, written after the code. */
final class Sections {
  final Asm wmem = new Asm();
  final Asm tmem = new Asm();
  final Asm amem = new Asm();
  final Asm dram = new Asm();
}
