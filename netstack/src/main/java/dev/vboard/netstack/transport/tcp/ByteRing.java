package dev.vboard.netstack.transport.tcp;

/**
 * A bounded FIFO of bytes: the send buffer (unacknowledged and unsent data) and the receive
 * buffer (data for the application). The free space past the queued bytes can be written at an
 * offset before it is committed, which is how out-of-order segments wait in the receive window.
 */
final class ByteRing {
  private final byte[] data;
  private int head;
  private int len;

  ByteRing(int capacity) {
    this.data = new byte[capacity];
  }

  int capacity() {
    return data.length;
  }

  int len() {
    return len;
  }

  int free() {
    return data.length - len;
  }

  boolean isEmpty() {
    return len == 0;
  }

  /** Appends as much as fits; returns the count appended. */
  int enqueue(byte[] src, int off, int n) {
    int count = Math.min(n, free());
    writeUnallocated(0, src, off, count);
    len += count;
    return count;
  }

  /** Writes into the free space at {@code offset} past the queued bytes, without queueing them. */
  void writeUnallocated(int offset, byte[] src, int off, int n) {
    if (offset < 0 || offset + n > free()) {
      throw new IndexOutOfBoundsException("write past the free space");
    }
    copyIn((head + len + offset) % data.length, src, off, n);
  }

  /** Queues {@code n} bytes already written by {@link #writeUnallocated}. */
  void enqueueUnallocated(int n) {
    if (n > free()) {
      throw new IndexOutOfBoundsException("commit past the free space");
    }
    len += n;
  }

  /** Copies {@code n} queued bytes starting {@code offset} from the head, leaving them queued. */
  void peek(int offset, byte[] dst, int off, int n) {
    if (offset < 0 || offset + n > len) {
      throw new IndexOutOfBoundsException("peek past the queued bytes");
    }
    int pos = (head + offset) % data.length;
    int first = Math.min(n, data.length - pos);
    System.arraycopy(data, pos, dst, off, first);
    System.arraycopy(data, 0, dst, off + first, n - first);
  }

  /** Removes up to {@code n} bytes from the head into {@code dst}; returns the count. */
  int dequeue(byte[] dst, int off, int n) {
    int count = Math.min(n, len);
    peek(0, dst, off, count);
    discard(count);
    return count;
  }

  /** Drops {@code n} bytes from the head. */
  void discard(int n) {
    if (n > len) {
      throw new IndexOutOfBoundsException("discard past the queued bytes");
    }
    head = (head + n) % data.length;
    len -= n;
  }

  private void copyIn(int pos, byte[] src, int off, int n) {
    int first = Math.min(n, data.length - pos);
    System.arraycopy(src, off, data, pos, first);
    System.arraycopy(src, off + first, data, 0, n - first);
  }
}
