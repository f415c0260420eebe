package org.signum.asm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.signum.asm.ObjectFile.SymbolKind;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;

/**
 * The constants of the object-file layout shared by {@link ObjectFileWriter} and {@link
 * ObjectFileReader}; {@code docs/object-format.md} is their prose form. The numeric codes for
 * memories and symbol kinds are file-format values, deliberately independent of enum order and of
 * the instruction encoding's {@code mem} field (which has no code for DRAM).
 */
final class ObjectFileFormat {
  /** The 0x7f and the newline catch a file mangled as text. A string, so that it is immutable. */
  private static final String MAGIC = "\u007fSGNOBJ\n";

  static final int VERSION = 1;
  static final int HEADER_BYTES = 16;
  static final int TRAILER_BYTES = 4;
  static final int CHUNK_HEADER_BYTES = 8;
  static final int OFFSET_VERSION = 8;
  static final int OFFSET_LENGTH = 12;

  static final String STRS = "STRS";
  static final String MACH = "MACH";
  static final String CODE = "CODE";
  static final String LINE = "LINE";
  static final String DATA = "DATA";
  static final String SYMB = "SYMB";

  /** The chunks of a version-1 file, each required exactly once, in the order the writer emits. */
  static final List<String> CHUNKS = List.of(STRS, MACH, CODE, LINE, DATA, SYMB);

  /** Index = file code. */
  private static final List<MemorySpace> MEMORY_CODES =
      List.of(MemorySpace.WMEM, MemorySpace.AMEM, MemorySpace.TMEM, MemorySpace.DRAM);

  /** Index = file code. */
  private static final List<SymbolKind> SYMBOL_KIND_CODES =
      List.of(
          SymbolKind.CODE,
          SymbolKind.WMEM,
          SymbolKind.AMEM,
          SymbolKind.TMEM,
          SymbolKind.DRAM,
          SymbolKind.CONSTANT);

  private ObjectFileFormat() {}

  /** The eight magic bytes, a fresh copy. */
  static byte[] magic() {
    return MAGIC.getBytes(StandardCharsets.ISO_8859_1);
  }

  static int memoryCode(MemorySpace m) {
    return MEMORY_CODES.indexOf(m);
  }

  /** The memory with file code {@code code}, or null. */
  static MemorySpace memoryOfCode(long code) {
    return code >= 0 && code < MEMORY_CODES.size() ? MEMORY_CODES.get((int) code) : null;
  }

  static String memoryCodesText() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < MEMORY_CODES.size(); i++) {
      s.append(i == 0 ? "" : ", ").append(i).append(' ').append(MEMORY_CODES.get(i).assemblyName());
    }
    return s.toString();
  }

  static int symbolKindCode(SymbolKind k) {
    return SYMBOL_KIND_CODES.indexOf(k);
  }

  /** The symbol kind with file code {@code code}, or null. */
  static SymbolKind symbolKindOfCode(long code) {
    return code >= 0 && code < SYMBOL_KIND_CODES.size() ? SYMBOL_KIND_CODES.get((int) code) : null;
  }

  static int symbolKindCount() {
    return SYMBOL_KIND_CODES.size();
  }

  /** The machine parameter holding the size of {@code m} in bytes. */
  static MachineParameter sizeParameter(MemorySpace m) {
    return switch (m) {
      case WMEM -> MachineParameter.WMEM_BYTES;
      case AMEM -> MachineParameter.AMEM_BYTES;
      case TMEM -> MachineParameter.TMEM_BYTES;
      case DRAM -> MachineParameter.DRAM_BYTES;
    };
  }

  /** The memory a symbol of kind {@code k} lives in, or null for code and constants. */
  static MemorySpace memoryOf(SymbolKind k) {
    return switch (k) {
      case WMEM -> MemorySpace.WMEM;
      case AMEM -> MemorySpace.AMEM;
      case TMEM -> MemorySpace.TMEM;
      case DRAM -> MemorySpace.DRAM;
      case CODE, CONSTANT -> null;
    };
  }

  /**
   * A chunk whose type starts with a lower-case letter may be skipped by a reader that lacks it.
   */
  static boolean isOptional(String type) {
    return Character.isLowerCase(type.charAt(0));
  }
}
