package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.time.VirtualClock;
import java.util.function.IntConsumer;

/**
 * MPS2 "FPGA system control and I/O" block: user LEDs, buttons, free-running 1 Hz and 100 Hz
 * counters, a prescaled cycle counter and MISC control bits (Application Note AN385, "FPGA
 * IO"; the same block is documented in AN505). QEMU 7.2 {@code hw/misc/mps2-fpgaio.c} with
 * the AN385 settings (2 LEDs, no switches, no DBGCTRL, 25 MHz prescale clock) is the
 * behavioural reference.
 *
 * <p>Every counter is derived from virtual time, never from the host: CLK1HZ and CLK100HZ
 * count whole periods since reset (or since written), and COUNTER increments each time PSCNTR
 * has counted PRESCALE + 1 prescale-clock ticks. Quirks, as QEMU: PSCNTR holds at 0 for one
 * tick before reloading from PRESCALE, and COUNTER increments at that reload; with PRESCALE = 0
 * COUNTER increments every tick. MISC bits (SPI/CLCD control on the board) read back as written
 * and do nothing. BUTTON reads 0 unless the host presses buttons with {@link #setButtons}.
 */
public final class Mps2FpgaIo implements MmioDevice {

  /** The register table (AN385, "FPGA IO" register map). */
  enum Reg implements RegisterBank.Register {
    LED0(0x00, Access.RW),
    DBGCTRL(0x04, Access.RW),
    BUTTON(0x08, Access.RO),
    CLK1HZ(0x10, Access.RW),
    CLK100HZ(0x14, Access.RW),
    COUNTER(0x18, Access.RW),
    PRESCALE(0x1c, Access.RW),
    PSCNTR(0x20, Access.RW),
    SWITCH(0x28, Access.RO),
    MISC(0x4c, Access.RW);

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

  /** Board options, as QEMU's device properties. */
  public record Config(long prescaleClkHz, int numLeds, boolean hasSwitches, boolean hasDbgctrl) {
    /** AN385 as QEMU 7.2 builds it. */
    public static Config an385() {
      return new Config(25_000_000, 2, false, false);
    }
  }

  private final RegisterBank<Reg> regs;
  private final VirtualClock clock;
  private final Config config;
  private final long cyclesPerPrescaleTick;
  private IntConsumer ledListener = leds -> { };
  private int buttons;
  private int switches;

  private int led0;
  private int dbgctrl;
  private int misc;
  private long prescale;
  private long counter;
  private long pscntr;
  /** Cycle of the last whole prescale tick folded into counter/pscntr. */
  private long pscntrSyncAt;
  /** Cycle at which CLK1HZ / CLK100HZ were zero. */
  private long clk1hzZeroAt;
  private long clk100hzZeroAt;

  public Mps2FpgaIo(String name, VirtualClock clock, Config config) {
    this.regs = new RegisterBank<>(name, Reg.class);
    this.clock = clock;
    this.config = config;
    this.cyclesPerPrescaleTick = Clocks.cyclesPerTick(clock.hz(), config.prescaleClkHz(), name);
    if (config.numLeds() < 0 || config.numLeds() > 32) {
      throw new IllegalArgumentException(name + ": num-leds must be 0..32");
    }
    reset();
  }

  /** Called with the LED0 bits whenever the guest writes LED0 (bit n = USERLEDn lit). */
  public void setLedListener(IntConsumer listener) {
    this.ledListener = listener;
  }

  /** The LED0 bits the guest last wrote. */
  public int leds() {
    return led0;
  }

  /** Host side of the push-buttons: bit n set = button n pressed. */
  public void setButtons(int bits) {
    this.buttons = bits;
  }

  /** Host side of the slide switches (only boards with a SWITCH register). */
  public void setSwitches(int bits) {
    this.switches = bits;
  }

  @Override
  public void reset() {
    long now = clock.now();
    led0 = 0;
    dbgctrl = 0;
    misc = 0;
    prescale = 0;
    counter = 0;
    pscntr = 0;
    pscntrSyncAt = now;
    clk1hzZeroAt = now;
    clk100hzZeroAt = now;
  }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null || !present(r)) {
      return 0;
    }
    long v = switch (r) {
      case LED0 -> led0;
      case DBGCTRL -> dbgctrl;
      case BUTTON -> buttons;
      case CLK1HZ -> periodsSince(clk1hzZeroAt, 1);
      case CLK100HZ -> periodsSince(clk100hzZeroAt, 100);
      case COUNTER -> {
        resync();
        yield counter;
      }
      case PSCNTR -> {
        resync();
        yield pscntr;
      }
      case PRESCALE -> prescale;
      case SWITCH -> switches;
      case MISC -> misc;
    };
    return RegisterBank.truncate((int) v, size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Reg r = regs.forWrite(offset, value);
    if (r == null || !present(r)) {
      return;
    }
    value = RegisterBank.truncate(value, size);
    long v = value & 0xffffffffL;
    switch (r) {
      case LED0 -> writeLeds(value);
      case DBGCTRL -> {
        GuestError.unimplemented(regs.device(), "DBGCTRL");
        dbgctrl = value;
      }
      case CLK1HZ -> clk1hzZeroAt = zeroAtFor(v, 1);
      case CLK100HZ -> clk100hzZeroAt = zeroAtFor(v, 100);
      case COUNTER -> {
        resync();
        counter = v;
      }
      case PRESCALE -> {
        resync();
        prescale = v;
      }
      case PSCNTR -> {
        resync();
        pscntr = v;
      }
      case MISC -> {
        GuestError.unimplemented(regs.device(), "MISC control bits 0x%x", value);
        misc = value;
      }
      default -> throw new AssertionError(r);
    }
  }

  /** DBGCTRL and SWITCH exist only on some FPGA images; elsewhere they are bad offsets. */
  private boolean present(Reg r) {
    boolean present = switch (r) {
      case DBGCTRL -> config.hasDbgctrl();
      case SWITCH -> config.hasSwitches();
      default -> true;
    };
    if (!present) {
      GuestError.log(regs.device(), "access to %s, absent on this board", r.name());
    }
    return present;
  }

  private void writeLeds(int value) {
    int mask = config.numLeds() == 32 ? -1 : (1 << config.numLeds()) - 1;
    led0 = value & mask;
    ledListener.accept(led0);
  }

  /** Whole periods of a {@code hz} clock since cycle {@code zeroAt}, modulo 2^32. */
  private long periodsSince(long zeroAt, long hz) {
    long elapsed = clock.now() - zeroAt;
    long core = clock.hz();
    return (elapsed / core * hz + elapsed % core * hz / core) & 0xffffffffL;
  }

  /** The cycle at which a {@code hz} counter that reads {@code value} now was zero. */
  private long zeroAtFor(long value, long hz) {
    long core = clock.hz();
    return clock.now() - (value / hz * core + value % hz * core / hz);
  }

  /**
   * Folds the prescale ticks since the last sync into PSCNTR and COUNTER, moving the sync point
   * only to the last whole tick so that repeated reads within one tick lose no time.
   */
  private void resync() {
    long ticks = (clock.now() - pscntrSyncAt) / cyclesPerPrescaleTick;
    if (ticks == 0) {
      return;
    }
    if (ticks < pscntr) {
      pscntr -= ticks;
    } else if (prescale == 0) {
      counter += ticks - pscntr;
      pscntr = 0;
    } else {
      // Ticks past the first zero, counted from the start of a PRESCALE + 1 reload cycle.
      long y = ticks - pscntr + prescale;
      pscntr = prescale - y % (prescale + 1);
      counter += y / (prescale + 1);
    }
    counter &= 0xffffffffL;
    pscntrSyncAt += ticks * cyclesPerPrescaleTick;
  }
}
