package dev.vboard.emulator.cpu;

/** Thumb encoding facts the core needs (ARMv7-M ARM A5.1, A7.7). */
public final class Thumb {
  private Thumb() { }

  public static final int WFI = 0xbf30;
  public static final int WFE = 0xbf20;
  public static final int SEV = 0xbf40;
  /** BKPT #imm8 is 0xBExx; 0xAB is the semihosting call. */
  public static final int BKPT_MASK = 0xff00;
  public static final int BKPT = 0xbe00;
  public static final int SEMIHOSTING_IMM = 0xab;
  /** Second halfwords of the 32-bit hints WFE.W / WFI.W (first halfword 0xF3AF). */
  public static final int HINT_W_FIRST = 0xf3af;
  public static final int WFE_W_SECOND = 0x8002;
  public static final int WFI_W_SECOND = 0x8003;

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
