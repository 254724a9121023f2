package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;

/**
 * ARM CMSDK APB timer: a 32-bit down-counter with one interrupt (Cortex-M System Design Kit
 * TRM, ARM DDI 0479C, "APB timer"). QEMU 7.2 {@code hw/timer/cmsdk-apb-timer.c} is the
 * behavioural reference; the ID values below were read back from qemu-system-arm 7.2.
 *
 * <p>Behaviour and quirks (as QEMU):
 * <ul>
 *   <li>VALUE decrements once per PCLK cycle while CTRL.EN is set. The interrupt is raised when
 *       VALUE goes from 1 to 0; VALUE then holds at 0 for one cycle and reloads from RELOAD, so
 *       the interrupt period is RELOAD + 1 cycles. With RELOAD = 0 the timer stops at 0.
 *   <li>Writing RELOAD also loads VALUE; writing VALUE restarts the count from the new value.
 *   <li>INTSTATUS is set at the 1 -> 0 tick only if CTRL.IRQEN is set at that moment, and is
 *       cleared by writing 1 (INTCLEAR shares the offset).
 *   <li>The EXTIN input (CTRL.SELEXTEN, CTRL.SELEXTCLK) is not modelled: logged as
 *       unimplemented, the bits read back as written and the timer counts PCLK.
 * </ul>
 */
public final class CmsdkApbTimer implements MmioDevice {

  /** The register table (DDI 0479C, table "APB timer memory map"). */
  enum Reg implements RegisterBank.Register {
    CTRL(0x000, Access.RW),
    VALUE(0x004, Access.RW),
    RELOAD(0x008, Access.RW),
    INTSTATUS(0x00c, Access.W1C),
    PID4(0xfd0, Access.RO), PID5(0xfd4, Access.RO), PID6(0xfd8, Access.RO), PID7(0xfdc, Access.RO),
    PID0(0xfe0, Access.RO), PID1(0xfe4, Access.RO), PID2(0xfe8, Access.RO), PID3(0xfec, Access.RO),
    CID0(0xff0, Access.RO), CID1(0xff4, Access.RO), CID2(0xff8, Access.RO), CID3(0xffc, Access.RO);

    private final int offset;
    private final Access access;

    Reg(int offset, Access access) {
      this.offset = offset;
      this.access = access;
    }

    @Override
    public int offset() {
      return offset;
    }

    @Override
    public Access access() {
      return access;
    }
  }

  static final int CTRL_EN = 1 << 0;
  static final int CTRL_SELEXTEN = 1 << 1;
  static final int CTRL_SELEXTCLK = 1 << 2;
  static final int CTRL_IRQEN = 1 << 3;
  static final int INTSTATUS_IRQ = 1 << 0;

  /** PID4..PID7, PID0..PID3, CID0..CID3. */
  private static final int[] ID = {
      0x04, 0x00, 0x00, 0x00, 0x22, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

  private final RegisterBank<Reg> regs;
  private final IrqLine timerint;
  private final DownCounter counter;
  private final long cyclesPerPclk;
  private int ctrl;
  private int intstatus;

  /**
   * @param name device name for logs
   * @param scheduler the machine's scheduler (its clock is the core clock)
   * @param pclkHz the APB clock; must divide the core clock
   * @param timerint the TIMERINT output
   */
  public CmsdkApbTimer(String name, Scheduler scheduler, long pclkHz, IrqLine timerint) {
    this.regs = new RegisterBank<>(name, Reg.class);
    this.timerint = timerint;
    this.cyclesPerPclk = Clocks.cyclesPerTick(scheduler.clock().hz(), pclkHz, name);
    this.counter = new DownCounter(scheduler, this::onZero);
    reset();
  }

  @Override
  public void reset() {
    ctrl = 0;
    intstatus = 0;
    counter.reset(0, 0, cyclesPerPclk);
    updateIrq();
  }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null) {
      return 0;
    }
    int v = switch (r) {
      case CTRL -> ctrl;
      case VALUE -> (int) counter.count();
      case RELOAD -> (int) counter.limit();
      case INTSTATUS -> intstatus;
      default -> ID[(offset - Reg.PID4.offset()) / 4];
    };
    return RegisterBank.truncate(v, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Reg r = regs.forWrite(offset, value);
    if (r == null) {
      return;
    }
    value = RegisterBank.truncate(value, size);
    switch (r) {
      case CTRL -> writeCtrl(value);
      case RELOAD -> writeReload(value);
      case VALUE -> writeValue(value);
      case INTSTATUS -> {
        intstatus &= ~(value & INTSTATUS_IRQ);
        updateIrq();
      }
      default -> throw new AssertionError(r);
    }
  }

  /** The TIMERINT level follows INTSTATUS. */
  private void updateIrq() {
    timerint.set((intstatus & INTSTATUS_IRQ) != 0);
  }

  private void writeCtrl(int value) {
    if ((value & (CTRL_SELEXTEN | CTRL_SELEXTCLK)) != 0) {
      GuestError.unimplemented(regs.device(), "EXTIN as enable or clock (CTRL=0x%x)", value);
    }
    ctrl = value & 0xf;
    if ((ctrl & CTRL_EN) != 0) {
      counter.run(counter.limit() == 0);
    } else {
      counter.stop();
    }
  }

  private void writeReload(int value) {
    long reload = value & 0xffffffffL;
    if (reload == 0) {
      counter.stop();
    }
    counter.setLimit(reload, true);
    if (reload != 0 && (ctrl & CTRL_EN) != 0) {
      // Restarts an expired one-shot count (RELOAD was 0) as a periodic one.
      counter.run(false);
    }
  }

  private void writeValue(int value) {
    long v = value & 0xffffffffL;
    if (v == 0 && counter.limit() == 0) {
      counter.stop();
    }
    counter.setCount(v);
    if (v != 0 && (ctrl & CTRL_EN) != 0) {
      counter.run(counter.limit() == 0);
    }
  }

  private void onZero() {
    if ((ctrl & CTRL_IRQEN) != 0) {
      intstatus |= INTSTATUS_IRQ;
      updateIrq();
    }
  }
}
