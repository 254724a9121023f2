package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;

/**
 * ARM CMSDK APB dual-input timer: two SP804-style down-counters sharing TIMCLK (Cortex-M System
 * Design Kit TRM, ARM DDI 0479C, "APB dual-input timers"). QEMU 7.2
 * {@code hw/timer/cmsdk-apb-dualtimer.c} is the behavioural reference; reset values and IDs
 * were read back from qemu-system-arm 7.2.
 *
 * <p>Each module counts in free-running mode (wraps to 0xFFFF or 0xFFFFFFFF), periodic mode
 * (reloads from LOAD) or one-shot (stops at 0); 16- or 32-bit; TIMCLK divided by 1, 16 or 256.
 * The raw interrupt (RIS) is set at every 1 -> 0 tick whatever INTEN says; MIS and the output
 * lines are RIS AND INTEN. After a 1 -> 0 tick the count holds at 0 for one tick before it
 * reloads, so a periodic module fires every LOAD + 1 ticks.
 *
 * <p>Quirks:
 * <ul>
 *   <li>In 16-bit mode the upper halves of LOAD and VALUE read back what was last written to
 *       them (QEMU keeps them; the count itself is 16 bits).
 *   <li>PRESCALE = 0b11 is undefined in the TRM: a guest error, treated as divide-by-256.
 *   <li>As QEMU 7.2 (and unlike the hardware, whose module keeps the mode CONTROL says):
 *       writing LOAD while a periodic module is enabled restarts its counter one-shot, so it
 *       fires once more and stops at 0 while CONTROL still reads periodic and enabled. QEMU
 *       forces one-shot there to restart an expired one-shot module and catches periodic ones
 *       too. Kept because byte-for-byte equality with qemu-system-arm 7.2 is the acceptance
 *       criterion (verified on it: one interrupt, then VALUE stays 0).
 *   <li>A module started, or reloaded, with a count of 0 and nothing to reload (one-shot, or
 *       periodic with LOAD 0) stops itself, as QEMU's ptimer does ("Timer with delta zero,
 *       disabling"); BGLOAD and free-running LOAD writes do not restart it, only CONTROL with
 *       ENABLE or a periodic LOAD write does.
 *   <li>Integration test registers TIMERITCR/TIMERITOP drive the outputs directly when enabled.
 * </ul>
 */
public final class CmsdkApbDualTimer implements MmioDevice {

  /** The register table (DDI 0479C, "Dual-input timers memory map"). */
  enum Reg implements RegisterBank.Register {
    TIMER1LOAD(0x00, Access.RW),
    TIMER1VALUE(0x04, Access.RO),
    TIMER1CONTROL(0x08, Access.RW),
    TIMER1INTCLR(0x0c, Access.WO),
    TIMER1RIS(0x10, Access.RO),
    TIMER1MIS(0x14, Access.RO),
    TIMER1BGLOAD(0x18, Access.RW),
    TIMER2LOAD(0x20, Access.RW),
    TIMER2VALUE(0x24, Access.RO),
    TIMER2CONTROL(0x28, Access.RW),
    TIMER2INTCLR(0x2c, Access.WO),
    TIMER2RIS(0x30, Access.RO),
    TIMER2MIS(0x34, Access.RO),
    TIMER2BGLOAD(0x38, Access.RW),
    TIMERITCR(0xf00, Access.RW),
    TIMERITOP(0xf04, Access.WO),
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

  static final int CONTROL_ONESHOT = 1 << 0;
  static final int CONTROL_SIZE = 1 << 1;
  static final int CONTROL_PRESCALE_SHIFT = 2;
  static final int CONTROL_PRESCALE = 3 << CONTROL_PRESCALE_SHIFT;
  static final int CONTROL_INTEN = 1 << 5;
  static final int CONTROL_MODE = 1 << 6;
  static final int CONTROL_ENABLE = 1 << 7;
  private static final int CONTROL_VALID = CONTROL_ONESHOT | CONTROL_SIZE | CONTROL_PRESCALE
      | CONTROL_INTEN | CONTROL_MODE | CONTROL_ENABLE;

  /** PID4..PID7, PID0..PID3, CID0..CID3. */
  private static final int[] ID = {
      0x04, 0x00, 0x00, 0x00, 0x23, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

  /** One of the two timer modules; field names follow the TRM's TIMERx registers. */
  private final class Module {
    final DownCounter counter;
    final IrqLine timint;
    int control;
    boolean ris;
    /** The full LOAD register; in 16-bit mode its upper half is only stored. */
    long load;
    /** Upper half of VALUE while in 16-bit mode. */
    long valueHigh;

    Module(Scheduler scheduler, IrqLine timint) {
      this.timint = timint;
      this.counter = new DownCounter(scheduler, this::onZero);
    }

    void reset() {
      control = CONTROL_INTEN;
      ris = false;
      load = 0;
      valueHigh = 0xffffffffL;
      // Power-on: free-running, 16-bit, so count and limit are both 0xFFFF (VALUE reads all ones).
      counter.reset(0xffff, 0xffff, cyclesPerTimclk);
    }

    boolean wide() {
      return (control & CONTROL_SIZE) != 0;
    }

    boolean periodic() {
      return (control & CONTROL_MODE) != 0;
    }

    boolean mis() {
      return ris && (control & CONTROL_INTEN) != 0;
    }

    long readLoad() {
      if (!periodic()) {
        return load;
      }
      long limit = counter.limit();
      return wide() ? limit : withLow16(load, limit);
    }

    long readValue() {
      long count = counter.count();
      return wide() ? count : withLow16(valueHigh, count);
    }

    void writeLoad(long value) {
      load = value;
      valueHigh = value;
      long v = wide() ? value : value & 0xffff;
      if (!periodic()) {
        // Free-running: LOAD sets the count but the wrap stays at the counter's full range.
        counter.setCount(v);
        return;
      }
      if (v == 0) {
        counter.stop();
      }
      counter.setLimit(v, true);
      if (v != 0 && (control & CONTROL_ENABLE) != 0) {
        // One-shot whatever CONTROL.ONESHOT says: QEMU 7.2's quirk (see the class comment).
        counter.run(true);
      }
    }

    void writeBgload(long value) {
      load = value;
      if (periodic()) {
        counter.setLimit(wide() ? value : value & 0xffff, false);
      }
    }

    void writeControl(int value) {
      int next = value & CONTROL_VALID;
      int changed = control ^ next;
      if ((changed & ~next & CONTROL_ENABLE) != 0) {
        counter.stop();
      }
      if ((changed & CONTROL_PRESCALE) != 0) {
        counter.setPeriod(prescaleDivisor(next) * cyclesPerTimclk);
      }
      if ((changed & CONTROL_MODE) != 0) {
        switchMode(next);
      }
      if ((changed & CONTROL_SIZE) != 0) {
        switchSize(next);
      }
      if ((next & CONTROL_ENABLE) != 0) {
        // Also restarts an expired one-shot that CONTROL has just made periodic or free-running.
        counter.run((next & CONTROL_ONESHOT) != 0);
      }
      if ((changed & (CONTROL_PRESCALE | CONTROL_SIZE)) != 0) {
        // Those changes reload QEMU's ptimer once the write is done, in the final mode.
        counter.settle();
      }
      control = next;
    }

    /** Free-running wraps at the counter's range; periodic wraps at LOAD. */
    private void switchMode(int next) {
      long limit;
      if ((next & CONTROL_MODE) != 0) {
        limit = load;
      } else {
        limit = counter.limit();
        if (!wide()) {
          limit = withLow16(load, limit);
        }
        load = limit;
        limit = 0xffffffffL;
      }
      if (!wide()) {
        limit &= 0xffff;
      }
      counter.setLimit(limit, false);
    }

    /** 16 <-> 32 bits: the upper halves of VALUE and LOAD are parked or restored. */
    private void switchSize(int next) {
      long value = counter.count();
      long limit = counter.limit();
      boolean toWide = (next & CONTROL_SIZE) != 0;
      if (toWide) {
        value = withLow16(valueHigh, value);
      } else {
        valueHigh = value;
        value &= 0xffff;
      }
      if ((next & CONTROL_MODE) != 0) {
        if (toWide) {
          limit = withLow16(load, limit);
        } else {
          load = limit;
          limit &= 0xffff;
        }
      } else {
        limit = toWide ? 0xffffffffL : 0xffff;
      }
      counter.setCount(value);
      counter.setLimit(limit, false);
    }

    private void onZero() {
      ris = true;
      updateIrq();
    }
  }

  private final RegisterBank<Reg> regs;
  private final IrqLine timintc;
  private final long cyclesPerTimclk;
  private final Module[] modules;
  private int timeritcr;
  private int timeritop;

  /**
   * @param name device name for logs
   * @param scheduler the machine's scheduler
   * @param timclkHz TIMCLK; must divide the core clock
   * @param timint1 TIMINT1 (module 1 alone)
   * @param timint2 TIMINT2 (module 2 alone)
   * @param timintc TIMINTC (either module), the line AN385 wires to the NVIC
   */
  public CmsdkApbDualTimer(String name, Scheduler scheduler, long timclkHz,
      IrqLine timint1, IrqLine timint2, IrqLine timintc) {
    this.regs = new RegisterBank<>(name, Reg.class);
    this.timintc = timintc;
    this.cyclesPerTimclk = Clocks.cyclesPerTick(scheduler.clock().hz(), timclkHz, name);
    this.modules = new Module[] {new Module(scheduler, timint1), new Module(scheduler, timint2)};
    reset();
  }

  @Override
  public void reset() {
    for (Module m : modules) {
      m.reset();
    }
    timeritcr = 0;
    timeritop = 0;
    updateIrq();
  }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null) {
      return 0;
    }
    long v = switch (r) {
      case TIMER1LOAD, TIMER1BGLOAD -> modules[0].readLoad();
      case TIMER2LOAD, TIMER2BGLOAD -> modules[1].readLoad();
      case TIMER1VALUE -> modules[0].readValue();
      case TIMER2VALUE -> modules[1].readValue();
      case TIMER1CONTROL -> modules[0].control;
      case TIMER2CONTROL -> modules[1].control;
      case TIMER1RIS -> modules[0].ris ? 1 : 0;
      case TIMER2RIS -> modules[1].ris ? 1 : 0;
      case TIMER1MIS -> modules[0].mis() ? 1 : 0;
      case TIMER2MIS -> modules[1].mis() ? 1 : 0;
      case TIMERITCR -> timeritcr;
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
    long v = RegisterBank.truncate(value, size) & 0xffffffffL;
    switch (r) {
      case TIMER1LOAD -> modules[0].writeLoad(v);
      case TIMER2LOAD -> modules[1].writeLoad(v);
      case TIMER1BGLOAD -> modules[0].writeBgload(v);
      case TIMER2BGLOAD -> modules[1].writeBgload(v);
      case TIMER1CONTROL -> writeControl(modules[0], (int) v);
      case TIMER2CONTROL -> writeControl(modules[1], (int) v);
      case TIMER1INTCLR -> modules[0].ris = false;
      case TIMER2INTCLR -> modules[1].ris = false;
      case TIMERITCR -> timeritcr = (int) v & 1;
      case TIMERITOP -> timeritop = (int) v & 3;
      default -> throw new AssertionError(r);
    }
    updateIrq();
  }

  private void writeControl(Module m, int value) {
    if (((value & CONTROL_PRESCALE) >> CONTROL_PRESCALE_SHIFT) == 3) {
      GuestError.log(regs.device(), "CONTROL.PRESCALE=0b11 is undefined; dividing by 256");
    }
    m.writeControl(value);
  }

  /** TIMINT1/2 are each module's MIS (or TIMERITOP in test mode); TIMINTC is their OR. */
  private void updateIrq() {
    boolean int1;
    boolean int2;
    if ((timeritcr & 1) != 0) {
      int1 = (timeritop & 1) != 0;
      int2 = (timeritop & 2) != 0;
    } else {
      int1 = modules[0].mis();
      int2 = modules[1].mis();
    }
    modules[0].timint.set(int1);
    modules[1].timint.set(int2);
    timintc.set(int1 || int2);
  }

  private static long prescaleDivisor(int control) {
    return switch ((control & CONTROL_PRESCALE) >> CONTROL_PRESCALE_SHIFT) {
      case 0 -> 1;
      case 1 -> 16;
      default -> 256;
    };
  }

  private static long withLow16(long high, long low) {
    return (high & 0xffff0000L) | (low & 0xffff);
  }
}
