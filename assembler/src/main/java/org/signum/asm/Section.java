package org.signum.asm;

import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/** The sections a program places code and data in, each with its own location counter. */
enum Section {
  TEXT("text", null, MachineParameter.IMEM_WORDS, SymbolKind.CODE),
  WMEM("wmem", MemorySpace.WMEM, MachineParameter.WMEM_BYTES, SymbolKind.WMEM),
  AMEM("amem", MemorySpace.AMEM, MachineParameter.AMEM_BYTES, SymbolKind.AMEM),
  TMEM("tmem", MemorySpace.TMEM, MachineParameter.TMEM_BYTES, SymbolKind.TMEM),
  DRAM("dram", MemorySpace.DRAM, MachineParameter.DRAM_BYTES, SymbolKind.DRAM);

  private final String sectionName;
  private final MemorySpace memory;
  private final MachineParameter size;
  private final SymbolKind symbolKind;

  Section(String sectionName, MemorySpace memory, MachineParameter size, SymbolKind symbolKind) {
    this.sectionName = sectionName;
    this.memory = memory;
    this.size = size;
    this.symbolKind = symbolKind;
  }

  String sectionName() {
    return sectionName;
  }

  /** The memory a data section fills; null for text. */
  MemorySpace memory() {
    return memory;
  }

  /** The machine parameter bounding the section: instructions for text, bytes for data. */
  MachineParameter sizeParameter() {
    return size;
  }

  SymbolKind symbolKind() {
    return symbolKind;
  }

  long capacity(MachineDescription machine) {
    return machine.get(size);
  }

  boolean isText() {
    return this == TEXT;
  }

  /** The section named {@code name} in {@code .section}, or null. */
  static Section byName(String name) {
    for (Section s : values()) {
      if (s.sectionName.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
