package org.signum.sim;

/**
 * Opcode numbers as compile-time constants, so the dispatch switch compiles to one dense table
 * jump. {@code OpTest} checks every constant against {@link org.signum.isa.Opcode}.
 */
final class Op {
  /** The decoded form of a word that must trap as an illegal instruction when executed. */
  static final int ILLEGAL = 0x00;

  static final int NOP = 0x01;
  static final int HALT = 0x02;
  static final int DWAIT = 0x03;
  static final int LI = 0x08;
  static final int ADD = 0x09;
  static final int SUB = 0x0A;
  static final int AND = 0x0B;
  static final int OR = 0x0C;
  static final int XOR = 0x0D;
  static final int SLL = 0x0E;
  static final int SRL = 0x0F;
  static final int SRA = 0x10;
  static final int MUL = 0x11;
  static final int SLT = 0x12;
  static final int SLTU = 0x13;
  static final int ADDI = 0x14;
  static final int ANDI = 0x15;
  static final int ORI = 0x16;
  static final int XORI = 0x17;
  static final int SLLI = 0x18;
  static final int SRLI = 0x19;
  static final int SRAI = 0x1A;
  static final int SLTI = 0x1B;
  static final int BEQ = 0x20;
  static final int BNE = 0x21;
  static final int BLT = 0x22;
  static final int BGE = 0x23;
  static final int BLTU = 0x24;
  static final int BGEU = 0x25;
  static final int J = 0x26;
  static final int JAL = 0x27;
  static final int JR = 0x28;
  static final int LOOP = 0x29;
  static final int LW = 0x30;
  static final int SW = 0x31;
  static final int VLD = 0x38;
  static final int VST = 0x39;
  static final int VXNOR = 0x40;
  static final int VAND = 0x41;
  static final int VOR = 0x42;
  static final int VXOR = 0x43;
  static final int VNOT = 0x44;
  static final int VMOV = 0x45;
  static final int VCLR = 0x46;
  static final int VMASK = 0x47;
  static final int POPACC = 0x50;
  static final int XPOPACC = 0x51;
  static final int APOPACC = 0x52;
  static final int ACLR = 0x58;
  static final int AADDI = 0x59;
  static final int ASHACC = 0x5A;
  static final int ASHSUB = 0x5B;
  static final int ASET = 0x5C;
  static final int AGET = 0x5D;
  static final int THR = 0x60;
  static final int THR_R = 0x61;
  static final int STA = 0x62;
  static final int DMA_LD = 0x70;
  static final int DMA_ST = 0x71;

  private Op() {}
}
