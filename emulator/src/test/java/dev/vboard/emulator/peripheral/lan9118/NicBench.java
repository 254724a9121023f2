package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.irq.IrqLine;
import dev.vboard.emulator.time.Scheduler;
import dev.vboard.emulator.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;

/**
 * A LAN9118 on a machine without a CPU: 25 MHz virtual clock, scheduler, an IRQ wire that
 * remembers its level, and a port that records what the chip sends. Register helpers speak the
 * datasheet's indirect protocols (MAC_CSR_CMD, MII_ACC) the way a driver does.
 */
final class NicBench {
  static final long HZ = 25_000_000;
  static final MacAddress MAC = MacAddress.parse("52:54:00:12:34:56");

  // System CSR offsets (datasheet 5.3).
  static final int RX_DATA_FIFO = 0x00;
  static final int TX_DATA_FIFO = 0x20;
  static final int RX_STATUS_FIFO = 0x40;
  static final int RX_STATUS_FIFO_PEEK = 0x44;
  static final int TX_STATUS_FIFO = 0x48;
  static final int ID_REV = 0x50;
  static final int IRQ_CFG = 0x54;
  static final int INT_STS = 0x58;
  static final int INT_EN = 0x5c;
  static final int BYTE_TEST = 0x64;
  static final int FIFO_INT = 0x68;
  static final int RX_CFG = 0x6c;
  static final int TX_CFG = 0x70;
  static final int HW_CFG = 0x74;
  static final int RX_DP_CTRL = 0x78;
  static final int RX_FIFO_INF = 0x7c;
  static final int TX_FIFO_INF = 0x80;
  static final int PMT_CTRL = 0x84;
  static final int GPT_CFG = 0x8c;
  static final int GPT_CNT = 0x90;
  static final int FREE_RUN = 0x9c;
  static final int RX_DROP = 0xa0;
  static final int MAC_CSR_CMD = 0xa4;
  static final int MAC_CSR_DATA = 0xa8;
  static final int E2P_CMD = 0xb0;
  static final int E2P_DATA = 0xb4;

  final VirtualClock clock = new VirtualClock(HZ);
  final Scheduler scheduler = new Scheduler(clock);
  final Line irq = new Line();
  final List<byte[]> sent = new ArrayList<>();
  final List<Long> sentAt = new ArrayList<>();
  final Lan9118 nic = new Lan9118("eth0", scheduler, MAC, irq, frame -> {
    sent.add(frame);
    sentAt.add(clock.now());
  });

  /** Runs every event up to and including cycle {@code t}, then stands at {@code t}. */
  void runTo(long t) {
    while (scheduler.nextDeadline() <= t) {
      clock.advanceTo(scheduler.nextDeadline());
      scheduler.runDue();
    }
    clock.advanceTo(t);
    scheduler.runDue();
  }

  void run(long cycles) {
    runTo(clock.now() + cycles);
  }

  /** Runs until nothing is scheduled within {@code limit} cycles. */
  void settle() {
    run(HZ / 100);
  }

  long now() {
    return clock.now();
  }

  int read(int off) {
    return nic.read(off, 4);
  }

  void write(int off, int value) {
    nic.write(off, 4, value);
  }

  int macRead(int index) {
    write(MAC_CSR_CMD, Lan9118.MAC_CSR_BUSY | Lan9118.MAC_CSR_READ | index);
    return read(MAC_CSR_DATA);
  }

  void macWrite(int index, int value) {
    write(MAC_CSR_DATA, value);
    write(MAC_CSR_CMD, Lan9118.MAC_CSR_BUSY | index);
  }

  int phyRead(int reg) {
    macWrite(MacCsrs.MII_ACC, Phy.ADDRESS << 11 | reg << 6 | MacCsrs.MII_BUSY);
    return macRead(MacCsrs.MII_DATA);
  }

  void phyWrite(int reg, int value) {
    macWrite(MacCsrs.MII_DATA, value);
    macWrite(MacCsrs.MII_ACC,
        Phy.ADDRESS << 11 | reg << 6 | MacCsrs.MII_WRITE | MacCsrs.MII_BUSY);
  }

  /** MAC_CR with RX and TX on, nothing else (perfect filtering, broadcast accepted). */
  void enableRxTx() {
    macWrite(MacCsrs.MAC_CR, MacCsrs.MAC_CR_RXEN | MacCsrs.MAC_CR_TXEN | MacCsrs.MAC_CR_FDPX);
    write(TX_CFG, Transmitter.TX_ON);
  }

  /** Writes one single-buffer frame: command A, command B, the data DWORDs. */
  void writeFrame(byte[] frame, int tag) {
    write(TX_DATA_FIFO, TxDataFifo.CMD_A_FIRST_SEG | TxDataFifo.CMD_A_LAST_SEG | frame.length);
    write(TX_DATA_FIFO, tag << 16 | frame.length);
    for (int w : words(frame, 0)) {
      write(TX_DATA_FIFO, w);
    }
  }

  /** {@code bytes} packed little-endian into DWORDs after {@code offset} leading bytes. */
  static int[] words(byte[] bytes, int offset) {
    int[] out = new int[(offset + bytes.length + 3) / 4];
    for (int i = 0; i < bytes.length; i++) {
      int pos = offset + i;
      out[pos / 4] |= (bytes[i] & 0xff) << (8 * (pos % 4));
    }
    return out;
  }

  /** A frame to {@code dst} from a fixed peer, IPv4 type, with {@code payload} bytes 0, 1, .. */
  static byte[] frame(MacAddress dst, int payload) {
    byte[] f = new byte[14 + payload];
    System.arraycopy(dst.bytes(), 0, f, 0, 6);
    byte[] src = {0x02, 0, 0, 0, 0, 0x02};
    System.arraycopy(src, 0, f, 6, 6);
    f[12] = 0x08;
    f[13] = 0x00;
    for (int i = 0; i < payload; i++) {
      f[14 + i] = (byte) i;
    }
    return f;
  }

  /** Wire cycles of a frame at 100 Mbit/s on the 25 MHz clock (2 cycles per byte). */
  static long wireCycles(int len) {
    return 2L * (8 + Math.max(len, 60) + 4);
  }

  static final long GAP_CYCLES = 24;

  /** An interrupt wire that remembers its level and how often it rose. */
  static final class Line implements IrqLine {
    boolean level;
    int rises;

    @Override
    public void set(boolean newLevel) {
      if (newLevel && !level) {
        rises++;
      }
      level = newLevel;
    }
  }
}
