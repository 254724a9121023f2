package dev.vboard.emulator.peripheral.lan9118;

import java.util.Arrays;

/**
 * The register sequences of {@code firmware-runtime/drivers/lan9118.c}, replayed in Java access
 * by access (same order, same values, same spin limits), so the model is tested against the
 * driver the firmware ships without a CPU in the loop.
 */
final class FirmwareDriver {
  private static final int SPIN_LIMIT = 100_000;
  private static final int FCS_LEN = 4;

  private final NicBench b;
  byte[] mac;
  int chipId;
  int txTag;
  boolean rxPending;
  int txErrors;
  int rxErrors;
  int rxFrames;
  int txFrames;

  FirmwareDriver(NicBench bench) {
    this.b = bench;
  }

  /** {@code lan9118_init}: returns 0, or -1 if no LAN9118 answers. */
  int init(byte[] fallbackMac) {
    if (b.read(NicBench.BYTE_TEST) != 0x87654321) {
      return -1;
    }
    chipId = b.read(NicBench.ID_REV);
    b.write(NicBench.HW_CFG, 1);
    if (waitClear(NicBench.HW_CFG, 1) != 0) {
      return -1;
    }
    for (int i = 0; i < SPIN_LIMIT && (b.read(NicBench.PMT_CTRL) & 1) == 0; i++) {
      b.run(5); // a spin iteration of the firmware costs a few cycles
    }
    b.write(NicBench.HW_CFG, 5 << 16 | 1 << 20);

    phyWrite(0, 1 << 15);
    for (int i = 0; i < 1000 && (phyRead(0) & (1 << 15)) != 0; i++) {
      b.run(5);
    }
    phyWrite(0, 1 << 12 | 1 << 9);

    int lo = macRead(3);
    int hi = macRead(2);
    byte[] m = {(byte) lo, (byte) (lo >> 8), (byte) (lo >> 16), (byte) (lo >> 24), (byte) hi,
        (byte) (hi >> 8)};
    if (!validMac(m)) {
      m = fallbackMac.clone();
      macWrite(3, (m[0] & 0xff) | (m[1] & 0xff) << 8 | (m[2] & 0xff) << 16 | (m[3] & 0xff) << 24);
      macWrite(2, (m[4] & 0xff) | (m[5] & 0xff) << 8);
    }
    mac = m;

    b.write(0xac, 0); // AFC_CFG
    b.write(NicBench.RX_CFG, 0);
    b.write(NicBench.FIFO_INT, 0x48000000);
    b.write(NicBench.INT_STS, 0xffffffff);
    b.write(NicBench.INT_EN, 1 << 3 | 1 << 14);
    b.write(NicBench.IRQ_CFG, 1 << 8 | 1 << 4 | 1);
    macWrite(1, 1 << 20 | 1 << 3 | 1 << 2);
    b.write(NicBench.TX_CFG, 1 << 1 | 1 << 2);
    return 0;
  }

  /** {@code lan9118_send}. */
  int send(byte[] frame) {
    int len = frame.length;
    if (len == 0 || len > 1514) {
      txErrors++;
      return -1;
    }
    while (((b.read(NicBench.TX_FIFO_INF) >>> 16) & 0xff) != 0) {
      int status = b.read(NicBench.TX_STATUS_FIFO);
      if ((status & (1 << 15)) != 0) {
        txErrors++;
      }
    }
    int need = 8 + ((len + 3) & ~3);
    int spins = 0;
    while ((b.read(NicBench.TX_FIFO_INF) & 0xffff) < need) {
      if (++spins > SPIN_LIMIT) {
        txErrors++;
        return -1;
      }
      b.run(5);
    }
    txTag = (txTag + 1) & 0xffff;
    b.write(NicBench.TX_DATA_FIFO, 1 << 13 | 1 << 12 | len);
    b.write(NicBench.TX_DATA_FIFO, txTag << 16 | len);
    for (int w : NicBench.words(frame, 0)) {
      b.write(NicBench.TX_DATA_FIFO, w);
    }
    txFrames++;
    return 0;
  }

  /** {@code lan9118_recv}: the frame without FCS, or null when none is waiting. */
  byte[] recv(int cap) {
    for (;;) {
      if (((b.read(NicBench.RX_FIFO_INF) >>> 16) & 0xff) == 0) {
        return null;
      }
      int status = b.read(NicBench.RX_STATUS_FIFO);
      int len = (status >>> 16) & 0x3fff;
      int words = (len + 3) / 4;
      if ((status & (1 << 15)) != 0 || len < 14 + FCS_LEN || len - FCS_LEN > cap) {
        rxErrors++;
        for (int i = 0; i < words; i++) {
          b.read(NicBench.RX_DATA_FIFO);
        }
        continue;
      }
      int dataLen = len - FCS_LEN;
      byte[] buf = new byte[dataLen];
      for (int w = 0; w < words; w++) {
        int v = b.read(NicBench.RX_DATA_FIFO);
        for (int k = 0; k < 4; k++) {
          int at = w * 4 + k;
          if (at < dataLen) {
            buf[at] = (byte) (v >>> (8 * k));
          }
        }
      }
      rxFrames++;
      return buf;
    }
  }

  /** {@code lan9118_isr}. */
  void isr() {
    int sts = b.read(NicBench.INT_STS) & b.read(NicBench.INT_EN);
    b.write(NicBench.INT_STS, sts);
    if ((sts & (1 << 3 | 1 << 14)) != 0) {
      rxPending = true;
    }
  }

  /** {@code lan9118_link_up}: BSR read twice (the link bit latches low). */
  boolean linkUp() {
    phyRead(1);
    return (phyRead(1) & (1 << 2)) != 0;
  }

  private int waitClear(int off, int mask) {
    for (int i = 0; i < SPIN_LIMIT; i++) {
      if ((b.read(off) & mask) == 0) {
        return 0;
      }
      b.run(5);
    }
    return -1;
  }

  private int macRead(int index) {
    waitClear(NicBench.MAC_CSR_CMD, 1 << 31);
    b.write(NicBench.MAC_CSR_CMD, 1 << 31 | 1 << 30 | index);
    waitClear(NicBench.MAC_CSR_CMD, 1 << 31);
    return b.read(NicBench.MAC_CSR_DATA);
  }

  private void macWrite(int index, int value) {
    waitClear(NicBench.MAC_CSR_CMD, 1 << 31);
    b.write(NicBench.MAC_CSR_DATA, value);
    b.write(NicBench.MAC_CSR_CMD, 1 << 31 | index);
    waitClear(NicBench.MAC_CSR_CMD, 1 << 31);
  }

  private void miiWait() {
    for (int i = 0; i < SPIN_LIMIT; i++) {
      if ((macRead(6) & 1) == 0) {
        return;
      }
    }
  }

  private int phyRead(int index) {
    miiWait();
    macWrite(6, 1 << 11 | index << 6 | 1);
    miiWait();
    return macRead(7) & 0xffff;
  }

  private void phyWrite(int index, int value) {
    miiWait();
    macWrite(7, value);
    macWrite(6, 1 << 11 | index << 6 | 1 << 1 | 1);
    miiWait();
  }

  private static boolean validMac(byte[] m) {
    return !Arrays.equals(m, new byte[6])
        && !Arrays.equals(m, new byte[] {-1, -1, -1, -1, -1, -1}) && (m[0] & 1) == 0;
  }
}
