package dev.vboard.emulator.serial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * An in-memory UART end for tests and embedding, in the manner of Netty's EmbeddedChannel:
 * {@link #inject} queues input, {@link #output()} returns everything the guest transmitted.
 *
 * <p>Input stays open until {@link #closeInput()}; after that, once the queue is drained,
 * {@link #inputClosed()} is true and the UART stops polling. Single-threaded, like the machine.
 */
public final class MemoryBackend implements CharBackend {
  private final ByteArrayOutputStream transmitted = new ByteArrayOutputStream();
  private final ArrayDeque<Integer> input = new ArrayDeque<>();
  private boolean closed;

  /** Queues bytes for the guest to receive, one per character time while RX is enabled. */
  public MemoryBackend inject(byte[] bytes) {
    for (byte b : bytes) {
      input.add(b & 0xff);
    }
    return this;
  }

  /** Queues the UTF-8 bytes of {@code text}. */
  public MemoryBackend inject(String text) {
    return inject(text.getBytes(StandardCharsets.UTF_8));
  }

  /** No more input will be injected; pending bytes are still delivered. */
  public MemoryBackend closeInput() {
    closed = true;
    return this;
  }

  /** Bytes still waiting to be received by the guest. */
  public int pendingInput() {
    return input.size();
  }

  /** Everything transmitted so far. */
  public byte[] output() {
    return transmitted.toByteArray();
  }

  /** Everything transmitted so far, decoded as UTF-8. */
  public String outputText() {
    return transmitted.toString(StandardCharsets.UTF_8);
  }

  /** Forgets the transmitted bytes (input is kept). */
  public void clearOutput() {
    transmitted.reset();
  }

  @Override
  public void transmit(int b) {
    transmitted.write(b);
  }

  @Override
  public int poll() {
    Integer next = input.poll();
    return next == null ? -1 : next;
  }

  @Override
  public boolean inputClosed() {
    return closed && input.isEmpty();
  }
}
