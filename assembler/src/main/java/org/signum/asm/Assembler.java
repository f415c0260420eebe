package org.signum.asm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.signum.isa.MachineDescription;

/**
 * The Signum assembler: source text in, {@link ObjectFile} or diagnostics out. The language is
 * described in {@code docs/assembly.md}. An instance holds only its configuration, so it can be
 * reused and shared; every call starts from scratch.
 *
 * <p>Bad input never throws: unreadable files, syntax errors, undefined symbols, out-of-range
 * values and runaway macros all end in diagnostics.
 */
public final class Assembler {
  private final MachineDescription machine;
  private final List<Path> includeDirs;

  /**
   * @param machine the machine the program is built for: register counts, memory sizes and the
   *     predefined constants come from it
   * @param includeDirs directories searched by {@code .include} after the including file's own
   */
  public Assembler(MachineDescription machine, List<Path> includeDirs) {
    this.machine = machine;
    this.includeDirs = List.copyOf(includeDirs);
  }

  /** Assembles the file at {@code file}, read as UTF-8. */
  public AssemblyResult assemble(Path file) {
    String path = file.toString();
    String text;
    try {
      text = SourceReader.read(file);
    } catch (IOException e) {
      Diagnostics d = new Diagnostics();
      d.fileError(path, "cannot read " + path + ": " + SourceReader.describe(e));
      return new AssemblyResult(null, d.sorted());
    }
    return new Assembly(machine, includeDirs)
        .run(new SourceFile(path, SourceReader.realPath(file), text));
  }

  /**
   * Assembles {@code text} as if read from {@code fileName}: diagnostics and the line table name
   * that file, and {@code .include} looks in its directory first.
   */
  public AssemblyResult assembleSource(String text, String fileName) {
    return new Assembly(machine, includeDirs)
        .run(new SourceFile(fileName, SourceReader.realPath(fileName), text));
  }
}
