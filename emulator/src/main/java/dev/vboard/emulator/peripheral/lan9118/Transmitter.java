package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.time.Scheduler;

/**
 * The transmit side of the MAC and its control register TX_CFG (datasheet 5.3 and 3.13.2): takes
 * complete frames from the {@link TxDataFifo} one at a time, keeps each on the wire for its
 * serialisation time at the PHY's speed plus the interframe gap, and writes a TX status word
 * when it has gone. QEMU sends at the moment the last data word is written and ignores TX_ON;
 * here nothing leaves unless TX_CFG.TX_ON and MAC_CR.TXEN are both set, as on the chip.
 *
 * <p>TX status (datasheet 3.13.2): bits 31:16 the packet tag, 15 error status, 11 loss of
 * carrier, 10 no carrier. Without carrier (link down, PHY powered down) the frame is lost and
 * its status says so. When the TX status FIFO is full the transmitter waits for the host to read
 * it, unless TXSAO allows the overrun, in which case the status is dropped and TXSO raised.
 * STOP_TX lets the frame on the wire finish, then clears TX_ON and raises TXSTOP_INT.
 */
final class Transmitter {
  static final int STOP_TX = 1;
  static final int TX_ON = 1 << 1;
  static final int TXSAO = 1 << 2;
  static final int TXD_DUMP = 1 << 14;
  static final int TXS_DUMP = 1 << 15;

  static final int STATUS_ES = 1 << 15;
  static final int STATUS_LOSS_OF_CARRIER = 1 << 11;
  static final int STATUS_NO_CARRIER = 1 << 10;

  /** What the rest of the controller does with the transmitter's results. */
  interface Events {
    /** The frame's last bit has left: send it to the cable (or loop it back). */
    void frameSent(TxFrame frame);

    /** A TX status word was written, or TX data FIFO space was freed. */
    void fifoLevelsChanged();

    /** Whether a frame can leave now: carrier on the cable, or a loopback path. */
    boolean carrier();
  }

  private final Scheduler scheduler;
  private final TxDataFifo data;
  private final WordFifo status;
  private final Phy phy;
  private final InterruptSink sink;
  private final Events events;
  private int txCfg;
  private boolean macTxEnabled;
  private TxFrame onWire;
  private Scheduler.Event done;
  private long wireFreeAt;

  Transmitter(Scheduler scheduler, TxDataFifo data, WordFifo status, Phy phy,
      InterruptSink sink, Events events) {
    this.scheduler = scheduler;
    this.data = data;
    this.status = status;
    this.phy = phy;
    this.sink = sink;
    this.events = events;
  }

  /** Reset: TX_CFG cleared; a frame on the wire is cut off and lost. */
  void reset() {
    if (done != null) {
      done.cancel();
      done = null;
    }
    onWire = null;
    txCfg = 0;
    macTxEnabled = false;
    wireFreeAt = 0;
  }

  int txCfg() {
    return txCfg;
  }

  void writeTxCfg(int value) {
    if ((value & TXS_DUMP) != 0) {
      status.clear();
    }
    if ((value & TXD_DUMP) != 0) {
      data.dump();
      events.fifoLevelsChanged();
    }
    // Writes to STOP_TX are ignored while a stop is in progress.
    int stop = (txCfg & STOP_TX) != 0 ? STOP_TX : value & STOP_TX;
    txCfg = (value & (TX_ON | TXSAO)) | stop;
    if ((txCfg & STOP_TX) != 0 && onWire == null) {
      stopped();
    }
    kick();
  }

  /** MAC_CR.TXEN changed. */
  void setMacTxEnabled(boolean enabled) {
    macTxEnabled = enabled;
    kick();
  }

  /** Starts the next frame if the transmitter is idle, enabled and has somewhere to report. */
  void kick() {
    if (onWire != null || (txCfg & TX_ON) == 0 || (txCfg & STOP_TX) != 0 || !macTxEnabled) {
      return;
    }
    TxFrame next = data.peekReady();
    if (next == null || (status.isFull() && (txCfg & TXSAO) == 0)) {
      return;
    }
    onWire = data.take();
    long start = Math.max(scheduler.clock().now(), wireFreeAt);
    long end = start + WireTiming.frameCycles(scheduler.clock(), onWire.withoutFcs().length,
        phy.nanosPerBit());
    done = scheduler.scheduleAt(end, this::onFrameDone);
  }

  private void onFrameDone() {
    TxFrame f = onWire;
    onWire = null;
    done = null;
    wireFreeAt = scheduler.clock().now()
        + WireTiming.gapCycles(scheduler.clock(), phy.nanosPerBit());
    data.release(f);
    int word = (f.tag() & 0xffff) << 16;
    if (events.carrier()) {
      events.frameSent(f);
    } else {
      word |= STATUS_ES | STATUS_NO_CARRIER | STATUS_LOSS_OF_CARRIER;
    }
    if (!status.push(word)) {
      sink.raise(IntSts.TXSO);
    }
    events.fifoLevelsChanged();
    if ((txCfg & STOP_TX) != 0) {
      stopped();
    }
    kick();
  }

  private void stopped() {
    txCfg &= ~(STOP_TX | TX_ON);
    sink.raise(IntSts.TXSTOP_INT);
  }
}
