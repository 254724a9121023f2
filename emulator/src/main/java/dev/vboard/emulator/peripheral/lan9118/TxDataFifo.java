package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.peripheral.GuestError;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * The host side of the TX data FIFO (datasheet 3.13.2): parses the DWORDs written to the TX
 * data port into buffers (TX command A, TX command B, data) and buffers into frames.
 *
 * <p>Command A: bit 31 interrupt on completion, 25:24 buffer end alignment (4, 16 or 32 bytes),
 * 20:16 data start offset in bytes, 13 first segment, 12 last segment, 10:0 buffer size.
 * Command B: 31:16 packet tag, 13 add CRC disable, 12 disable padding, 10:0 packet length. A
 * buffer's data occupies ceil((offset + size) / 4) DWORDs, then padding DWORDs up to the end
 * alignment; the offset bytes and padding are ignored. QEMU computes but never applies the end
 * alignment (it tests the DWORD count instead of command A), so a driver that pads buffers
 * works here and not there.
 *
 * <p>Every DWORD written takes four bytes of FIFO space until its frame has been sent (TDFREE).
 * Errors set TXE and drop the frame being assembled, as the datasheet asks the host to then
 * purge: a buffer without FIRST_SEG that does not continue a frame, a FIRST_SEG inside a frame,
 * a command B that differs from the frame's first, or buffer sizes that do not add up to the
 * packet length. A write to a full FIFO is lost and sets TDFO.
 */
final class TxDataFifo {
  static final int CMD_A_IOC = 1 << 31;
  static final int CMD_A_FIRST_SEG = 1 << 13;
  static final int CMD_A_LAST_SEG = 1 << 12;
  static final int CMD_B_ADD_CRC_DISABLE = 1 << 13;
  static final int CMD_B_DISABLE_PADDING = 1 << 12;
  static final int LENGTH_MASK = 0x7ff;

  private enum State { COMMAND_A, COMMAND_B, DATA }

  private final String device;
  private final InterruptSink sink;
  private final ArrayDeque<TxFrame> ready = new ArrayDeque<>();
  private int capacityBytes;
  /** Bytes taken by frames handed to the transmitter but not yet sent. */
  private int inFlightBytes;
  private int readyBytes;

  private State state = State.COMMAND_A;
  private int cmdA;
  private int bufferSize;
  private int offset;
  private int bufferWords;
  private int wordIndex;
  /** Command B of the frame being assembled; -1 before its first buffer. */
  private long frameCmdB = -1;
  private boolean frameOk;
  private int frameBytes;
  private final ByteArrayOutputStream frame = new ByteArrayOutputStream();

  TxDataFifo(String device, InterruptSink sink, int capacityBytes) {
    this.device = device;
    this.sink = sink;
    this.capacityBytes = capacityBytes;
  }

  /** Empties the FIFO, including the frame being assembled (TXD_DUMP, reset). */
  void dump() {
    ready.clear();
    readyBytes = 0;
    state = State.COMMAND_A;
    abandonFrame();
  }

  void setCapacity(int bytes) {
    capacityBytes = bytes;
  }

  /** TDFREE: free space in bytes. */
  int freeBytes() {
    return Math.max(0, capacityBytes - usedBytes());
  }

  int usedBytes() {
    return inFlightBytes + readyBytes + frameBytes;
  }

  /** The oldest complete frame, or null. */
  TxFrame peekReady() {
    return ready.peek();
  }

  /** Hands the oldest complete frame to the transmitter; its space stays taken until sent. */
  TxFrame take() {
    TxFrame f = ready.poll();
    if (f != null) {
      readyBytes -= f.fifoBytes();
      inFlightBytes += f.fifoBytes();
    }
    return f;
  }

  /** The frame has left; its space is free. */
  void release(TxFrame f) {
    inFlightBytes = Math.max(0, inFlightBytes - f.fifoBytes());
  }

  /** Forgets frames in flight (the transmitter was reset mid-frame). */
  void releaseAll() {
    inFlightBytes = 0;
  }

  /** One DWORD written to the TX data port. */
  void write(int word) {
    if (usedBytes() + 4 > capacityBytes) {
      GuestError.log(device, "TX data FIFO overrun: word 0x%08x lost", word);
      sink.raise(IntSts.TDFO);
      return;
    }
    frameBytes += 4;
    switch (state) {
      case COMMAND_A -> commandA(word);
      case COMMAND_B -> commandB(word);
      default -> data(word);
    }
  }

  private void commandA(int word) {
    cmdA = word;
    bufferSize = word & LENGTH_MASK;
    offset = (word >>> 16) & 0x1f;
    boolean first = (word & CMD_A_FIRST_SEG) != 0;
    if (frameCmdB < 0 && !first) {
      error("TX command A 0x%08x without FIRST_SEG starts no frame", word);
    } else if (frameCmdB >= 0 && first) {
      error("TX command A 0x%08x with FIRST_SEG inside a frame", word);
      frameBytes = 4;
    }
    state = State.COMMAND_B;
  }

  private void commandB(int word) {
    if ((cmdA & CMD_A_FIRST_SEG) != 0) {
      frameCmdB = word & 0xffff_ffffL;
      frameOk = true;
      frame.reset();
    } else if (frameCmdB >= 0 && frameCmdB != (word & 0xffff_ffffL)) {
      error("TX command B 0x%08x differs from the frame's first 0x%08x", word, frameCmdB);
    }
    int words = (offset + bufferSize + 3) / 4;
    int align = switch ((cmdA >>> 24) & 3) {
      case 1 -> 4;
      case 2 -> 8;
      case 0 -> 1;
      default -> {
        GuestError.log(device, "TX command A 0x%08x: reserved end alignment", cmdA);
        yield 1;
      }
    };
    bufferWords = (words + align - 1) / align * align;
    wordIndex = 0;
    state = State.DATA;
    if (bufferWords == 0) {
      endOfBuffer();
    }
  }

  private void data(int word) {
    for (int k = 0; k < 4; k++) {
      int pos = wordIndex * 4 + k;
      if (pos >= offset && pos < offset + bufferSize && frameOk) {
        frame.write(word >>> (8 * k));
      }
    }
    wordIndex++;
    if (wordIndex == bufferWords) {
      endOfBuffer();
    }
  }

  private void endOfBuffer() {
    state = State.COMMAND_A;
    if ((cmdA & CMD_A_IOC) != 0) {
      sink.raise(IntSts.TIOC_INT);
    }
    if ((cmdA & CMD_A_LAST_SEG) == 0 || frameCmdB < 0) {
      if (frameCmdB < 0) {
        // A stray buffer outside any frame: its words are discarded.
        frameBytes = 0;
      }
      return;
    }
    int length = (int) (frameCmdB & LENGTH_MASK);
    if (frameOk && frame.size() != length) {
      error("TX buffers hold %d bytes, command B says %d", frame.size(), length);
    }
    if (frameOk) {
      TxFrame f = new TxFrame(frame.toByteArray(), (int) (frameCmdB >>> 16), frameBytes,
          (frameCmdB & CMD_B_ADD_CRC_DISABLE) != 0);
      ready.add(f);
      readyBytes += frameBytes;
      frameBytes = 0;
    }
    abandonFrame();
  }

  private void abandonFrame() {
    frameCmdB = -1;
    frameOk = false;
    frameBytes = 0;
    frame.reset();
  }

  private void error(String format, Object... args) {
    GuestError.log(device, format, args);
    sink.raise(IntSts.TXE);
    frameOk = false;
  }
}
