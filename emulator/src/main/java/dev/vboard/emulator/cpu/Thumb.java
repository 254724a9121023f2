package dev.vboard.emulator.cpu;

/** Thumb encoding facts the core needs (ARMv7-M ARM A5.1, A7.7). */
public final class Thumb {
  private Thumb() { }

  /** BKPT #imm8 with imm8 0xAB is the semihosting call (WFI/WFE/SEV are decoded natively). */
  public static final int SEMIHOSTING_IMM = 0xab;

  /** True when {@code halfword} is the first half of a 32-bit instruction. */
  public static boolean isWide(int halfword) {
    return (halfword & 0xf800) >= 0xe800;
  }

  /** True for SDIV and UDIV, T1 (A7.7.127, A7.7.195): 0xFB9x/0xFBBx, then 0xFxFx. */
  public static boolean isDivide(int hw1, int hw2) {
    return (hw1 & 0xffd0) == 0xfb90 && (hw2 & 0xf0f0) == 0xf0f0;
  }

  /** Number of instructions in {@code code[0, length)}. */
  public static int count(byte[] code, int length) {
    int n = 0;
    int i = 0;
    while (i + 1 < length) {
      i += isWide(halfword(code, i)) ? 4 : 2;
      n++;
    }
    return n;
  }

  /** Byte length of the first {@code instructions} instructions of {@code code}. */
  public static int lengthOf(byte[] code, int instructions) {
    int i = 0;
    for (int n = 0; n < instructions && i + 1 < code.length; n++) {
      i += isWide(halfword(code, i)) ? 4 : 2;
    }
    return i;
  }

  public static int halfword(byte[] code, int offset) {
    return (code[offset] & 0xff) | (code[offset + 1] & 0xff) << 8;
  }
}
