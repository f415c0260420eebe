package org.signum.sim.io;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.signum.isa.MemorySpace;

/**
 * A {@code --load} or {@code --dump} spec: {@code MEM:ADDR=FILE} or {@code MEM:ADDR:LEN=FILE},
 * where {@code MEM} is {@code wmem}, {@code amem}, {@code tmem} or {@code dram}, and {@code ADDR}
 * and {@code LEN} are decimal or {@code 0x} hexadecimal byte counts. The file name is everything
 * after the first {@code =}.
 *
 * @param memory the memory
 * @param address the first byte
 * @param length the byte count when given
 * @param file the data file
 */
public record MemorySpec(MemorySpace memory, int address, OptionalInt length, Path file) {

  private static final String FORM = "expected MEM:ADDR=FILE or MEM:ADDR:LEN=FILE";

  /** Parses a spec; the exception's message quotes it and says what was expected. */
  public static MemorySpec parse(String spec) throws DataFileException {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      throw error(spec, "no '=FILE'; " + FORM);
    }
    String file = spec.substring(eq + 1);
    if (file.isEmpty()) {
      throw error(spec, "the file name after '=' is empty");
    }
    String[] parts = spec.substring(0, eq).split(":", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw error(spec, FORM);
    }
    MemorySpace memory = MemorySpace.ofName(parts[0].strip());
    if (memory == null) {
      throw error(spec, "unknown memory '" + parts[0] + "'; expected wmem, amem, tmem or dram");
    }
    int address = number(spec, "address", parts[1]);
    OptionalInt length =
        parts.length == 3 ? OptionalInt.of(number(spec, "length", parts[2])) : OptionalInt.empty();
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw error(spec, "'" + file + "' is not a valid file name: " + e.getReason());
    }
    return new MemorySpec(memory, address, length, path);
  }

  private static int number(String spec, String what, String text) throws DataFileException {
    String t = text.strip().replace("_", "");
    long v;
    try {
      if (t.startsWith("0x") || t.startsWith("0X")) {
        if (t.length() == 2 || t.length() > 2 + 8) {
          throw new NumberFormatException();
        }
        v = Long.parseLong(t.substring(2), 16);
      } else {
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(Character::isDigit)) {
          throw new NumberFormatException();
        }
        v = Long.parseLong(t);
      }
    } catch (NumberFormatException e) {
      throw error(
          spec, "the " + what + " '" + text + "' is not a decimal or 0x hexadecimal byte count");
    }
    if (v > Integer.MAX_VALUE) {
      throw error(spec, "the " + what + " " + v + " is larger than " + Integer.MAX_VALUE);
    }
    return (int) v;
  }

  private static DataFileException error(String spec, String message) {
    return new DataFileException("bad memory spec '" + spec + "': " + message);
  }

  @Override
  public String toString() {
    return memory.assemblyName()
        + ":"
        + address
        + (length.isPresent() ? ":" + length.getAsInt() : "")
        + "="
        + file;
  }
}
