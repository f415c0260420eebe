package org.signum.sim;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes an execution trace as JSON Lines: one object per completed instruction, in the schema of
 * {@code docs/simulator.md}:
 *
 * <pre>
 * {"step":3,"pc":3,"insn":"vld v1, wmem[r6]+","src":"dot.s:9","writes":{"v1":"00ff...","r6":32},
 *  "mem":[{"mem":"wmem","addr":0,"bytes":32,"rw":"r"}]}
 * </pre>
 *
 * <p>A write that fails is remembered rather than thrown, so a run is never cut short by its trace;
 * {@link #error()} reports it, and nothing more is written after it.
 */
public final class TraceWriter {
  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private final StringBuilder mem = new StringBuilder(128);
  private boolean firstWrite;
  private IOException error;

  public TraceWriter(Writer out) {
    this.out = out;
  }

  /** The first failure of the underlying writer, or null when every write succeeded. */
  public IOException error() {
    return error;
  }

  /** Flushes the underlying writer. */
  public void flush() {
    if (error == null) {
      try {
        out.flush();
      } catch (IOException e) {
        error = e;
      }
    }
  }

  void begin(long step, int pc, String insn, String src) {
    line.setLength(0);
    mem.setLength(0);
    line.append("{\"step\":").append(step).append(",\"pc\":").append(pc).append(",\"insn\":");
    string(line, insn);
    line.append(",\"src\":");
    string(line, src);
    line.append(",\"writes\":{");
    firstWrite = true;
  }

  void write(String register, long value) {
    key(register).append(value);
  }

  void writeVector(String register, long[] words, int offset, int count) {
    key(register).append('"');
    hex(line, words, offset, count);
    line.append('"');
  }

  void access(String memory, long address, long bytes, boolean write) {
    mem.append(mem.length() == 0 ? "" : ",").append("{\"mem\":");
    string(mem, memory);
    mem.append(",\"addr\":").append(address).append(",\"bytes\":").append(bytes);
    mem.append(",\"rw\":\"").append(write ? 'w' : 'r').append("\"}");
  }

  void end() {
    line.append("},\"mem\":[").append(mem).append("]}\n");
    if (error == null) {
      try {
        out.append(line);
      } catch (IOException e) {
        error = e;
      }
    }
  }

  private StringBuilder key(String register) {
    if (!firstWrite) {
      line.append(',');
    }
    firstWrite = false;
    string(line, register);
    return line.append(':');
  }

  /**
   * A row as hexadecimal, {@code count * 16} digits, most significant word first: the string spells
   * one number whose bit {@code i} is element {@code i} of the row.
   */
  public static String vectorHex(long[] words) {
    StringBuilder s = new StringBuilder(words.length * 16);
    hex(s, words, 0, words.length);
    return s.toString();
  }

  private static void hex(StringBuilder s, long[] words, int offset, int count) {
    for (int k = offset + count - 1; k >= offset; k--) {
      String h = Long.toHexString(words[k]);
      for (int pad = h.length(); pad < 16; pad++) {
        s.append('0');
      }
      s.append(h);
    }
  }

  /**
   * Appends {@code text} as a JSON string, or {@code null}; public so that the command line's other
   * JSON outputs escape exactly as the trace does.
   */
  public static void string(StringBuilder s, String text) {
    if (text == null) {
      s.append("null");
      return;
    }
    s.append('"');
    for (int k = 0; k < text.length(); k++) {
      char c = text.charAt(k);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }
}
