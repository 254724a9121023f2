package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;

/**
 * ARM CMSDK APB watchdog: a 32-bit down-counter that interrupts on its first timeout and
 * asserts reset on its second (Cortex-M System Design Kit TRM, ARM DDI 0479C, "APB
 * watchdog"). QEMU 7.2 {@code hw/watchdog/cmsdk-apb-watchdog.c} is the behavioural reference;
 * AN385 wires WDOGINT to the NMI and WDOGRES to a system reset.
 *
 * <p>Behaviour, as QEMU 7.2: the counter runs from reset, periodic from WDOGLOAD, whatever
 * WDOGCONTROL says (INTEN only masks the interrupt; newer QEMU and the TRM start and stop the
 * counter with INTEN, but byte-for-byte equality with qemu-system-arm 7.2 is the acceptance
 * criterion, and 7.2 was checked to count and set WDOGRIS with INTEN clear). At the 1 -> 0
 * tick WDOGRIS is set and the count reloads after one tick; if WDOGRIS is still set at the
 * next timeout, the reset status is set and the counter stops. WDOGINTCLR clears the interrupt
 * and sets the count from WDOGLOAD (the "feed"); only a WDOGLOAD write (or reset) starts a
 * stopped counter again. Writing 0 to WDOGLOAD stops it: QEMU's ptimer disables itself with
 * nothing to count ("Timer with delta zero"). All of this was checked on qemu-system-arm 7.2.
 * While WDOGLOCK holds anything but 0x1ACCE551, every other register ignores writes.
 * WDOGITCR/WDOGITOP drive the outputs directly in integration test mode.
 *
 * <p>The outputs are driven again, at their current level, on every timeout and every write to
 * WDOGCONTROL, WDOGINTCLR, WDOGITCR and WDOGITOP (and only then), as QEMU's
 * cmsdk_apb_watchdog_update(): on AN385 WDOGINT is the NMI input, which pends NMI on each
 * high drive, so rewriting CONTROL while the interrupt is asserted pends NMI again. A high
 * WDOGRES (RESEN and a second timeout, or ITOP in test mode) requests a system reset each
 * time it is driven, as QEMU's default watchdog action.
 */
public final class CmsdkApbWatchdog implements MmioDevice {

  /** The register table (DDI 0479C, "APB watchdog memory map"). */
  enum Reg implements RegisterBank.Register {
    WDOGLOAD(0x000, Access.RW),
    WDOGVALUE(0x004, Access.RO),
    WDOGCONTROL(0x008, Access.RW),
    WDOGINTCLR(0x00c, Access.WO),
    WDOGRIS(0x010, Access.RO),
    WDOGMIS(0x014, Access.RO),
    WDOGLOCK(0xc00, Access.RW),
    WDOGITCR(0xf00, Access.RW),
    WDOGITOP(0xf04, Access.WO),
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

  static final int CONTROL_INTEN = 1 << 0;
  static final int CONTROL_RESEN = 1 << 1;
  static final int ITOP_WDOGRES = 1 << 0;
  static final int ITOP_WDOGINT = 1 << 1;
  /** Writing this to WDOGLOCK enables writes to the other registers. */
  static final int UNLOCK = 0x1ACCE551;

  /** PID4..PID7, PID0..PID3, CID0..CID3. */
  private static final int[] ID = {
      0x04, 0x00, 0x00, 0x00, 0x24, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

  private final RegisterBank<Reg> regs;
  private final IrqLine wdogint;
  private final IrqLine wdogres;
  private final DownCounter counter;
  private final long cyclesPerWdogclk;
  private int control;
  private boolean ris;
  private boolean resetStatus;
  private boolean locked;
  private int itcr;
  private int itop;

  /**
   * @param wdogint the interrupt output (NMI on AN385)
   * @param wdogres the reset request output
   */
  public CmsdkApbWatchdog(String name, Scheduler scheduler, long wdogclkHz, IrqLine wdogint,
      IrqLine wdogres) {
    this.regs = new RegisterBank<>(name, Reg.class);
    this.wdogint = wdogint;
    this.wdogres = wdogres;
    this.cyclesPerWdogclk = Clocks.cyclesPerTick(scheduler.clock().hz(), wdogclkHz, name);
    this.counter = new DownCounter(scheduler, this::onTimeout);
    reset();
  }

  @Override
  public void reset() {
    control = 0;
    ris = false;
    resetStatus = false;
    locked = false;
    itcr = 0;
    itop = 0;
    counter.reset(0xffffffffL, 0xffffffffL, cyclesPerWdogclk);
    counter.run(false);
    updateIrq();
  }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null) {
      return 0;
    }
    long v = switch (r) {
      case WDOGLOAD -> counter.limit();
      case WDOGVALUE -> counter.count();
      case WDOGCONTROL -> control;
      case WDOGRIS -> ris ? 1 : 0;
      case WDOGMIS -> mis() ? 1 : 0;
      case WDOGLOCK -> locked ? 1 : 0;
      case WDOGITCR -> itcr;
      default -> ID[(offset - Reg.PID4.offset()) / 4];
    };
    return RegisterBank.truncate((int) v, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Reg r = regs.forWrite(offset, value);
    if (r == null) {
      return;
    }
    if (locked && r != Reg.WDOGLOCK) {
      GuestError.log(regs.device(), "write of 0x%08x to %s while locked", value, r.name());
      return;
    }
    long v = RegisterBank.truncate(value, size) & 0xffffffffL;
    switch (r) {
      case WDOGLOAD -> {
        // QEMU 7.2 reloads and (re)starts the counter here, even after a second timeout.
        counter.setLimit(v, true);
        counter.run(false);
      }
      case WDOGCONTROL -> {
        control = (int) v & (CONTROL_INTEN | CONTROL_RESEN);
        updateIrq();
      }
      case WDOGINTCLR -> {
        ris = false;
        counter.setCount(counter.limit());
        updateIrq();
      }
      case WDOGLOCK -> locked = v != (UNLOCK & 0xffffffffL);
      case WDOGITCR -> {
        itcr = (int) v & 1;
        updateIrq();
      }
      case WDOGITOP -> {
        itop = (int) v & (ITOP_WDOGRES | ITOP_WDOGINT);
        updateIrq();
      }
      default -> throw new AssertionError(r);
    }
  }

  private boolean mis() {
    return ris && (control & CONTROL_INTEN) != 0;
  }

  /** WDOGINT is MIS; WDOGRES is the second-timeout status masked by RESEN (or TIMERITOP). */
  private void updateIrq() {
    boolean interrupt;
    boolean resetRequest;
    if ((itcr & 1) != 0) {
      interrupt = (itop & ITOP_WDOGINT) != 0;
      resetRequest = (itop & ITOP_WDOGRES) != 0;
    } else {
      interrupt = mis();
      resetRequest = resetStatus && (control & CONTROL_RESEN) != 0;
    }
    wdogint.set(interrupt);
    if (resetRequest) {
      GuestError.LOG.info("{}: WDOGRES asserted (watchdog reset request)", regs.device());
    }
    wdogres.set(resetRequest);
  }

  private void onTimeout() {
    if (!ris) {
      ris = true;
    } else {
      resetStatus = true;
      counter.stop();
    }
    updateIrq();
  }
}
