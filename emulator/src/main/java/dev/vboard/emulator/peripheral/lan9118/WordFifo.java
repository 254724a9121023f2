package dev.vboard.emulator.peripheral.lan9118;

/** A bounded FIFO of 32-bit words: the RX and TX status FIFOs (datasheet 3.13). */
final class WordFifo {
  private int[] ring;
  private int head;
  private int size;

  WordFifo(int capacity) {
    ring = new int[capacity];
  }

  int size() {
    return size;
  }

  int capacity() {
    return ring.length;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean isFull() {
    return size == ring.length;
  }

  /** Appends {@code word}; false (and nothing stored) when full. */
  boolean push(int word) {
    if (isFull()) {
      return false;
    }
    ring[(head + size) % ring.length] = word;
    size++;
    return true;
  }

  /** The oldest word, or 0 when empty. */
  int peek() {
    return size == 0 ? 0 : ring[head];
  }

  /** Removes and returns the oldest word; 0 when empty. */
  int pop() {
    if (size == 0) {
      return 0;
    }
    int w = ring[head];
    head = (head + 1) % ring.length;
    size--;
    return w;
  }

  void clear() {
    head = 0;
    size = 0;
  }

  /** Changes the capacity, keeping the oldest words that fit. */
  void resize(int capacity) {
    int[] next = new int[capacity];
    int keep = Math.min(size, capacity);
    for (int i = 0; i < keep; i++) {
      next[i] = ring[(head + i) % ring.length];
    }
    ring = next;
    head = 0;
    size = keep;
  }
}
