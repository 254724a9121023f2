package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;

/**
 * The IRQ output and its configuration register IRQ_CFG (datasheet 5.3, IRQ_CFG, and the
 * "Interrupts" section).
 *
 * <p>IRQ_INT follows "an enabled interrupt is pending"; IRQ_EN gates the pin. After the pin
 * deasserts it stays deasserted for INT_DEAS x 10 us (the deassertion interval, INT_DEAS_STS
 * reads 1 meanwhile); writing INT_DEAS_CLR or INT_DEAS = 0 ends the interval at once.
 *
 * <p>Board quirk, as QEMU models it: the NVIC input is active high, and the pin only reads
 * active high when configured push-pull (IRQ_TYPE) and active high (IRQ_POL); any other
 * configuration inverts the level, so the line idles asserted. IRQ_TYPE and IRQ_POL survive a
 * soft reset (datasheet: not affected by software reset), so the idle level does too.
 *
 * <p>As in QEMU, whose device reset does not recompute the output, the pin is not driven
 * after power-on until the device first updates it (a register write, a received frame): the
 * NVIC sees the line low until then, so software may pend and clear IRQ 13 freely before the
 * driver touches the controller.
 */
final class IrqPin {
  static final int INT_DEAS_SHIFT = 24;
  static final int INT_DEAS_CLR = 1 << 14;
  static final int INT_DEAS_STS = 1 << 13;
  static final int IRQ_INT = 1 << 12;
  static final int IRQ_EN = 1 << 8;
  static final int IRQ_POL = 1 << 4;
  static final int IRQ_TYPE = 1;
  static final long DEAS_UNIT_NANOS = 10_000;

  private final Scheduler scheduler;
  private final IrqLine line;
  private int intDeas;
  private int config;
  private boolean pending;
  private boolean asserted;
  private boolean driven;
  private Scheduler.Event interval;

  IrqPin(Scheduler scheduler, IrqLine line) {
    this.scheduler = scheduler;
    this.line = line;
  }

  /** Power-on: everything clear, the line not driven (see the class comment). */
  void powerOnReset() {
    config = 0;
    clear();
    driven = false;
  }

  /** Soft reset: IRQ_POL and IRQ_TYPE are kept; the line is driven (the line then idles
   * asserted unless IRQ_CFG selects push-pull active high). */
  void softReset() {
    clear();
    driven = true;
    drive();
  }

  private void clear() {
    config &= IRQ_POL | IRQ_TYPE;
    intDeas = 0;
    endInterval();
    asserted = false;
    pending = false;
  }

  int read() {
    return intDeas << INT_DEAS_SHIFT
        | (interval != null ? INT_DEAS_STS : 0)
        | (pending ? IRQ_INT : 0)
        | config;
  }

  void write(int value) {
    intDeas = value >>> INT_DEAS_SHIFT;
    config = value & (IRQ_EN | IRQ_POL | IRQ_TYPE);
    if ((value & INT_DEAS_CLR) != 0 || intDeas == 0) {
      endInterval();
    }
    update(pending);
  }

  /** Recomputes the pin from whether any enabled interrupt is pending, and drives it. */
  void update(boolean anyPending) {
    driven = true;
    pending = anyPending;
    boolean assertNow = pending && (config & IRQ_EN) != 0 && interval == null;
    if (asserted && !assertNow && intDeas != 0) {
      interval = scheduler.scheduleIn(
          scheduler.clock().nanosToCycles(intDeas * DEAS_UNIT_NANOS), this::onIntervalOver);
    }
    asserted = assertNow;
    drive();
  }

  boolean asserted() {
    return asserted;
  }

  private void onIntervalOver() {
    interval = null;
    update(pending);
  }

  private void endInterval() {
    if (interval != null) {
      interval.cancel();
      interval = null;
    }
  }

  private void drive() {
    if (!driven) {
      return;
    }
    boolean activeHigh = (config & (IRQ_TYPE | IRQ_POL)) == (IRQ_TYPE | IRQ_POL);
    line.set(activeHigh == asserted);
  }
}
