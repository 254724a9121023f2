package dev.vboard.emulator.unicorn;

/**
 * Numeric constants of {@code unicorn/unicorn.h} and {@code unicorn/arm.h} (Unicorn 2.0.1) that
 * vboard uses, with the header's names. Values were read from the headers of Debian's
 * libunicorn-dev 2.0.1.
 */
public final class UcConst {
  private UcConst() { }

  // uc_arch, uc_mode
  public static final int UC_ARCH_ARM = 1;
  public static final int UC_MODE_THUMB = 1 << 4;

  // uc_hook_type
  public static final int UC_HOOK_INTR = 1 << 0;
  public static final int UC_HOOK_CODE = 1 << 2;
  public static final int UC_HOOK_BLOCK = 1 << 3;
  public static final int UC_HOOK_MEM_READ = 1 << 10;
  public static final int UC_HOOK_MEM_WRITE = 1 << 11;

  // uc_prot
  public static final int UC_PROT_READ = 1;
  public static final int UC_PROT_WRITE = 2;
  public static final int UC_PROT_EXEC = 4;
  public static final int UC_PROT_ALL = 7;

  // uc_control_type with the UC_CTL_WRITE(type, nr) encoding: type | nr << 26 | rw << 30.
  public static final int UC_CTL_CPU_MODEL = 7;
  public static final int UC_CTL_TB_REMOVE_CACHE = 9;
  public static final int UC_CTL_TB_FLUSH = 10;
  public static final int UC_CTL_IO_WRITE = 1;

  public static int ucCtlWrite(int type, int nargs) {
    return type | nargs << 26 | UC_CTL_IO_WRITE << 30;
  }

  // uc_cpu_arm
  public static final int UC_CPU_ARM_CORTEX_M3 = 8;

  // uc_arm_reg
  public static final int UC_ARM_REG_LR = 10;
  public static final int UC_ARM_REG_PC = 11;
  public static final int UC_ARM_REG_SP = 12;
  public static final int UC_ARM_REG_R0 = 66;
  public static final int UC_ARM_REG_IPSR = 114;
  public static final int UC_ARM_REG_MSP = 115;
  public static final int UC_ARM_REG_PSP = 116;
  public static final int UC_ARM_REG_CONTROL = 117;
  public static final int UC_ARM_REG_XPSR = 120;
  public static final int UC_ARM_REG_PRIMASK = 123;
  public static final int UC_ARM_REG_BASEPRI = 124;
  public static final int UC_ARM_REG_BASEPRI_MAX = 125;
  public static final int UC_ARM_REG_FAULTMASK = 126;

  /** {@code UC_ARM_REG_R0 + n} for n in 0..12 (R0-R12 are consecutive in arm.h). */
  public static int armRegR(int n) {
    if (n < 0 || n > 12) {
      throw new IllegalArgumentException("R" + n);
    }
    return UC_ARM_REG_R0 + n;
  }
}
