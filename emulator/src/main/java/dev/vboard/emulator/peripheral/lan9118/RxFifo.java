package dev.vboard.emulator.peripheral.lan9118;

import java.util.ArrayDeque;

/**
 * The RX data and RX status FIFOs (datasheet 3.13): a frame is stored as the DWORDs the host
 * will read (RXDOFF offset bytes, the frame with its FCS, end-alignment padding; the layout is
 * fixed by RX_CFG when the frame enters), its status word alongside. The data FIFO is one
 * stream: reading past a frame's last DWORD goes on into the next frame, as on the chip.
 *
 * <p>A frame enters only if both its status word and all its DWORDs fit; otherwise the caller
 * drops it. Fast-forward discards the rest of the frame at the head of the data FIFO and frees
 * its space (QEMU moves the read position but never frees the space).
 */
final class RxFifo {
  /** RX_CFG bits 31:30 "RX end alignment": 4, 16 or 32 bytes. */
  static final int END_ALIGN_SHIFT = 30;
  /** RX_CFG bits 12:8 RXDOFF: bytes of offset before the frame data. */
  static final int RXDOFF_SHIFT = 8;

  private final ArrayDeque<int[]> frames = new ArrayDeque<>();
  private final WordFifo status;
  private int headPos;
  private int usedWords;
  private int capacityWords;

  RxFifo(FifoSizes sizes) {
    status = new WordFifo(sizes.rxStatusWords());
    capacityWords = sizes.rxDataBytes() / 4;
  }

  /**
   * The DWORDs the host reads for {@code frame} (which already ends with its FCS) under
   * {@code rxCfg}: little-endian bytes, {@code RXDOFF} zero bytes first, zero padding to the end
   * alignment.
   */
  static int[] layout(byte[] frame, int rxCfg) {
    int off = (rxCfg >>> RXDOFF_SHIFT) & 0x1f;
    int words = (off + frame.length + 3) / 4;
    int align = switch (rxCfg >>> END_ALIGN_SHIFT) {
      case 1 -> 4;
      case 2 -> 8;
      default -> 1;
    };
    int[] out = new int[(words + align - 1) / align * align];
    for (int i = 0; i < frame.length; i++) {
      int pos = off + i;
      out[pos / 4] |= (frame[i] & 0xff) << (8 * (pos % 4));
    }
    return out;
  }

  /** Stores a frame and its status word; false (nothing stored) when either FIFO lacks room. */
  boolean push(int[] words, int statusWord) {
    if (status.isFull() || usedWords + words.length > capacityWords) {
      return false;
    }
    frames.add(words);
    usedWords += words.length;
    status.push(statusWord);
    return true;
  }

  boolean hasData() {
    return usedWords > 0;
  }

  /** Pops one DWORD of data; call only when {@link #hasData()}. */
  int readData() {
    int[] head = frames.peek();
    int w = head[headPos++];
    usedWords--;
    if (headPos == head.length) {
      frames.poll();
      headPos = 0;
    }
    return w;
  }

  /** Discards what is left of the head frame; returns how many DWORDs that was. */
  int fastForward() {
    int[] head = frames.poll();
    if (head == null) {
      return 0;
    }
    int skipped = head.length - headPos;
    usedWords -= skipped;
    headPos = 0;
    return skipped;
  }

  int popStatus() {
    return status.pop();
  }

  int peekStatus() {
    return status.peek();
  }

  /** RXSUSED: status words waiting. */
  int statusUsed() {
    return status.size();
  }

  boolean statusFull() {
    return status.isFull();
  }

  /** RXDUSED: bytes of data waiting. */
  int dataUsedBytes() {
    return usedWords * 4;
  }

  /** RX_DUMP and reset: both FIFOs empty. */
  void dump() {
    frames.clear();
    headPos = 0;
    usedWords = 0;
    status.clear();
  }

  void resize(FifoSizes sizes) {
    status.resize(sizes.rxStatusWords());
    capacityWords = sizes.rxDataBytes() / 4;
  }
}
