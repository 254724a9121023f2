package dev.vboard.netstack.transport.service;

import java.util.Arrays;

/** A growable FIFO of bytes for the stream sessions' pending output. */
final class ByteQueue {
  private byte[] buf = new byte[64];
  private int head;
  private int size;

  void add(byte[] data) {
    if (size + data.length > buf.length - head) {
      byte[] bigger = new byte[Math.max(buf.length, Integer.highestOneBit(size + data.length) * 2)];
      System.arraycopy(buf, head, bigger, 0, size);
      buf = bigger;
      head = 0;
    }
    System.arraycopy(data, 0, buf, head + size, data.length);
    size += data.length;
  }

  byte[] take(int max) {
    int n = Math.min(Math.max(max, 0), size);
    byte[] out = Arrays.copyOfRange(buf, head, head + n);
    head += n;
    size -= n;
    if (size == 0) {
      head = 0;
    }
    return out;
  }

  int size() {
    return size;
  }
}
