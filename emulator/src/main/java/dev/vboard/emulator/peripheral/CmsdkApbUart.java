package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;
import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.serial.CharBackend;
import dev.vboard.emulator.time.HostEvents;
import dev.vboard.emulator.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARM CMSDK APB UART: 8N1, one-byte transmit and receive buffers, five interrupt outputs
 * (Cortex-M System Design Kit TRM, ARM DDI 0479C, "APB UART"). QEMU 7.2
 * {@code hw/char/cmsdk-apb-uart.c} is the behavioural reference; register read-backs and IDs
 * were checked against qemu-system-arm 7.2.
 *
 * <p><b>Transmit timing.</b> QEMU hands each byte to its backend during the DATA write, so
 * firmware sees STATE.TXFULL clear and INTSTATUS.TX set (when TXINTEN) straight after the
 * write, and TXFULL is never seen set while TX is enabled. This model keeps that register
 * behaviour exactly, so transmission takes no virtual time: the byte reaches the
 * {@link CharBackend} at the write. Pacing TX at one frame (10 x BAUDDIV PCLK cycles) was
 * tried and rejected: it makes TXFULL visible, and firmware validated on QEMU that writes DATA
 * without polling TXFULL (our own {@code uart_rx.c} test firmware does, right after printf)
 * then loses bytes, which QEMU never does. Output is also never lost when the guest exits
 * right after its last write.
 *
 * <p><b>Receive polling.</b> The UART asks the backend for a byte once per frame while
 * CTRL.RXEN is set, STATE.RXFULL is clear and the backend's input is not closed; reading DATA
 * or enabling RX re-arms the poll. The rule for idle-skip: a backend read on demand whose input
 * may still deliver (a file, an open in-memory backend) keeps one poll event per frame in the
 * scheduler, so bytes arrive at the same virtual times on every run; once it reports
 * {@link CharBackend#inputClosed()} (null backend, end of file) no poll is scheduled and
 * idle-skip jumps freely. A backend fed by a host thread (stdin bound to the machine) answers
 * {@link CharBackend#WAIT} instead of -1 when it has nothing: the UART then schedules nothing
 * and asks again when the scheduler's {@link HostEvents} signal new input, at the virtual time
 * it is noticed, so an idle machine with an open but silent terminal still jumps to its next
 * timer. With BAUDDIV below 16 the poll period is the frame at the fastest legal rate
 * (BAUDDIV = 16, 160 PCLK cycles).
 *
 * <p>Quirks kept from QEMU: RX never overruns (no byte is taken while RXFULL is set); reading
 * DATA clears RXFULL but not INTSTATUS.RX; the overrun interrupt bits are STATE overrun AND the
 * CTRL overrun enables; clearing INTSTATUS.TXO/RXO clears the STATE overrun bits. A byte
 * written while TX is disabled stays in the buffer with TXFULL set, and every later write sets
 * TXOVERRUN and replaces it; enabling TX does not send it, so the transmitter stays silent
 * until reset. That is QEMU 7.2's behaviour (checked on qemu-system-arm 7.2 and pinned by the
 * {@code uart_tx_disabled} firmware test), kept so that firmware sees what it sees on QEMU.
 */
public final class CmsdkApbUart implements MmioDevice {

  /** The register table (DDI 0479C, table "APB UART memory map"). */
  enum Reg implements RegisterBank.Register {
    DATA(0x000, Access.RC),
    STATE(0x004, Access.W1C),
    CTRL(0x008, Access.RW),
    INTSTATUS(0x00c, Access.W1C),
    BAUDDIV(0x010, Access.RW),
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

  static final int STATE_TXFULL = 1 << 0;
  static final int STATE_RXFULL = 1 << 1;
  static final int STATE_TXOVERRUN = 1 << 2;
  static final int STATE_RXOVERRUN = 1 << 3;
  static final int CTRL_TXEN = 1 << 0;
  static final int CTRL_RXEN = 1 << 1;
  static final int CTRL_TXINTEN = 1 << 2;
  static final int CTRL_RXINTEN = 1 << 3;
  static final int CTRL_TXOINTEN = 1 << 4;
  static final int CTRL_RXOINTEN = 1 << 5;
  static final int CTRL_HSTEST = 1 << 6;
  static final int INT_TX = 1 << 0;
  static final int INT_RX = 1 << 1;
  static final int INT_TXO = 1 << 2;
  static final int INT_RXO = 1 << 3;

  /** Bits per frame: start, 8 data, stop. */
  static final int FRAME_BITS = 10;
  /** The smallest legal BAUDDIV (TRM); RX polls at least this fast when BAUDDIV is lower. */
  static final int MIN_BAUDDIV = 16;

  /** PID4..PID7, PID0..PID3, CID0..CID3. */
  private static final int[] ID = {
      0x04, 0x00, 0x00, 0x00, 0x21, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

  /** {@code --trace uart}: every byte sent and received. */
  private static final Logger TRACE = LoggerFactory.getLogger("vboard.uart");

  private final String name;
  private final RegisterBank<Reg> regs;
  private final Scheduler scheduler;
  private final long cyclesPerPclk;
  private final IrqLine txint;
  private final IrqLine rxint;
  private final IrqLine txovrint;
  private final IrqLine rxovrint;
  private final IrqLine uartint;
  private CharBackend backend;

  private int state;
  private int ctrl;
  private int intstatus;
  private int bauddiv;
  private int txbuf;
  private int rxbuf;
  private Scheduler.Event rxEvent;

  /**
   * @param name device name for logs
   * @param scheduler the machine's scheduler
   * @param pclkHz the APB clock; must divide the core clock
   * @param backend where TX goes and RX comes from
   * @param lines TXINT, RXINT, TXOVRINT, RXOVRINT and UARTINT outputs
   */
  public CmsdkApbUart(String name, Scheduler scheduler, long pclkHz, CharBackend backend,
      Lines lines) {
    this.name = name;
    this.regs = new RegisterBank<>(name, Reg.class);
    this.scheduler = scheduler;
    this.cyclesPerPclk = Clocks.cyclesPerTick(scheduler.clock().hz(), pclkHz, name);
    this.backend = backend;
    this.txint = lines.txint();
    this.rxint = lines.rxint();
    this.txovrint = lines.txovrint();
    this.rxovrint = lines.rxovrint();
    this.uartint = lines.uartint();
    scheduler.hostEvents().addListener(this::hostInput);
    reset();
  }

  /** The five interrupt outputs of the UART, as DDI 0479C names them. */
  public record Lines(IrqLine txint, IrqLine rxint, IrqLine txovrint, IrqLine rxovrint,
      IrqLine uartint) {
    /** All five unconnected. */
    public static Lines none() {
      return new Lines(IrqLine.UNCONNECTED, IrqLine.UNCONNECTED, IrqLine.UNCONNECTED,
          IrqLine.UNCONNECTED, IrqLine.UNCONNECTED);
    }
  }

  /** The far end of the serial line. */
  public CharBackend backend() {
    return backend;
  }

  /** Reconnects the serial line (e.g. a test swaps in a fresh buffer); takes effect now. */
  public void setBackend(CharBackend backend) {
    this.backend = backend;
    cancel(rxEvent);
    rxEvent = null;
    armReceive();
  }

  @Override
  public void reset() {
    cancel(rxEvent);
    rxEvent = null;
    state = 0;
    ctrl = 0;
    intstatus = 0;
    bauddiv = 0;
    txbuf = 0;
    rxbuf = 0;
    updateIrq();
  }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null) {
      return 0;
    }
    int v = switch (r) {
      case DATA -> readData();
      case STATE -> state;
      case CTRL -> ctrl;
      case INTSTATUS -> intstatus;
      case BAUDDIV -> bauddiv;
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
      case DATA -> writeData(value & 0xff);
      case STATE -> {
        // TXFULL and RXFULL are read-only; the overrun bits are write-one-to-clear.
        state &= ~(value & (STATE_TXOVERRUN | STATE_RXOVERRUN));
        updateIrq();
      }
      case CTRL -> writeCtrl(value);
      case INTSTATUS -> {
        // INTCLEAR: clearing TXO/RXO clears the STATE overrun bits they mirror.
        state &= ~(value & (INT_TXO | INT_RXO));
        intstatus &= ~value;
        updateIrq();
      }
      case BAUDDIV -> bauddiv = value & 0xfffff;
      default -> throw new AssertionError(r);
    }
  }

  /**
   * Recomputes all five outputs from state. The overrun interrupt bits are not latched: they are
   * STATE's overrun bits masked by the CTRL overrun enables, as in the TRM and QEMU.
   */
  private void updateIrq() {
    int overruns = INT_TXO | INT_RXO;
    intstatus = (intstatus & ~overruns) | (state & (ctrl >> 2) & overruns);
    txint.set((intstatus & INT_TX) != 0);
    rxint.set((intstatus & INT_RX) != 0);
    txovrint.set((intstatus & INT_TXO) != 0);
    rxovrint.set((intstatus & INT_RXO) != 0);
    uartint.set(intstatus != 0);
  }

  // ---- transmit -------------------------------------------------------------------------------

  private void writeData(int b) {
    if ((state & STATE_TXFULL) != 0) {
      // Only reachable after a write with TX disabled: the new byte replaces the stuck one and
      // nothing is sent (QEMU leaves it to a transmit that never comes).
      state |= STATE_TXOVERRUN;
      GuestError.log(regs.device(), "DATA written while TXFULL: byte 0x%02x replaced", txbuf);
      txbuf = b;
      updateIrq();
      return;
    }
    txbuf = b;
    state |= STATE_TXFULL;
    transmitBufferedByte();
    updateIrq();
  }

  /** Sends the buffered byte if TX is enabled; the buffer going empty raises TX (TRM, QEMU). */
  private void transmitBufferedByte() {
    if ((state & STATE_TXFULL) == 0 || (ctrl & CTRL_TXEN) == 0) {
      return;
    }
    if (TRACE.isTraceEnabled()) {
      TRACE.trace("{} tx 0x{}", name, String.format("%02x", txbuf));
    }
    backend.transmit(txbuf);
    state &= ~STATE_TXFULL;
    if ((ctrl & CTRL_TXINTEN) != 0) {
      intstatus |= INT_TX;
    }
  }

  /** Core cycles of one frame at the programmed BAUDDIV, or at the fastest legal one below it. */
  private long frameCycles() {
    return FRAME_BITS * (long) Math.max(bauddiv, MIN_BAUDDIV) * cyclesPerPclk;
  }

  // ---- control --------------------------------------------------------------------------------

  private void writeCtrl(int value) {
    ctrl = value & 0x7f;
    if ((ctrl & CTRL_TXEN) != 0 && bauddiv < MIN_BAUDDIV) {
      GuestError.log(regs.device(), "TX enabled with invalid BAUDDIV %d", bauddiv);
    }
    if ((ctrl & CTRL_HSTEST) != 0) {
      GuestError.unimplemented(regs.device(), "high-speed test mode (CTRL.HSTEST)");
    }
    // No transmit here: a byte stuck in the buffer stays stuck, as in QEMU (see class comment).
    if ((ctrl & CTRL_RXEN) == 0) {
      cancel(rxEvent);
      rxEvent = null;
    } else {
      armReceive();
    }
    updateIrq();
  }

  // ---- receive --------------------------------------------------------------------------------

  private int readData() {
    int r = rxbuf;
    state &= ~STATE_RXFULL;
    updateIrq();
    armReceive();
    return r;
  }

  /** Schedules the next poll of the backend, one frame from now, if a byte could be taken. */
  private void armReceive() {
    if (rxEvent != null || (ctrl & CTRL_RXEN) == 0 || (state & STATE_RXFULL) != 0
        || backend.inputClosed()) {
      return;
    }
    rxEvent = scheduler.scheduleIn(frameCycles(), this::pollReceive);
  }

  private void pollReceive() {
    rxEvent = null;
    if ((ctrl & CTRL_RXEN) == 0 || (state & STATE_RXFULL) != 0) {
      return;
    }
    int b = backend.poll();
    if (b >= 0) {
      receive(b & 0xff);
    } else if (b == CharBackend.WAIT) {
      return; // the backend signals when input comes: see hostInput
    }
    armReceive();
  }

  /** A host thread signalled input: take it now unless a poll is already on its way. */
  private void hostInput() {
    if (rxEvent == null) {
      pollReceive();
    }
  }

  private void receive(int b) {
    if (TRACE.isTraceEnabled()) {
      TRACE.trace("{} rx 0x{}", name, String.format("%02x", b));
    }
    rxbuf = b;
    state |= STATE_RXFULL;
    if ((ctrl & CTRL_RXINTEN) != 0) {
      intstatus |= INT_RX;
    }
    updateIrq();
  }

  private static void cancel(Scheduler.Event event) {
    if (event != null) {
      event.cancel();
    }
  }
}
