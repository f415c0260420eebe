package org.signum.sim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.signum.asm.ObjectFile;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;

/**
 * Runs an object file bit-exactly on one machine. The program is decoded once at construction;
 * state lives in primitive arrays; {@link #run(long)} allocates nothing per instruction. Every
 * register and memory byte starts at zero, then the object file's data sections are loaded and the
 * pc set to its entry point.
 *
 * <p>Deterministic: the same machine, program and inputs always give the same state, trap and
 * counters. Not thread-safe; one simulator is one machine.
 */
public final class Simulator {
  private static final String WORD_LABEL = "[A-Za-z_.$][A-Za-z0-9_.$]*";

  private final MachineDescription machine;
  private final ObjectFile program;
  private final Core core;
  private final Faults faults;

  /** Set once the machine halted or trapped; later runs return it again without executing. */
  private RunResult finished;

  /** The cycle model, once {@link #enableTiming()} turned it on; null while it is off. */
  private Timer timer;

  /**
   * Loads {@code program} onto {@code machine}.
   *
   * @throws SimulatorException if the program was built for other architectural parameters (the
   *     message lists each difference), does not fit instruction memory, has an entry point outside
   *     it, is incomplete, or has a data section outside its memory
   */
  public Simulator(MachineDescription machine, ObjectFile program) throws SimulatorException {
    this.machine = Objects.requireNonNull(machine, "machine");
    this.program = Objects.requireNonNull(program, "program");
    ProgramCheck.check(machine, program);
    DecodedProgram decoded = Decoder.decode(machine, program.code(), labels(program));
    try {
      this.core = new Core(machine, decoded);
    } catch (OutOfMemoryError e) {
      throw new SimulatorException(
          "not enough memory to simulate machine '" + machine.name() + "': " + sizes(machine));
    }
    this.faults = new Faults(core);
    for (ObjectFile.DataSection d : program.data()) {
      Bytes.write(core.mem[d.memory().ordinal()], d.address(), d.bytes());
    }
    core.pc = program.entry();
  }

  private static String sizes(MachineDescription m) {
    StringBuilder s = new StringBuilder();
    for (MemorySpace space : MemorySpace.values()) {
      s.append(s.length() == 0 ? "" : ", ");
      s.append(space.assemblyName()).append(' ').append(m.memoryBytes(space)).append(" bytes");
    }
    return s.toString();
  }

  /**
   * Names for branch targets in disassembly: the first identifier-like code label at each index.
   */
  private static IntFunction<String> labels(ObjectFile program) {
    Map<Integer, String> names = new HashMap<>();
    List<ObjectFile.Symbol> symbols = program.symbols() == null ? List.of() : program.symbols();
    for (ObjectFile.Symbol s : symbols) {
      if (s != null
          && s.kind() == ObjectFile.SymbolKind.CODE
          && s.name() != null
          && s.name().matches(WORD_LABEL)
          && s.value() >= 0
          && s.value() <= Integer.MAX_VALUE) {
        names.putIfAbsent((int) s.value(), s.name());
      }
    }
    return names::get;
  }

  /**
   * Starts the program again from its entry point: the pc, every register, accumulator and vector
   * register, outstanding DMA transfers and the halted or trapped state are reset as at load.
   * Memories keep their current contents and the counters (and the cycle model, when on) keep
   * counting, so a host can run the same program on new inputs without loading it again.
   */
  public void restart() {
    java.util.Arrays.fill(core.r, 0);
    java.util.Arrays.fill(core.acc, 0);
    java.util.Arrays.fill(core.v, 0);
    core.dma.clear();
    core.pc = program.entry();
    finished = null;
  }

  /**
   * Turns the cycle model on for every later run, traced or not: from now on each completed
   * instruction is also timed ({@code docs/cycle-model.md}), and {@link #timing()} reports it. The
   * untimed loop is chosen once per run, so a simulator without timing pays nothing for it.
   *
   * @throws IllegalStateException if an instruction has already run, so the timing would miss it
   */
  public void enableTiming() {
    if (core.steps != 0 || core.trappedFetches != 0) {
      throw new IllegalStateException(
          "enable timing before the first run: " + core.steps + " instructions ran untimed");
    }
    if (timer == null) {
      timer = new Timer(core);
    }
  }

  /** Whether {@link #enableTiming()} has turned the cycle model on. */
  public boolean timingEnabled() {
    return timer != null;
  }

  /**
   * A snapshot of the cycle model over every run since {@link #enableTiming()}, restarts included.
   *
   * @throws IllegalStateException if timing was never enabled
   */
  public Timing timing() {
    if (timer == null) {
      throw new IllegalStateException("timing is off: call enableTiming() before the first run");
    }
    return timer.snapshot();
  }

  /** Copies {@code bytes} into memory {@code m} at byte {@code address}, as a host would. */
  public void writeMemory(MemorySpace m, int address, byte[] bytes) throws SimulatorException {
    checkRange("write", m, address, bytes.length);
    Bytes.write(core.mem[m.ordinal()], address, bytes);
  }

  /** A copy of {@code length} bytes of memory {@code m} from byte {@code address}. */
  public byte[] readMemory(MemorySpace m, int address, int length) throws SimulatorException {
    checkRange("read", m, address, length);
    return Bytes.read(core.mem[m.ordinal()], address, length);
  }

  /** Size of memory {@code m} on this machine, in bytes; 0 when it has none. */
  public int memorySize(MemorySpace m) {
    return core.memBytes[m.ordinal()];
  }

  private void checkRange(String verb, MemorySpace m, int address, int length)
      throws SimulatorException {
    int size = core.memBytes[m.ordinal()];
    String what =
        "cannot " + verb + " " + length + " bytes at " + m.assemblyName() + " address " + address;
    if (size == 0) {
      throw new SimulatorException(what + ": " + Faults.absent(m));
    }
    if (length < 0) {
      throw new SimulatorException(what + ": the length is negative");
    }
    if (address < 0 || (long) address + length > size) {
      throw new SimulatorException(
          what + ": " + m.assemblyName() + " holds bytes 0 to " + (size - 1));
    }
  }

  /**
   * Runs at most {@code maxSteps} instructions with no tracing. Once the machine has halted or
   * trapped, every further run returns the same stop and trap without executing anything.
   *
   * @throws IllegalArgumentException if {@code maxSteps} is negative
   */
  public RunResult run(long maxSteps) {
    return finish(maxSteps, null);
  }

  /** As {@link #run(long)}, writing one trace line per completed instruction to {@code trace}. */
  public RunResult run(long maxSteps, TraceWriter trace) {
    return finish(maxSteps, Objects.requireNonNull(trace, "trace"));
  }

  private RunResult finish(long maxSteps, TraceWriter trace) {
    if (maxSteps < 0) {
      throw new IllegalArgumentException("step limit must not be negative, got " + maxSteps);
    }
    if (finished != null) {
      return new RunResult(finished.stop(), 0, finished.trap());
    }
    long before = core.steps;
    int stop;
    if (trace != null) {
      stop = new Tracer(core, this::source, trace, timer).execute(maxSteps);
    } else if (timer != null) {
      stop = timer.execute(maxSteps);
    } else {
      stop = core.execute(maxSteps);
    }
    long steps = core.steps - before;
    switch (stop) {
      case Core.STOP_HALT -> finished = new RunResult(RunResult.Stop.HALTED, steps, null);
      case Core.STOP_TRAP -> {
        Faults.Fault f = faults.diagnose(core.pc);
        finished = new RunResult(RunResult.Stop.TRAPPED, steps, trap(f.kind(), f.detail()));
      }
      default -> {
        return new RunResult(
            RunResult.Stop.STEP_LIMIT,
            steps,
            trap(
                TrapKind.STEP_LIMIT,
                "this run's limit of "
                    + maxSteps
                    + (maxSteps == 1 ? " step" : " steps")
                    + " ran out before a halt"));
      }
    }
    return finished;
  }

  private Trap trap(TrapKind kind, String detail) {
    int pc = core.pc;
    return new Trap(kind, pc, core.program.text(pc), source(pc), core.steps, detail);
  }

  /** {@code file:line} of instruction {@code pc} from the line table, or null. */
  private String source(int pc) {
    List<ObjectFile.LineEntry> lines = program.lines();
    List<String> files = program.files();
    if (lines == null || files == null || pc < 0 || pc >= lines.size() || lines.get(pc) == null) {
      return null;
    }
    ObjectFile.LineEntry e = lines.get(pc);
    if (e.file() < 0 || e.file() >= files.size() || files.get(e.file()) == null) {
      return null;
    }
    return files.get(e.file()) + ":" + e.line();
  }

  /** Scalar register {@code r<i>}; {@code r0} is always 0. */
  public int scalar(int i) {
    Objects.checkIndex(i, machine.scalarRegisters());
    return core.r[i];
  }

  /** Accumulator {@code a<i>} as a two's complement value of the accumulator width. */
  public long accumulator(int i) {
    Objects.checkIndex(i, machine.accumulators());
    return core.acc[i];
  }

  /** A copy of vector register {@code v<i>}: word {@code k} holds elements {@code 64k..64k+63}. */
  public long[] vector(int i) {
    Objects.checkIndex(i, machine.vectorRegisters());
    long[] words = new long[core.vectorWords];
    System.arraycopy(core.v, i * core.vectorWords, words, 0, core.vectorWords);
    return words;
  }

  /** The instruction index that runs next (for a halted machine, the {@code halt}). */
  public int pc() {
    return core.pc;
  }

  /** A snapshot of the event counters. */
  public Counters counters() {
    return Counters.of(core);
  }

  public MachineDescription machine() {
    return machine;
  }

  public ObjectFile program() {
    return program;
  }
}
