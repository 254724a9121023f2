package dev.vboard.emulator.semihosting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A console over in-memory buffers: scripted input, captured stdout and stderr. */
final class BufferConsole implements SemihostingConsole {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final byte[] input;
  private int next;

  BufferConsole(String input) {
    this.input = input.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void writeOut(byte[] bytes) {
    out.writeBytes(bytes);
  }

  @Override
  public void writeErr(byte[] bytes) {
    err.writeBytes(bytes);
  }

  @Override
  public void writeConsole(byte[] bytes) {
    console.writeBytes(bytes);
  }

  @Override
  public int read() {
    return poll();
  }

  @Override
  public int poll() {
    return next < input.length ? input[next++] & 0xff : -1;
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Whether SYS_ISTTY should see a terminal (the host's stdio, for the CLI). */
  boolean terminal;

  @Override
  public boolean isTerminal() {
    return terminal;
  }
}
