package org.signum.asm;

import java.util.ArrayList;
import java.util.List;
import org.signum.isa.MachineDescription;

/** Helpers shared by the assembler tests. */
final class Asm {
  private Asm() {}

  static AssemblyResult assemble(String source) {
    return assemble(MachineDescription.defaults(), source);
  }

  static AssemblyResult assemble(MachineDescription machine, String source) {
    return new Assembler(machine, List.of()).assembleSource(source, "t.s");
  }

  /** The first line of each diagnostic: {@code t.s:3:5: error: ...}. */
  static List<String> errors(AssemblyResult r) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      String s = d.render();
      int nl = s.indexOf('\n');
      out.add(nl < 0 ? s : s.substring(0, nl));
    }
    return out;
  }

  /** The object of a program that must assemble; fails with its diagnostics otherwise. */
  static ObjectFile ok(String source) {
    return ok(MachineDescription.defaults(), source);
  }

  static ObjectFile ok(MachineDescription machine, String source) {
    AssemblyResult r = assemble(machine, source);
    if (!r.ok()) {
      throw new AssertionError("expected no errors, got:\n" + String.join("\n", errors(r)));
    }
    return r.object();
  }
}
