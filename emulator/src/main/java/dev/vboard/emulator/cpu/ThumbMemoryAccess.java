package dev.vboard.emulator.cpu;

import java.util.function.IntUnaryOperator;

/**
 * Which bytes a Thumb-2 load or store accesses, computed from an instruction's encoding and the
 * register values before it runs (ARMv7-M ARM A5.2.4, A5.3.5, A5.3.7-A5.3.10, A7.7).
 *
 * <p>Used after Unicorn aborted a block at an access to unmapped space: the registers then hold
 * the state just before the faulting instruction, but the PC still points at the block start.
 * The faulting instruction is the first load/store of the block whose access covers the fault
 * address. Covers all single, dual, multiple, exclusive, literal and table-branch forms.
 */
public final class ThumbMemoryAccess {
  private ThumbMemoryAccess() { }

  /** An access of {@code length} bytes at {@code address} (unsigned 32-bit). */
  public record Range(long address, int length) {
    public boolean contains(long a) {
      return a >= address && a < address + length;
    }
  }

  /**
   * The access made by the instruction {@code hw1[, hw2]} at {@code pc}, or null when it does not
   * access memory. {@code reg} reads R0-R14 (R15 is derived from {@code pc}).
   */
  public static Range of(int hw1, int hw2, int pc, IntUnaryOperator reg) {
    return Thumb.isWide(hw1) ? wide(hw1, hw2, pc, reg) : narrow(hw1, pc, reg);
  }

  private static Range at(long address, int length) {
    return new Range(address & 0xffffffffL, length);
  }

  private static long literalBase(int pc) {
    return ((pc + 4) & ~3) & 0xffffffffL;
  }

  private static Range narrow(int hw, int pc, IntUnaryOperator reg) {
    int top5 = hw >>> 11;
    int rn = (hw >>> 3) & 7;
    int imm5 = (hw >>> 6) & 0x1f;
    switch (top5) {
      case 0b01001: // LDR (literal)
        return at(literalBase(pc) + (hw & 0xff) * 4L, 4);
      case 0b01010:
      case 0b01011: { // load/store register offset
        int rm = (hw >>> 6) & 7;
        int opB = (hw >>> 9) & 7;
        int[] sizes = {4, 2, 1, 1, 4, 2, 1, 2};
        return at((reg.applyAsInt(rn) & 0xffffffffL) + (reg.applyAsInt(rm) & 0xffffffffL),
            sizes[opB]);
      }
      case 0b01100:
      case 0b01101:
        return at((reg.applyAsInt(rn) & 0xffffffffL) + imm5 * 4L, 4);
      case 0b01110:
      case 0b01111:
        return at((reg.applyAsInt(rn) & 0xffffffffL) + imm5, 1);
      case 0b10000:
      case 0b10001:
        return at((reg.applyAsInt(rn) & 0xffffffffL) + imm5 * 2L, 2);
      case 0b10010:
      case 0b10011: // SP-relative
        return at((reg.applyAsInt(13) & 0xffffffffL) + (hw & 0xff) * 4L, 4);
      case 0b11000:
      case 0b11001: { // STM / LDM
        int n = Integer.bitCount(hw & 0xff);
        return at(reg.applyAsInt((hw >>> 8) & 7) & 0xffffffffL, 4 * n);
      }
      default:
        break;
    }
    if ((hw & 0xfe00) == 0xb400) { // PUSH
      int n = Integer.bitCount(hw & 0x1ff);
      return at((reg.applyAsInt(13) & 0xffffffffL) - 4L * n, 4 * n);
    }
    if ((hw & 0xfe00) == 0xbc00) { // POP
      int n = Integer.bitCount(hw & 0x1ff);
      return at(reg.applyAsInt(13) & 0xffffffffL, 4 * n);
    }
    return null;
  }

  private static long base(int rn, int pc, IntUnaryOperator reg) {
    return rn == 15 ? literalBase(pc) : reg.applyAsInt(rn) & 0xffffffffL;
  }

  private static Range wide(int hw1, int hw2, int pc, IntUnaryOperator reg) {
    int rn = hw1 & 0xf;
    if ((hw1 & 0xfe40) == 0xe800) { // load/store multiple (A5.3.5)
      int op = (hw1 >>> 7) & 3;
      int n = Integer.bitCount(hw2 & 0xffff);
      long b = base(rn, pc, reg);
      if (op == 1) {
        return at(b, 4 * n);
      }
      if (op == 2) {
        return at(b - 4L * n, 4 * n);
      }
      return null;
    }
    if ((hw1 & 0xfe40) == 0xe840) { // dual, exclusive, table branch (A5.3.6)
      return dualOrExclusive(hw1, hw2, pc, reg);
    }
    if ((hw1 & 0xfe00) != 0xf800) {
      return null;
    }
    // Single loads and stores (A5.3.7-A5.3.10): 1111 100S UsizeL Rn
    int sizeBits = (hw1 >>> 5) & 3;
    if (sizeBits == 3) {
      return null;
    }
    int size = 1 << sizeBits;
    boolean load = (hw1 & 0x10) != 0;
    int rt = (hw2 >>> 12) & 0xf;
    if (load && rt == 15 && size < 4) {
      return null; // PLD, PLI: hints, no access
    }
    if (rn == 15) {
      long imm = hw2 & 0xfff;
      boolean up = (hw1 & 0x80) != 0;
      return at(literalBase(pc) + (up ? imm : -imm), size);
    }
    long b = reg.applyAsInt(rn) & 0xffffffffL;
    if ((hw1 & 0x80) != 0) { // imm12
      return at(b + (hw2 & 0xfff), size);
    }
    if ((hw2 & 0xfc0) == 0) { // register, LSL #imm2
      long rm = reg.applyAsInt(hw2 & 0xf) & 0xffffffffL;
      return at(b + (rm << ((hw2 >>> 4) & 3)), size);
    }
    if ((hw2 & 0x800) != 0) { // imm8: offset, pre/post-indexed, unprivileged
      long imm = hw2 & 0xff;
      boolean index = (hw2 & 0x400) != 0;
      boolean up = (hw2 & 0x200) != 0;
      long offset = up ? b + imm : b - imm;
      return at(index ? offset : b, size);
    }
    return null;
  }

  private static Range dualOrExclusive(int hw1, int hw2, int pc, IntUnaryOperator reg) {
    int rn = hw1 & 0xf;
    int op1 = (hw1 >>> 7) & 3;
    int op2 = (hw1 >>> 4) & 3;
    if (op1 == 0 && op2 < 2) { // STREX, LDREX
      return at(base(rn, pc, reg) + (hw2 & 0xff) * 4L, 4);
    }
    if (op1 == 1 && op2 == 1 && (hw2 & 0xffe0) == 0xf000) { // TBB, TBH
      long rm = reg.applyAsInt(hw2 & 0xf) & 0xffffffffL;
      boolean half = (hw2 & 0x10) != 0;
      return at(base(rn, pc, reg) + (half ? 2 * rm : rm), half ? 2 : 1);
    }
    if (op1 == 1 && op2 < 2) { // STREXB/H, LDREXB/H
      int op3 = (hw2 >>> 4) & 0xf;
      return op3 == 4 ? at(base(rn, pc, reg), 1) : op3 == 5 ? at(base(rn, pc, reg), 2) : null;
    }
    // LDRD/STRD (immediate, literal): 1110 100P U1WL Rn
    boolean index = (hw1 & 0x100) != 0;
    boolean up = (hw1 & 0x80) != 0;
    long imm = (hw2 & 0xff) * 4L;
    long b = base(rn, pc, reg);
    long offset = up ? b + imm : b - imm;
    return at(index ? offset : b, 8);
  }
}
