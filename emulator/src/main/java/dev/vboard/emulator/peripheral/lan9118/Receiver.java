package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.peripheral.GuestError;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive side of the MAC and the host's view of it: RX_CFG, RX_DP_CTRL and RX_DROP
 * (datasheet 5.3 and 3.13). A frame from the cable is taken while MAC_CR.RXEN
 * is set, padded to the 60-byte minimum the sender's MAC puts on the wire, run through the
 * {@link AddressFilter}, given its FCS and RX status word and stored in the {@link RxFifo}. If
 * either FIFO lacks room the frame is dropped and counted in RX_DROP (RXDF_INT; RXDFH_INT when
 * the counter reaches half its range).
 *
 * <p>RX status (datasheet 3.13.3): bit 30 filtering fail (kept only with RXALL), 29:16 length
 * including the FCS, 15 error status, 13 broadcast, 10 multicast, 7 frame too long (over 1518
 * bytes, counted as an error), 5 frame type (Ethernet II). The FCS is always good here, so no
 * CRC, runt, collision or dribbling errors occur.
 */
final class Receiver {
  static final int RX_CFG_RX_DUMP = 1 << 15;
  static final int RX_CFG_WRITABLE = 0xcfff_1f00;
  static final int RX_DP_CTRL_RX_FFWD = 1 << 31;

  static final int STATUS_FILTER_FAIL = 1 << 30;
  static final int STATUS_ES = 1 << 15;
  static final int STATUS_BROADCAST = 1 << 13;
  static final int STATUS_MULTICAST = 1 << 10;
  static final int STATUS_FRAME_TOO_LONG = 1 << 7;
  /** Longest frame without FCS that the MAC takes; longer ones trip the receive watchdog. */
  static final int MAX_FRAME = 2044;
  static final int MAX_STANDARD_FRAME = 1518;

  private static final Logger NET = LoggerFactory.getLogger("vboard.net");

  private final String device;
  private final MacCsrs mac;
  private final RxFifo fifo;
  private final InterruptSink sink;
  private final Runnable stored;
  private int rxCfg;
  private int rxDrop;

  /**
   * @param stored told after each frame is stored, to check the RX FIFO level interrupts
   */
  Receiver(String device, MacCsrs mac, RxFifo fifo, InterruptSink sink, Runnable stored) {
    this.device = device;
    this.mac = mac;
    this.fifo = fifo;
    this.sink = sink;
    this.stored = stored;
  }

  void reset() {
    rxCfg = 0;
    rxDrop = 0;
    fifo.dump();
  }

  // ---- from the cable ------------------------------------------------------------------------

  /** The MAC receives a frame (destination address first, no FCS). */
  void receive(byte[] frame) {
    int macCr = mac.macCr();
    if ((macCr & MacCsrs.MAC_CR_RXEN) == 0) {
      return;
    }
    if (frame.length > MAX_FRAME) {
      NET.debug("{}: {}-byte frame trips the receive watchdog, dropped", device, frame.length);
      return;
    }
    byte[] wire = frame.length < WireTiming.MIN_FRAME_BYTES
        ? Arrays.copyOf(frame, WireTiming.MIN_FRAME_BYTES) : frame;
    boolean pass = AddressFilter.accepts(wire, macCr, mac.address(), mac.hashH(), mac.hashL());
    if (!pass && (macCr & MacCsrs.MAC_CR_RXALL) == 0) {
      return;
    }
    byte[] withFcs = Arrays.copyOf(wire, wire.length + WireTiming.FCS_BYTES);
    System.arraycopy(EthernetCrc.qemuRxCrc(wire, wire.length), 0, withFcs, wire.length,
        WireTiming.FCS_BYTES);
    if (!fifo.push(RxFifo.layout(withFcs, rxCfg), status(wire, withFcs.length, pass))) {
      countDrop();
      return;
    }
    stored.run();
  }

  static int status(byte[] frame, int lengthWithFcs, boolean pass) {
    int status = lengthWithFcs << 16;
    if (!pass) {
      status |= STATUS_FILTER_FAIL;
    }
    if (AddressFilter.isBroadcast(frame)) {
      status |= STATUS_BROADCAST;
    } else if ((frame[0] & 1) != 0) {
      status |= STATUS_MULTICAST;
    }
    if (lengthWithFcs > MAX_STANDARD_FRAME) {
      status |= STATUS_FRAME_TOO_LONG | STATUS_ES;
    }
    // The datasheet's Frame Type bit (5, set for Ethernet II frames) stays clear, as QEMU 7.2
    // never sets it: firmware dumping RX status words sees QEMU's values.
    return status;
  }

  private void countDrop() {
    if (rxDrop != -1) {
      rxDrop++;
    }
    sink.raise(rxDrop == 0x8000_0000 ? IntSts.RXDF_INT | IntSts.RXDFH_INT : IntSts.RXDF_INT);
  }

  // ---- host side -----------------------------------------------------------------------------

  int rxCfg() {
    return rxCfg;
  }

  /** RX_CFG: RX_DUMP empties both FIFOs; end alignment and RXDOFF apply to later frames. */
  void writeRxCfg(int value) {
    if ((value & RX_CFG_RX_DUMP) != 0) {
      fifo.dump();
    }
    if (((value >>> RxFifo.END_ALIGN_SHIFT) & 3) == 3) {
      GuestError.log(device, "RX_CFG 0x%08x: reserved RX end alignment", value);
    }
    if ((value & 0x0fff_0000) != 0) {
      GuestError.unimplemented(device, "RX DMA count (RX_CFG=0x%08x): no DMA on this bus", value);
    }
    rxCfg = value & RX_CFG_WRITABLE;
  }

  /** RX_DROP reads and clears. */
  int takeDropCount() {
    int n = rxDrop;
    rxDrop = 0;
    return n;
  }

  /** One DWORD from the RX data port; an underrun reads 0 and raises RXE (as QEMU). */
  int readData() {
    if (!fifo.hasData()) {
      GuestError.log(device, "RX data FIFO read while empty");
      sink.raise(IntSts.RXE);
      return 0;
    }
    return fifo.readData();
  }

  int popStatus() {
    if (fifo.statusUsed() == 0) {
      GuestError.log(device, "RX status FIFO read while empty");
      return 0;
    }
    return fifo.popStatus();
  }

  /** RX_DP_CTRL: RX_FFWD skips the rest of the frame at the head of the data FIFO. */
  void writeRxDpCtrl(int value) {
    if ((value & RX_DP_CTRL_RX_FFWD) == 0) {
      return;
    }
    int skipped = fifo.fastForward();
    if (skipped == 0) {
      GuestError.log(device, "RX_FFWD with no frame data to skip");
    } else if (skipped < 4) {
      // Datasheet 3.13.1.1: fast-forward needs at least 4 DWORDs left; the host should read.
      GuestError.log(device, "RX_FFWD over %d DWORDs (fewer than 4)", skipped);
    }
  }
}
