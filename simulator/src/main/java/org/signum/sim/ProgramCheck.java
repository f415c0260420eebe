package org.signum.sim;

import java.util.List;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;

/** The checks an object file must pass before a {@link Simulator} accepts it. */
final class ProgramCheck {
  private ProgramCheck() {}

  static void check(MachineDescription machine, ObjectFile program) throws SimulatorException {
    if (program.machine() == null
        || program.code() == null
        || program.data() == null
        || program.lines() == null
        || program.files() == null) {
      throw new SimulatorException(
          "object file is incomplete: it lacks its machine parameters, code, data, line table or"
              + " file names");
    }
    List<String> mismatches = machine.mismatches(program.machine());
    if (!mismatches.isEmpty()) {
      throw new SimulatorException(
          "object file was built for another machine than '"
              + machine.name()
              + "':\n  "
              + String.join("\n  ", mismatches));
    }
    int imem = machine.imemWords();
    if (program.code().length > imem) {
      throw new SimulatorException(
          "program has "
              + program.code().length
              + " instructions; instruction memory holds "
              + imem
              + " (imem_words)");
    }
    if (program.entry() < 0 || program.entry() >= imem) {
      throw new SimulatorException(
          "entry point " + program.entry() + " is outside instruction memory [0, " + imem + ")");
    }
    for (ObjectFile.DataSection d : program.data()) {
      checkSection(machine, d);
    }
  }

  private static void checkSection(MachineDescription machine, ObjectFile.DataSection d)
      throws SimulatorException {
    if (d == null || d.memory() == null || d.bytes() == null) {
      throw new SimulatorException("object file has a data section without a memory or bytes");
    }
    int size = machine.memoryBytes(d.memory());
    long end = (long) d.address() + d.bytes().length;
    if (d.address() < 0 || end > size) {
      String name = d.memory().assemblyName();
      throw new SimulatorException(
          "data section of "
              + d.bytes().length
              + " bytes at "
              + name
              + " address "
              + d.address()
              + " lies outside "
              + name
              + (size == 0
                  ? ": " + Faults.absent(d.memory())
                  : ", which holds " + size + " bytes"));
    }
  }
}
