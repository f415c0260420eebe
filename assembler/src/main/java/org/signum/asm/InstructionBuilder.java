package org.signum.asm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import org.signum.asm.Ast.Binary;
import org.signum.asm.Ast.BinaryOp;
import org.signum.asm.Ast.Expr;
import org.signum.isa.Field;
import org.signum.isa.Instruction;
import org.signum.isa.MachineDescription;
import org.signum.isa.MemorySpace;
import org.signum.isa.Opcode;
import org.signum.isa.Operand;
import org.signum.isa.OperandKind;

/**
 * Encodes one instruction from its operands, each checked against its {@link Operand} in the
 * instruction table: register kind and count, immediate range, branch distance, memory operand.
 */
final class InstructionBuilder {

  /**
   * One operand of the real instruction and the source that fills it.
   *
   * @param operand the table's operand
   * @param node the source operand
   * @param shownName the operand's name as the programmer wrote the instruction (a
   *     pseudo-instruction's own name for it)
   * @param fixedBy the pseudo-instruction whose expansion supplies this operand, or null
   */
  record Slot(Operand operand, Ast.Operand node, String shownName, String fixedBy) {}

  private final MachineDescription machine;
  private final Evaluator evaluator;
  private final Diagnostics diagnostics;

  InstructionBuilder(MachineDescription machine, Evaluator evaluator, Diagnostics diagnostics) {
    this.machine = machine;
    this.evaluator = evaluator;
    this.diagnostics = diagnostics;
  }

  /** Mutable fields of the word being built. */
  private static final class Fields {
    int a;
    int b;
    int c;
    int d;
    int mem;
    boolean postIncrement;
    int imm;

    void setRegister(Field f, int value) {
      switch (f) {
        case A -> a = value;
        case B -> b = value;
        case C -> c = value;
        case D -> d = value;
        default -> throw new IllegalStateException("not a register field: " + f);
      }
    }
  }

  /**
   * The encoded word, or empty after reporting every operand's error.
   *
   * @param shownMnemonic the mnemonic as written (a pseudo-instruction's own)
   * @param pc the instruction's index, for branch distances
   */
  OptionalLong build(
      Opcode op, String shownMnemonic, List<Slot> slots, long pc, Evaluator.Scope scope) {
    Fields f = new Fields();
    boolean ok = true;
    for (Slot slot : slots) {
      try {
        place(slot, shownMnemonic, f, pc, scope);
      } catch (EvalException e) {
        ok = false;
        if (e.kind() == EvalException.Kind.FAILURE) {
          diagnostics.error(e.where(), e.getMessage());
        }
      }
    }
    if (!ok) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        new Instruction(op, f.a, f.b, f.c, f.d, f.mem, f.postIncrement, f.imm).encode());
  }

  private void place(Slot slot, String mnemonic, Fields f, long pc, Evaluator.Scope scope)
      throws EvalException {
    Operand o = slot.operand();
    Ast.Operand node = slot.node();
    OperandKind kind = o.kind();
    switch (kind) {
      case SCALAR_REGISTER, VECTOR_REGISTER, ACCUMULATOR -> {
        String reg = registerName(node);
        if (reg == null || reg.charAt(0) != kind.registerPrefix().charAt(0)) {
          throw mismatch(slot, mnemonic);
        }
        f.setRegister(o.field(), registerIndex(reg, kind, node.where(), slot.fixedBy()));
      }
      case IMMEDIATE -> {
        long v = evaluator.eval(expression(slot, mnemonic), scope);
        if (v < o.min() || v > o.max()) {
          throw EvalException.failure(
              node.where(),
              "immediate '"
                  + slot.shownName()
                  + "' of "
                  + mnemonic
                  + " must be "
                  + o.rangeText()
                  + ", got "
                  + v);
        }
        f.imm = (int) v;
      }
      case TARGET -> {
        long target = evaluator.eval(expression(slot, mnemonic), scope);
        long distance = target - pc;
        boolean overflow = ((target ^ pc) & (target ^ distance)) < 0;
        // The machine adds imm to pc as a signed number, so a distance that only fits the field
        // unsigned would branch somewhere else than written.
        if (overflow || distance < Integer.MIN_VALUE || distance > Integer.MAX_VALUE) {
          throw EvalException.failure(
              node.where(),
              "branch target "
                  + target
                  + " of "
                  + mnemonic
                  + " is out of reach from instruction "
                  + pc
                  + ": the distance must be an integer"
                  + " in the range ["
                  + Integer.MIN_VALUE
                  + ", "
                  + Integer.MAX_VALUE
                  + "]");
        }
        f.imm = (int) distance;
      }
      case MEMORY, MEMORY_NO_INCREMENT -> memory(slot, mnemonic, f, scope);
      default -> throw new IllegalStateException("operand kind " + kind);
    }
  }

  private Expr expression(Slot slot, String mnemonic) throws EvalException {
    if (slot.node() instanceof Ast.ExprOperand e && registerName(e) == null) {
      return e.expr();
    }
    throw mismatch(slot, mnemonic);
  }

  private void memory(Slot slot, String mnemonic, Fields f, Evaluator.Scope scope)
      throws EvalException {
    Operand o = slot.operand();
    if (!(slot.node() instanceof Ast.MemoryOperand m)) {
      throw mismatch(slot, mnemonic);
    }
    MemorySpace space = MemorySpace.ofName(m.memory());
    if (space == MemorySpace.DRAM) {
      throw EvalException.failure(
          m.where(),
          "dram cannot be named in a memory operand: only DMA"
              + " reaches it, through a byte address in a scalar register");
    }
    if (space == null) {
      throw EvalException.failure(
          m.where(),
          "unknown memory '"
              + m.memory()
              + "' in a memory operand; expected wmem, amem or tmem"
              + Hints.didYouMean(m.memory(), List.of("wmem", "amem", "tmem")));
    }
    // The base register, if any, is the leftmost term of a chain of + and -.
    Deque<Binary> spine = new ArrayDeque<>();
    Expr e = m.address();
    while (e instanceof Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
      spine.push(b);
      e = b.left();
    }
    int base = 0;
    Expr offset = m.address();
    if (e instanceof Ast.Sym s && Evaluator.isRegisterName(s.name())) {
      if (s.name().charAt(0) != 'r') {
        throw EvalException.failure(
            s.where(),
            "the base register of a memory operand must be a"
                + " scalar register, got '"
                + s.name()
                + "'");
      }
      base = registerIndex(s.name(), OperandKind.SCALAR_REGISTER, s.where(), null);
      offset = new Ast.Num(0, s.where());
      while (!spine.isEmpty()) {
        Binary b = spine.pop();
        offset = new Binary(b.op(), offset, b.right(), b.where());
      }
    }
    long v = evaluator.eval(offset, scope);
    if (v < o.min() || v > o.max()) {
      throw EvalException.failure(
          m.where(),
          "the offset of the memory operand of "
              + mnemonic
              + " must be "
              + o.rangeText()
              + ", got "
              + v);
    }
    if (m.increment() != null) {
      if (o.kind() == OperandKind.MEMORY_NO_INCREMENT) {
        throw EvalException.failure(
            m.increment(), mnemonic + " does not allow post-increment: remove the '+' after ']'");
      }
      f.postIncrement = true;
    }
    f.b = base;
    f.mem = space.code();
    f.imm = (int) v;
  }

  /** The register an operand names, or null if it is not a bare register. */
  private static String registerName(Ast.Operand node) {
    if (node instanceof Ast.ExprOperand e
        && e.expr() instanceof Ast.Sym s
        && Evaluator.isRegisterName(s.name())) {
      return s.name();
    }
    return null;
  }

  private int registerIndex(String reg, OperandKind kind, Where where, String fixedBy)
      throws EvalException {
    int count = machine.registerCount(kind);
    String digits = reg.substring(1);
    // Nine digits cannot overflow an int, and anything longer is no register.
    long index = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (index >= count) {
      String prefix = kind.registerPrefix();
      throw EvalException.failure(
          where,
          "register "
              + reg
              + " does not exist: the machine has "
              + count
              + " "
              + kind.description()
              + "s ("
              + prefix
              + "0.."
              + prefix
              + (count - 1)
              + ")"
              + (fixedBy == null ? "" : "; pseudo-instruction " + fixedBy + " uses it"));
    }
    return (int) index;
  }

  private static EvalException mismatch(Slot slot, String mnemonic) {
    String description = slot.operand().kind().description();
    String article = "aeiou".indexOf(description.charAt(0)) >= 0 ? "an " : "a ";
    return EvalException.failure(
        slot.node().where(),
        "operand '"
            + slot.shownName()
            + "' of "
            + mnemonic
            + " must be "
            + article
            + description
            + ", got '"
            + Hints.abbreviate(slot.node().text())
            + "'");
  }
}
