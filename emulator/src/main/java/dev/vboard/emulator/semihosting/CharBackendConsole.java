package dev.vboard.emulator.semihosting;

import dev.vboard.emulator.serial.CharBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The semihosting console over {@link CharBackend}s. Passing UART0's stdio backend as
 * {@code stdout} makes semihosting output and UART output interleave in the order the guest
 * produced them, as they do on QEMU's stdout.
 */
public final class CharBackendConsole implements SemihostingConsole {

  /** Where SYS_WRITEC / SYS_WRITE0 go. */
  public enum ConsoleTarget {
    /** QEMU 7.2's behaviour without a semihosting chardev. */
    STDERR,
    /** Together with UART0 and ":tt" output. */
    STDOUT
  }

  private final CharBackend stdout;
  private final CharBackend stderr;
  private final CharBackend stdin;
  private final ConsoleTarget consoleTarget;
  private final boolean blocking;
  private final BooleanSupplier giveUp;

  /**
   * @param blocking whether a read waits for input that is not there yet (a terminal, a pipe);
   *     if false, no input ready now reads as end of input, which keeps an embedded run with an
   *     in-memory backend deterministic instead of waiting forever
   */
  public CharBackendConsole(CharBackend stdout, CharBackend stderr, CharBackend stdin,
      ConsoleTarget consoleTarget, boolean blocking) {
    this(stdout, stderr, stdin, consoleTarget, blocking, () -> false);
  }

  /**
   * @param giveUp polled while a blocking read waits; when true the read returns end of input,
   *     so that e.g. Ctrl-C can stop a guest that waits for console input
   */
  public CharBackendConsole(CharBackend stdout, CharBackend stderr, CharBackend stdin,
      ConsoleTarget consoleTarget, boolean blocking, BooleanSupplier giveUp) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.stdin = stdin;
    this.consoleTarget = consoleTarget;
    this.blocking = blocking;
    this.giveUp = giveUp;
  }

  @Override
  public void writeOut(byte[] bytes) {
    send(stdout, bytes);
  }

  @Override
  public void writeErr(byte[] bytes) {
    stdout.flush(); // so that a terminal shows both streams in the guest's order
    send(stderr, bytes);
  }

  @Override
  public void writeConsole(byte[] bytes) {
    if (consoleTarget == ConsoleTarget.STDOUT) {
      writeOut(bytes);
    } else {
      writeErr(bytes);
    }
  }

  private static void send(CharBackend backend, byte[] bytes) {
    for (byte b : bytes) {
      backend.transmit(b & 0xff);
    }
    backend.flush();
  }

  @Override
  public int read() {
    stdout.flush();
    // HOST I/O EDGE: a blocking semihosting read waits for the host's input. Virtual time does
    // not advance meanwhile, so the wait changes pacing only, never what the guest observes.
    while (true) {
      int b = stdin.poll();
      if (b >= 0) {
        return b;
      }
      if (!blocking || stdin.inputClosed() || giveUp.getAsBoolean()) {
        return -1;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }
  }

  @Override
  public int poll() {
    return stdin.poll();
  }

  /**
   * The CLI's console (the blocking one) reports the size of the file the JVM's descriptor
   * {@code fd} is redirected to, after flushing what it has written there; a terminal, a pipe and
   * an embedder's in-memory console report 0.
   */
  @Override
  public long length(int fd) {
    if (!blocking) {
      return 0;
    }
    if (fd == 1) {
      stdout.flush();
    } else if (fd == 2) {
      stderr.flush();
    }
    Path host = Path.of("/proc/self/fd/" + fd);
    try {
      return Files.isRegularFile(host) ? Files.size(host) : 0;
    } catch (IOException | SecurityException e) {
      return 0;
    }
  }

  /**
   * The CLI's console (the blocking one) is a terminal when the JVM's stdin and stdout are;
   * an embedder's in-memory console never is.
   */
  @Override
  public boolean isTerminal() {
    return blocking && System.console() != null;
  }
}
