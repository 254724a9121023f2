package dev.vboard.emulator.arm;

import dev.vboard.emulator.bus.MmioDevice;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The System Control Space at 0xE000E000 (ARM DDI 0403 B3.2 SCB, B3.3 SysTick, B3.4 NVIC) as
 * the Cortex-M3 that QEMU 7.2's {@code mps2-an385} models: CPUID 0x410FC231, CCR.STKALIGN set
 * at reset, an 8-region MPU. Holds VTOR, SCR and CCR; the exception state lives in {@link Nvic}, the fault
 * registers in {@link FaultStatus}, the timer in {@link SysTick}, the MPU registers in {@link Mpu}.
 *
 * <p>Known gap: the debug registers read as zero.
 */
public final class SystemControlSpace implements MmioDevice {
  private static final Logger GUEST = LoggerFactory.getLogger("vboard.guest");

  public static final long BASE = 0xe000e000L;
  /** The Configuration and Control Register's address (B3.2.8). */
  public static final long CCR_ADDRESS = BASE + 0xd14;
  public static final long SIZE = 0x1000;

  /** Cortex-M3 r0p1, the MIDR QEMU 7.2 gives its cortex-m3 (read back on mps2-an385). */
  public static final int CPUID = 0x410fc231;
  public static final int CCR_NONBASETHRDENA = 1 << 0;
  public static final int CCR_USERSETMPEND = 1 << 1;
  public static final int CCR_UNALIGN_TRP = 1 << 3;
  public static final int CCR_DIV_0_TRP = 1 << 4;
  public static final int CCR_STKALIGN = 1 << 9;
  private static final int CCR_RESET = CCR_STKALIGN;
  private static final int CCR_WRITABLE = 0x31b;
  private static final int AIRCR_VECTKEY = 0x05fa;
  private static final int AIRCR_VECTKEYSTAT = 0xfa05;
  private static final int AIRCR_SYSRESETREQ = 1 << 2;

  private static final int ICSR_NMIPENDSET = 1 << 31;
  private static final int ICSR_PENDSVSET = 1 << 28;
  private static final int ICSR_PENDSVCLR = 1 << 27;
  private static final int ICSR_PENDSTSET = 1 << 26;
  private static final int ICSR_PENDSTCLR = 1 << 25;
  private static final int ICSR_ISRPENDING = 1 << 22;
  private static final int ICSR_RETTOBASE = 1 << 11;
  /** SCR.SEVONPEND: a newly pending interrupt sets the event register. */
  public static final int SCR_SEVONPEND = 1 << 4;

  /**
   * CoreSight peripheral and component ID registers 0xFD0-0xFFC, as QEMU 7.2's NVIC reports
   * them: it has only PID0-3 and CID0-3 (0xFE0 up), so PID4-7 read 0.
   */
  private static final int[] ID_REGS = {
    0x00, 0x00, 0x00, 0x00, 0x00, 0xb0, 0x1b, 0x00, 0x0d, 0xe0, 0x05, 0xb1};

  private final Nvic nvic;
  private final FaultStatus faults;
  private final SysTick sysTick;
  private final Mpu mpu = new Mpu();
  private final IntSupplier ipsr;
  private final Runnable resetRequest;
  private int vtor;
  private int scr;
  private int ccr;
  private Runnable ccrListener = () -> { };
  private Runnable accessListener = () -> { };
  private BooleanSupplier unprivileged = () -> false;
  private IntConsumer busError = address -> { };

  /**
   * @param ipsr reads the CPU's current exception number, for ICSR.VECTACTIVE
   * @param resetRequest called on AIRCR.SYSRESETREQ (the machine resets at the next boundary)
   */
  public SystemControlSpace(Nvic nvic, FaultStatus faults, SysTick sysTick, IntSupplier ipsr,
      Runnable resetRequest) {
    this.nvic = nvic;
    this.faults = faults;
    this.sysTick = sysTick;
    this.ipsr = ipsr;
    this.resetRequest = resetRequest;
    reset();
  }

  @Override
  public void reset() {
    vtor = 0;
    scr = 0;
    ccr = CCR_RESET;
    mpu.reset();
    nvic.reset();
    faults.reset();
    sysTick.reset();
  }

  /**
   * Called before every guest access, so that the exception state it reads or changes is
   * current (the machine applies an exception return the engine did by itself).
   */
  public void setAccessListener(Runnable listener) {
    this.accessListener = listener;
  }

  /**
   * How the space refuses unprivileged code: {@code unprivileged} tells whether the access
   * comes from unprivileged thread mode, {@code busError} aborts it as a precise BusFault at
   * the given address. As QEMU 7.2 (nvic_sysreg_read/write, armv7m_systick): the SCS, SysTick
   * included, is privileged only, except STIR while CCR.USERSETMPEND is set (a read of it, as
   * write-only, gives 0).
   */
  public void setAccessGuard(BooleanSupplier unprivileged, IntConsumer busError) {
    this.unprivileged = unprivileged;
    this.busError = busError;
  }

  private boolean refused(int offset, boolean write) {
    if (!unprivileged.getAsBoolean()
        || (offset == 0xf00 && (ccr & CCR_USERSETMPEND) != 0)) {
      return false;
    }
    GUEST.warn("SCS: unprivileged {} at offset 0x{}", write ? "write" : "read",
        Integer.toHexString(offset));
    busError.accept((int) (BASE + offset));
    return true;
  }

  /** Called after every CCR write (the core follows the trap bits between slices). */
  public void setCcrListener(Runnable listener) {
    this.ccrListener = listener;
  }

  /** The MPU registers (B3.5). */
  public Mpu mpu() {
    return mpu;
  }

  public int vtor() {
    return vtor;
  }

  public int ccr() {
    return ccr;
  }

  public int scr() {
    return scr;
  }

  // ---- access decoding ----

  @Override
  public int read(int offset, int size) {
    accessListener.run();
    if (refused(offset, false)) {
      return 0;
    }
    if (isByteArray(offset)) {
      int v = 0;
      for (int i = 0; i < size; i++) {
        v |= readByte(offset + i) << (8 * i);
      }
      return v;
    }
    if (offset >= 0xd28 && offset < 0xd2c) {
      // CFSR and its MMFSR/BFSR/UFSR sub-registers are byte and halfword accessible.
      int shift = 8 * (offset - 0xd28);
      return (int) ((faults.cfsr() & 0xffffffffL) >>> shift) & sizeMask(size);
    }
    if (size != 4 || (offset & 3) != 0) {
      GUEST.warn("SCS: {}-byte read at offset 0x{} (word access only)", size,
          Integer.toHexString(offset));
      return 0;
    }
    return readWord(offset);
  }

  @Override
  public void write(int offset, int size, int value) {
    accessListener.run();
    if (refused(offset, true)) {
      return;
    }
    if (isByteArray(offset)) {
      for (int i = 0; i < size; i++) {
        writeByte(offset + i, (value >>> (8 * i)) & 0xff);
      }
      return;
    }
    if (offset >= 0xd28 && offset < 0xd2c) {
      int shift = 8 * (offset - 0xd28);
      faults.clearCfsr((value & sizeMask(size)) << shift);
      return;
    }
    if (size != 4 || (offset & 3) != 0) {
      GUEST.warn("SCS: {}-byte write at offset 0x{} (word access only)", size,
          Integer.toHexString(offset));
      return;
    }
    writeWord(offset, value);
  }

  private static int sizeMask(int size) {
    return size == 4 ? -1 : (1 << (8 * size)) - 1;
  }

  /** IPR and SHPR: arrays of byte-sized priority fields. */
  private static boolean isByteArray(int offset) {
    return (offset >= 0x400 && offset < 0x5f0) || (offset >= 0xd18 && offset < 0xd24);
  }

  private int readByte(int offset) {
    int exception = priorityException(offset);
    return exception < 0 || !nvic.isValid(exception) ? 0 : nvic.priorityField(exception);
  }

  private void writeByte(int offset, int value) {
    int exception = priorityException(offset);
    if (exception >= 0 && nvic.isValid(exception)) {
      nvic.setPriorityField(exception, value);
    }
  }

  private int priorityException(int offset) {
    if (offset >= 0x400 && offset < 0x5f0) {
      int n = Exceptions.FIRST_IRQ + offset - 0x400;
      return n < nvic.count() ? n : -1;
    }
    return offset - 0xd14; // SHPR1 byte 0 (0xD18) is MemManage, exception 4
  }

  private int readWord(int offset) {
    if (offset >= 0x100 && offset < 0x140) {
      return irqBits(offset - 0x100, Bits.ENABLED);
    }
    if (offset >= 0x180 && offset < 0x1c0) {
      return irqBits(offset - 0x180, Bits.ENABLED);
    }
    if (offset >= 0x200 && offset < 0x240) {
      return irqBits(offset - 0x200, Bits.PENDING);
    }
    if (offset >= 0x280 && offset < 0x2c0) {
      return irqBits(offset - 0x280, Bits.PENDING);
    }
    if (offset >= 0x300 && offset < 0x340) {
      return irqBits(offset - 0x300, Bits.ACTIVE);
    }
    switch (offset) {
      case 0x004: return Math.max(0, (nvic.externalIrqs() + 31) / 32 - 1); // ICTR
      case 0x008: return 0; // ACTLR
      case 0x010: return sysTick.readCsr();
      case 0x014: return sysTick.readRvr();
      case 0x018: return sysTick.readCvr();
      case 0x01c: return sysTick.readCalib();
      case 0xd00: return CPUID;
      case 0xd04: return readIcsr();
      case 0xd08: return vtor;
      case 0xd0c: return AIRCR_VECTKEYSTAT << 16 | nvic.prigroup() << 8;
      case 0xd10: return scr;
      case 0xd14: return ccr;
      case 0xd24: return readShcsr();
      case 0xd2c: return faults.hfsr();
      case 0xd30: return faults.dfsr();
      case 0xd34: return faults.mmfar();
      case 0xd38: return faults.bfar();
      case 0xd3c: return faults.afsr();
      // Cortex-M3 feature registers (DDI 0337 r2p1, as QEMU reports them)
      case 0xd40: return 0x00000030;
      case 0xd44: return 0x00000200;
      case 0xd48: return 0x00100000;
      case 0xd4c: return 0;
      case 0xd50: return 0x00000030;
      case 0xd54: return 0;
      case 0xd58: return 0;
      case 0xd5c: return 0;
      case 0xd60: return 0x01141110;
      case 0xd64: return 0x02111000;
      case 0xd68: return 0x21112231;
      case 0xd6c: return 0x01111110;
      case 0xd70: return 0x01310102;
      case 0xd88: return 0; // CPACR: no coprocessors on the M3
      default:
        if (Mpu.covers(offset)) {
          return mpu.read(offset);
        }
        if (offset >= 0xfd0) {
          return ID_REGS[(offset - 0xfd0) >> 2];
        }
        if (offset >= 0xdbc && offset < 0xdc0 || offset >= 0xdf0 && offset < 0xe00) {
          return 0; // debug registers: not modelled, read as zero
        }
        GUEST.warn("SCS: read of unknown register at offset 0x{}", Integer.toHexString(offset));
        return 0;
    }
  }

  private void writeWord(int offset, int value) {
    if (offset >= 0x100 && offset < 0x140) {
      setIrqBits(offset - 0x100, value, Bits.ENABLED, true);
    } else if (offset >= 0x180 && offset < 0x1c0) {
      setIrqBits(offset - 0x180, value, Bits.ENABLED, false);
    } else if (offset >= 0x200 && offset < 0x240) {
      setIrqBits(offset - 0x200, value, Bits.PENDING, true);
    } else if (offset >= 0x280 && offset < 0x2c0) {
      setIrqBits(offset - 0x280, value, Bits.PENDING, false);
    } else {
      writeRegister(offset, value);
    }
  }

  private void writeRegister(int offset, int value) {
    switch (offset) {
      case 0x010: sysTick.writeCsr(value); break;
      case 0x014: sysTick.writeRvr(value); break;
      case 0x018: sysTick.writeCvr(value); break;
      case 0xd04: writeIcsr(value); break;
      case 0xd08: vtor = value & 0xffffff80; break;
      case 0xd0c: writeAircr(value); break;
      // As QEMU 7.2: SLEEPDEEP and SLEEPDEEPS (no deep sleep) are RAZ/WI, every other bit is
      // kept as written, reserved ones included.
      case 0xd10: scr = value & ~0xc; break;
      case 0xd14:
        ccr = value & CCR_WRITABLE;
        ccrListener.run();
        break;
      case 0xd24: writeShcsr(value); break;
      case 0xd2c: faults.clearHfsr(value); break;
      case 0xd30: faults.clearDfsr(value); break;
      case 0xd34: faults.writeMmfar(value); break;
      case 0xd38: faults.writeBfar(value); break;
      case 0xd3c: faults.writeAfsr(value); break;
      case 0xf00: writeStir(value); break;
      default:
        if (Mpu.covers(offset)) {
          mpu.write(offset, value);
          break;
        }
        if (offset >= 0xd88 && offset < 0xdc0 || offset >= 0xdf0 && offset < 0xe00) {
          break; // CPACR, debug: not modelled, writes ignored
        }
        GUEST.warn("SCS: write of 0x{} to unknown register at offset 0x{}",
            Integer.toHexString(value), Integer.toHexString(offset));
    }
  }

  // ---- NVIC bit arrays ----

  private enum Bits { ENABLED, PENDING, ACTIVE }

  private int irqBits(int byteOffset, Bits which) {
    int first = Exceptions.FIRST_IRQ + byteOffset * 8;
    int v = 0;
    for (int i = 0; i < 32 && first + i < nvic.count(); i++) {
      int n = first + i;
      boolean on = which == Bits.ENABLED ? nvic.isEnabled(n)
          : which == Bits.PENDING ? nvic.isPending(n) : nvic.isActive(n);
      if (on) {
        v |= 1 << i;
      }
    }
    return v;
  }

  private void setIrqBits(int byteOffset, int value, Bits which, boolean set) {
    int first = Exceptions.FIRST_IRQ + byteOffset * 8;
    for (int i = 0; i < 32 && first + i < nvic.count(); i++) {
      if ((value & (1 << i)) == 0) {
        continue;
      }
      int n = first + i;
      if (which == Bits.ENABLED) {
        nvic.setEnabled(n, set);
      } else if (set) {
        nvic.setPending(n);
      } else {
        nvic.clearPendingByIcpr(n);
      }
    }
  }

  private void writeStir(int value) {
    int n = Exceptions.FIRST_IRQ + (value & 0x1ff);
    if (n < nvic.count()) {
      nvic.setPending(n);
    }
  }

  // ---- SCB registers ----

  private int readIcsr() {
    int active = ipsr.getAsInt();
    int v = active & 0x1ff;
    if (nvic.activeCount() <= 1) {
      v |= ICSR_RETTOBASE;
    }
    v |= (nvic.highestPending() & 0x1ff) << 12;
    if (nvic.anyIrqPending()) {
      v |= ICSR_ISRPENDING;
    }
    if (nvic.isPending(Exceptions.SYSTICK)) {
      v |= ICSR_PENDSTSET;
    }
    if (nvic.isPending(Exceptions.PENDSV)) {
      v |= ICSR_PENDSVSET;
    }
    if (nvic.isPending(Exceptions.NMI)) {
      v |= ICSR_NMIPENDSET;
    }
    return v;
  }

  private void writeIcsr(int value) {
    if ((value & ICSR_NMIPENDSET) != 0) {
      nvic.setPending(Exceptions.NMI);
    }
    if ((value & ICSR_PENDSVSET) != 0) {
      nvic.setPending(Exceptions.PENDSV);
    } else if ((value & ICSR_PENDSVCLR) != 0) {
      nvic.clearPending(Exceptions.PENDSV);
    }
    if ((value & ICSR_PENDSTSET) != 0) {
      nvic.setPending(Exceptions.SYSTICK);
    } else if ((value & ICSR_PENDSTCLR) != 0) {
      nvic.clearPending(Exceptions.SYSTICK);
    }
  }

  private void writeAircr(int value) {
    if ((value >>> 16) != AIRCR_VECTKEY) {
      GUEST.warn("SCS: AIRCR write 0x{} without VECTKEY ignored", Integer.toHexString(value));
      return;
    }
    nvic.setPrigroup((value >>> 8) & 7);
    if ((value & 3) != 0) {
      GUEST.warn("SCS: AIRCR VECTRESET/VECTCLRACTIVE are debug-only; ignored");
    }
    if ((value & AIRCR_SYSRESETREQ) != 0) {
      resetRequest.run();
    }
  }

  // SHCSR bit positions (B3.2.13): exception number -> active bit, pended bit, enable bit.
  private static final int[][] SHCSR_BITS = {
    {Exceptions.MEM_MANAGE, 0, 13, 16},
    {Exceptions.BUS_FAULT, 1, 14, 17},
    {Exceptions.USAGE_FAULT, 3, 12, 18},
    {Exceptions.SVCALL, 7, 15, -1},
    {Exceptions.DEBUG_MONITOR, 8, -1, -1},
    {Exceptions.PENDSV, 10, -1, -1},
    {Exceptions.SYSTICK, 11, -1, -1},
  };

  private int readShcsr() {
    int v = 0;
    for (int[] b : SHCSR_BITS) {
      if (nvic.isActive(b[0])) {
        v |= 1 << b[1];
      }
      if (b[2] >= 0 && nvic.isPending(b[0])) {
        v |= 1 << b[2];
      }
      if (b[3] >= 0 && nvic.isEnabled(b[0])) {
        v |= 1 << b[3];
      }
    }
    return v;
  }

  /**
   * Enable bits; the pended and active bits are writable too (ARMv7-M B3.2.13; QEMU allows
   * it): an OS that switches context inside a handler rewrites the active bits it saved.
   */
  private void writeShcsr(int value) {
    for (int[] b : SHCSR_BITS) {
      nvic.setActive(b[0], (value & (1 << b[1])) != 0);
      if (b[3] >= 0) {
        nvic.setEnabled(b[0], (value & (1 << b[3])) != 0);
      }
      if (b[2] >= 0) {
        if ((value & (1 << b[2])) != 0) {
          nvic.setPending(b[0]);
        } else {
          nvic.clearPending(b[0]);
        }
      }
    }
  }
}
