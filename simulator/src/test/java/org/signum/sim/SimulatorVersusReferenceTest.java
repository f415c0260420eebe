package org.signum.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.signum.isa.Field;
import org.signum.isa.InsnClass;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MachineParameter;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/**
 * Random programs run on the simulator and on {@link ReferenceMachine}, which must agree on how the
 * run ends and on every register, memory byte and event count afterwards. Operands are biased
 * toward the few registers the prologue fills with addresses and counts, so that memory operations
 * mostly hit, and the DMA, hazard, trap and wrap-around paths all occur.
 */
class SimulatorVersusReferenceTest {
  private static final long STEP_LIMIT = 2_000;
  private static final int RAW_REGISTER = 100;

  /** Prologue values for programs that keep their addresses valid: aligned offsets and lengths. */
  private static final List<Integer> TAME = List.of(0, 8, 16, 32, 64);

  /** Prologue values: mostly aligned addresses and lengths, a few that misalign or overrun. */
  private static final List<Integer> USEFUL =
      List.of(0, 0, 8, 8, 16, 16, 24, 32, 32, 64, 4, 1, -8, 128);

  /**
   * One generated instruction: the opcode and a raw choice for each field; raw != 0 is a raw word.
   */
  record Spec(Opcode op, int a, int b, int c, int d, int mem, boolean pi, int imm, long raw) {}

  /** A single instruction, or a counted loop of {@code count} around {@code body}. */
  record Block(Spec single, int counter, int count, List<Spec> body) {}

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void straightLinePrograms(
      @ForAll("machines") MachineDescription m,
      @ForAll("straightLine") List<Spec> body,
      @ForAll long dataSeed,
      @ForAll("runModes") int mode) {
    Program p = prologue(m, dataSeed);
    for (Spec s : body) {
      add(p, s, m);
    }
    check(m, p, mode);
  }

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void loopingPrograms(
      @ForAll("machines") MachineDescription m,
      @ForAll("looping") List<Block> blocks,
      @ForAll long dataSeed,
      @ForAll("runModes") int mode) {
    Program p = prologue(m, dataSeed);
    for (Block b : blocks) {
      if (b.single() != null) {
        add(p, b.single(), m);
        continue;
      }
      int counter = Math.min(b.counter(), m.scalarRegisters() - 1);
      p.add(Program.li(counter, b.count()));
      int top = p.here();
      for (Spec s : b.body()) {
        add(p, s, m);
      }
      p.add(Program.loop(counter, p.here(), top));
    }
    check(m, p, mode);
  }

  /**
   * Programs whose memory operands always lie inside their memory, aligned, and whose scalar
   * results never overwrite the prologue's addresses and lengths in r1..r7: they run long and
   * exercise the data paths, DMA and hazards rather than stopping at the first stray address.
   */
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void programsThatKeepTheirAddressesValid(
      @ForAll("machines") MachineDescription m,
      @ForAll("looping") List<Block> blocks,
      @ForAll long dataSeed,
      @ForAll("runModes") int mode) {
    Program p = prologue(m, dataSeed, TAME);
    for (Block b : blocks) {
      if (b.single() != null) {
        addTame(p, b.single(), m);
        continue;
      }
      int counter = m.scalarRegisters() > 8 ? 8 + b.counter() % (m.scalarRegisters() - 8) : 0;
      p.add(Program.li(counter, b.count()));
      int top = p.here();
      for (Spec s : b.body()) {
        addTame(p, s, m);
      }
      p.add(Program.loop(counter, p.here(), top));
    }
    check(m, p, mode);
  }

  private static Program prologue(MachineDescription m, long seed) {
    return prologue(m, seed, USEFUL);
  }

  /** Fills r1..r7 with values from {@code pool} and every memory with random bytes. */
  private static Program prologue(MachineDescription m, long seed, List<Integer> pool) {
    Random random = new Random(seed);
    Program p = new Program();
    for (int r = 1; r < Math.min(8, m.scalarRegisters()); r++) {
      p.add(Program.li(r, pool.get(random.nextInt(pool.size()))));
    }
    for (MemorySpace s : MemorySpace.values()) {
      byte[] bytes = new byte[m.memoryBytes(s)];
      random.nextBytes(bytes);
      if (bytes.length > 0) {
        p.data(s, 0, bytes);
      }
    }
    return p;
  }

  /**
   * A register number from a generated choice: below {@link #RAW_REGISTER} it is taken modulo the
   * machine's count of that kind, so it exists; from there on it is used as is and may not.
   */
  private static int register(int choice, int count) {
    return choice >= RAW_REGISTER ? choice - RAW_REGISTER : choice % count;
  }

  private static void add(Program p, Spec s, MachineDescription m) {
    if (s.raw() != 0) {
      p.word(s.raw());
      return;
    }
    int[] f = new int[5];
    int mem = 0;
    boolean pi = false;
    int imm = 0;
    for (Operand o : s.op().operands()) {
      switch (o.kind()) {
        case SCALAR_REGISTER, VECTOR_REGISTER, ACCUMULATOR -> {
          int choice =
              switch (o.field()) {
                case A -> s.a();
                case B -> s.b();
                case C -> s.c();
                default -> s.d();
              };
          f[o.field().ordinal()] = register(choice, m.registerCount(o.kind()));
        }
        case IMMEDIATE -> imm = o.max() == 31 ? Math.floorMod(s.imm(), 32) : s.imm();
        case TARGET -> imm = Math.floorMod(s.imm(), 13) - 6;
        case MEMORY, MEMORY_NO_INCREMENT -> {
          f[Field.B.ordinal()] = register(s.b(), m.scalarRegisters());
          mem = s.mem();
          pi = o.kind() == OperandKind.MEMORY && s.pi();
          imm = s.imm();
        }
      }
    }
    p.add(new Instruction(s.op(), f[1], f[2], f[3], f[4], mem, pi, imm));
  }

  /** Rewrites a spec so that its addresses are valid and it writes no register in r1..r7. */
  private static void addTame(Program p, Spec s, MachineDescription m) {
    if (s.raw() != 0 || s.op() == Opcode.JR) {
      return;
    }
    Opcode op = s.op();
    int a = s.a();
    boolean writesScalar =
        !op.operands().isEmpty()
            && op.operands().get(0).kind() == OperandKind.SCALAR_REGISTER
            && op.operands().get(0).name().equals("rd");
    if (writesScalar) {
      a = m.scalarRegisters() > 8 ? 8 + a % (m.scalarRegisters() - 8) : 0;
    }
    boolean memoryOperand = op.operands().stream().anyMatch(o -> o.kind().isMemory());
    if (!memoryOperand) {
      add(p, new Spec(op, a, s.b(), s.c(), s.d(), s.mem(), s.pi(), s.imm(), 0), m);
      return;
    }
    MemorySpace space = MemorySpace.ofCode(s.mem());
    int size =
        switch (op) {
          case VLD, VST -> m.vectorBytes();
          case DMA_LD, DMA_ST -> 64;
          default -> 4;
        };
    int align = Math.min(size, 8);
    // Few distinct addresses near the start, so that accesses and transfers overlap often.
    int slots = Math.max(1, Math.min(6, (m.memoryBytes(space) - size) / align + 1));
    int offset = Math.floorMod(s.imm(), slots) * align;
    // DMA: base r0 and the address registers r1..r7 hold aligned values from the prologue.
    add(p, new Spec(op, a, 0, s.c(), s.d(), s.mem(), false, offset, 0), m);
  }

  private static void check(MachineDescription m, Program p, int mode) {
    p.add(Program.op(Opcode.HALT));
    var object = p.build(m);
    ReferenceMachine ref = new ReferenceMachine(m, object);
    ReferenceMachine.Stop refStop = ref.run(STEP_LIMIT);

    Simulator sim;
    try {
      sim = new Simulator(m, object);
    } catch (SimulatorException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    RunResult last = runInParts(sim, mode);

    Supplier<String> where =
        () ->
            "reference: "
                + refStop
                + " "
                + ref.trap
                + " at pc "
                + ref.pc
                + "; simulator: "
                + (last.trap() == null ? "halted" : last.trap().message());
    assertEquals(refStop.name(), last.stop().name(), where);
    if (refStop == ReferenceMachine.Stop.TRAPPED) {
      assertEquals(ref.trap, last.trap().kind(), where);
    }
    assertEquals(ref.pc, sim.pc(), where);
    assertEquals(ref.steps, sim.counters().steps(), where);
    for (int i = 0; i < m.scalarRegisters(); i++) {
      assertEquals(ref.r[i], sim.scalar(i), "r" + i);
    }
    for (int i = 0; i < m.accumulators(); i++) {
      assertEquals(ref.a[i].longValueExact(), sim.accumulator(i), "a" + i);
    }
    for (int i = 0; i < m.vectorRegisters(); i++) {
      assertArrayEquals(ref.packed(i), sim.vector(i), "v" + i);
    }
    for (MemorySpace s : MemorySpace.values()) {
      if (m.memoryBytes(s) > 0) {
        try {
          assertArrayEquals(ref.mem[s.ordinal()], sim.readMemory(s, 0, m.memoryBytes(s)), s.name());
        } catch (SimulatorException e) {
          throw new AssertionError(e.getMessage(), e);
        }
      }
    }
    Counters c = sim.counters();
    for (Opcode op : Opcode.values()) {
      assertEquals(ref.executed[op.code()], c.executed(op), op.mnemonic());
    }
    for (MemorySpace s : MemorySpace.values()) {
      if (s.onChip()) {
        assertEquals(ref.dmaIn[s.ordinal()], c.dmaBytesIn(s), "DMA into " + s);
        assertEquals(ref.dmaOut[s.ordinal()], c.dmaBytesOut(s), "DMA out of " + s);
      }
    }
  }

  /**
   * Mode 0 runs in one go; mode 1 in slices of 7 steps, continuing after each step limit; mode 2
   * traced in one go.
   */
  private static RunResult runInParts(Simulator sim, int mode) {
    if (mode == 2) {
      return sim.run(STEP_LIMIT, new TraceWriter(new StringWriter()));
    }
    if (mode == 0) {
      return sim.run(STEP_LIMIT);
    }
    long left = STEP_LIMIT;
    RunResult r;
    do {
      r = sim.run(Math.min(7, left));
      left -= r.steps();
    } while (r.stop() == RunResult.Stop.STEP_LIMIT && left > 0);
    return r;
  }

  // Generators.

  @Provide
  Arbitrary<Integer> runModes() {
    return Arbitraries.integers().between(0, 2);
  }

  @Provide
  Arbitrary<MachineDescription> machines() {
    Arbitrary<Integer> vw = Arbitraries.of(64, 128, 256, 512);
    Arbitrary<Integer> aw = Arbitraries.of(8, 12, 16, 32);
    Arbitrary<Integer> scalars = Arbitraries.of(8, 32);
    Arbitrary<Integer> vectors = Arbitraries.of(4, 16);
    Arbitrary<Integer> accs = Arbitraries.of(2, 8);
    Arbitrary<Integer> small =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0)), Tuple.of(8, Arbitraries.of(128, 256)));
    Arbitrary<Integer> dram =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0)), Tuple.of(8, Arbitraries.of(256, 512)));
    Arbitrary<Integer> imem = Arbitraries.of(192, 4096);
    return Combinators.combine(vw, aw, scalars, vectors, accs, small, dram, imem)
        .as(
            (w, a, s, v, n, t, d, i) ->
                MachineDescription.defaults()
                    .named("random")
                    .with(MachineParameter.VECTOR_WIDTH, w)
                    .with(MachineParameter.ACCUMULATOR_WIDTH, a)
                    .with(MachineParameter.SCALAR_REGISTERS, s)
                    .with(MachineParameter.VECTOR_REGISTERS, v)
                    .with(MachineParameter.ACCUMULATORS, n)
                    .with(MachineParameter.WMEM_BYTES, 256)
                    .with(MachineParameter.AMEM_BYTES, 128)
                    .with(MachineParameter.TMEM_BYTES, t)
                    .with(MachineParameter.DRAM_BYTES, d)
                    .with(MachineParameter.IMEM_WORDS, i));
  }

  @Provide
  Arbitrary<List<Spec>> straightLine() {
    return specs(false).list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<List<Block>> looping() {
    Arbitrary<Block> single = specs(true).map(s -> new Block(s, 0, 0, null));
    Arbitrary<Block> loop =
        Combinators.combine(
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 5),
                specs(true).list().ofMinSize(1).ofMaxSize(6))
            .as((counter, count, body) -> new Block(null, counter, count, body));
    return Arbitraries.frequencyOf(Tuple.of(3, single), Tuple.of(1, loop))
        .list()
        .ofMinSize(1)
        .ofMaxSize(20);
  }

  private static Arbitrary<Spec> specs(boolean branches) {
    List<Tuple.Tuple2<Integer, Opcode>> weighted = new ArrayList<>();
    for (Opcode o : Opcode.values()) {
      if (o == Opcode.HALT || (!branches && o.insnClass() == InsnClass.BRANCH)) {
        continue;
      }
      int weight =
          switch (o.insnClass()) {
            case DMA -> 6;
            case VECTOR_MEMORY, THRESHOLD -> 3;
            case POPCOUNT, SCALAR_MEMORY -> 2;
            default -> 1;
          };
      weighted.add(Tuple.of(weight, o));
    }
    Arbitrary<Opcode> ops = Arbitraries.frequency(weighted);
    Arbitrary<Integer> reg =
        Arbitraries.frequencyOf(
            Tuple.of(40, Arbitraries.integers().between(0, 7)),
            Tuple.of(1, Arbitraries.integers().between(RAW_REGISTER, RAW_REGISTER + 31)));
    Arbitrary<Integer> imm =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.integers().between(0, 12).map(k -> k * 8)),
            Tuple.of(1, Arbitraries.integers().between(-20, 20)),
            Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 31, 32, 255)),
            Tuple.of(1, Arbitraries.integers()));
    Arbitrary<Long> raw =
        Arbitraries.frequencyOf(
            Tuple.of(60, Arbitraries.just(0L)),
            Tuple.of(1, Arbitraries.longs().filter(w -> w != 0)));
    Arbitrary<Integer> mem = Arbitraries.integers().between(0, 2);
    Arbitrary<Spec> fields =
        Combinators.combine(ops, reg, reg, reg, reg, mem, Arbitraries.of(true, false), imm)
            .as((o, a, b, c, d, m, pi, i) -> new Spec(o, a, b, c, d, m, pi, i, 0L));
    return Combinators.combine(fields, raw)
        .as((s, w) -> new Spec(s.op(), s.a(), s.b(), s.c(), s.d(), s.mem(), s.pi(), s.imm(), w));
  }
}
