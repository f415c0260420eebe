package org.signum.compiler.codegen;

import java.util.List;

/** A compiled layer group: its code emitter and its data. */
interface Stage {
  List<String> layers();

  void code(Asm a);

  void data(Sections s);
}
