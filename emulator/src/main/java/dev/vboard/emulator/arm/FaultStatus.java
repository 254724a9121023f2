package dev.vboard.emulator.arm;

/**
 * The fault status and address registers of the SCB (ARM DDI 0403 B3.2.15-B3.2.18): CFSR (with
 * its MMFSR, BFSR and UFSR bytes), HFSR, DFSR, MMFAR, BFAR and AFSR. Status bits are
 * write-one-to-clear.
 */
public final class FaultStatus {
  // CFSR.MMFSR (bits 7:0)
  public static final int IACCVIOL = 1 << 0;
  public static final int DACCVIOL = 1 << 1;
  public static final int MUNSTKERR = 1 << 3;
  public static final int MSTKERR = 1 << 4;
  public static final int MMARVALID = 1 << 7;
  // CFSR.BFSR (bits 15:8)
  public static final int IBUSERR = 1 << 8;
  public static final int PRECISERR = 1 << 9;
  public static final int IMPRECISERR = 1 << 10;
  public static final int UNSTKERR = 1 << 11;
  public static final int STKERR = 1 << 12;
  public static final int BFARVALID = 1 << 15;
  // CFSR.UFSR (bits 31:16)
  public static final int UNDEFINSTR = 1 << 16;
  public static final int INVSTATE = 1 << 17;
  public static final int INVPC = 1 << 18;
  public static final int NOCP = 1 << 19;
  public static final int UNALIGNED = 1 << 24;
  public static final int DIVBYZERO = 1 << 25;
  // HFSR
  public static final int VECTTBL = 1 << 1;
  public static final int FORCED = 1 << 30;
  public static final int DEBUGEVT = 1 << 31;

  private int cfsr;
  private int hfsr;
  private int dfsr;
  private int mmfar;
  private int bfar;
  private int afsr;

  public void reset() {
    cfsr = 0;
    hfsr = 0;
    dfsr = 0;
    mmfar = 0;
    bfar = 0;
    afsr = 0;
  }

  public int cfsr() {
    return cfsr;
  }

  public int hfsr() {
    return hfsr;
  }

  public int dfsr() {
    return dfsr;
  }

  public int mmfar() {
    return mmfar;
  }

  public int bfar() {
    return bfar;
  }

  public int afsr() {
    return afsr;
  }

  public void recordCfsr(int bits) {
    cfsr |= bits;
  }

  public void recordHfsr(int bits) {
    hfsr |= bits;
  }

  /** A precise data bus error at {@code address}: PRECISERR with BFAR valid. */
  public void recordPreciseBusError(int address) {
    cfsr |= PRECISERR | BFARVALID;
    bfar = address;
  }

  /** A MemManage data access violation at {@code address}. */
  public void recordDataAccessViolation(int address) {
    cfsr |= DACCVIOL | MMARVALID;
    mmfar = address;
  }

  /** Write to CFSR, or to one of its bytes; {@code shiftedBits} already in CFSR position. */
  public void clearCfsr(int shiftedBits) {
    cfsr &= ~shiftedBits;
  }

  public void clearHfsr(int bits) {
    hfsr &= ~bits;
  }

  public void clearDfsr(int bits) {
    dfsr &= ~bits;
  }

  public void writeMmfar(int value) {
    mmfar = value;
  }

  public void writeBfar(int value) {
    bfar = value;
  }

  public void writeAfsr(int value) {
    afsr &= ~value;
  }
}
