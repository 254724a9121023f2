package dev.vboard.emulator.cli;

import dev.vboard.emulator.serial.CharBackend;

/** Output to one backend, input from another: stdout for the guest's output, a file for input. */
final class DuplexBackend implements CharBackend {
  private final CharBackend out;
  private final CharBackend in;

  DuplexBackend(CharBackend out, CharBackend in) {
    this.out = out;
    this.in = in;
  }

  @Override
  public void transmit(int b) {
    out.transmit(b);
  }

  @Override
  public int poll() {
    return in.poll();
  }

  @Override
  public boolean inputClosed() {
    return in.inputClosed();
  }

  @Override
  public void flush() {
    out.flush();
  }
}
