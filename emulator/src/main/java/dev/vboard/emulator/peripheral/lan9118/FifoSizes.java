package dev.vboard.emulator.peripheral.lan9118;

/**
 * How the 16 KiB of FIFO memory is split for a given HW_CFG.TX_FIF_SZ (datasheet 5.3.9 and
 * its table "TX/RX FIFO size"): the TX side gets TX_FIF_SZ KiB of which 512 bytes are the TX
 * status FIFO; the rest is the RX side, of which one sixteenth is the RX status FIFO.
 *
 * @param txDataBytes TX data FIFO size in bytes
 * @param txStatusWords TX status FIFO size in entries
 * @param rxDataBytes RX data FIFO size in bytes
 * @param rxStatusWords RX status FIFO size in entries
 */
record FifoSizes(int txDataBytes, int txStatusWords, int rxDataBytes, int rxStatusWords) {
  static final int TOTAL_BYTES = 16 * 1024;
  static final int TX_STATUS_BYTES = 512;
  static final int MIN_TX_FIF_SZ = 2;
  static final int MAX_TX_FIF_SZ = 14;
  /** The reset value of TX_FIF_SZ: 5 KiB (4608 bytes of TX data, QEMU's tx_fifo_size). */
  static final int DEFAULT_TX_FIF_SZ = 5;

  static boolean valid(int txFifSz) {
    return txFifSz >= MIN_TX_FIF_SZ && txFifSz <= MAX_TX_FIF_SZ;
  }

  static FifoSizes of(int txFifSz) {
    if (!valid(txFifSz)) {
      throw new IllegalArgumentException("TX_FIF_SZ out of range: " + txFifSz);
    }
    int tx = txFifSz * 1024;
    int rx = TOTAL_BYTES - tx;
    return new FifoSizes(tx - TX_STATUS_BYTES, TX_STATUS_BYTES / 4, rx - rx / 16, rx / 16 / 4);
  }
}
