package dev.vboard.emulator.semihosting;

import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import dev.vboard.emulator.machine.SemihostingCall;
import dev.vboard.emulator.time.VirtualClock;
import java.nio.charset.StandardCharsets;

/**
 * A guest for semihosting tests: 64 KiB of RAM at 0x20000000, a 25 MHz virtual clock, and a
 * {@link #call} that plays one BKPT 0xAB and records how it completed.
 */
final class FakeGuest implements GuestMemory {

  static final long RAM = 0x2000_0000L;
  static final int SIZE = 0x1_0000;

  final byte[] ram = new byte[SIZE];
  final VirtualClock clock = new VirtualClock(25_000_000);
  private long nextFree = RAM + 0x100;

  /** How a call ended: {@code exited} with {@code status}, or completed with {@code r0}. */
  record Outcome(boolean exited, int value) { }

  @Override
  public byte[] read(long address, int length) {
    check(address, length);
    byte[] out = new byte[length];
    System.arraycopy(ram, (int) (address - RAM), out, 0, length);
    return out;
  }

  @Override
  public void write(long address, byte[] data) {
    check(address, data.length);
    System.arraycopy(data, 0, ram, (int) (address - RAM), data.length);
  }

  private static void check(long address, int length) {
    if (address < RAM || address + length > RAM + SIZE) {
      throw new GuestAccessException(address, "unmapped");
    }
  }

  /** Copies {@code bytes} into fresh guest memory and returns its address. */
  long put(byte[] bytes) {
    long at = nextFree;
    write(at, bytes);
    nextFree += (bytes.length + 8) & ~3L;
    return at;
  }

  /** A NUL-terminated string in guest memory. */
  long string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[b.length + 1];
    System.arraycopy(b, 0, z, 0, b.length);
    return put(z);
  }

  /** An argument block of 32-bit words. */
  long block(long... words) {
    long at = put(new byte[words.length * 4]);
    for (int i = 0; i < words.length; i++) {
      writeWord(at + 4L * i, (int) words[i]);
    }
    return at;
  }

  String stringAt(long address) {
    int n = 0;
    while (readByte(address + n) != 0) {
      n++;
    }
    return new String(read(address, n), StandardCharsets.UTF_8);
  }

  Outcome call(ArmSemihosting handler, int op, long parameter) {
    Outcome[] result = new Outcome[1];
    handler.handle(new SemihostingCall() {
      @Override
      public int operation() {
        return op;
      }

      @Override
      public int parameter() {
        return (int) parameter;
      }

      @Override
      public GuestMemory memory() {
        return FakeGuest.this;
      }

      @Override
      public VirtualClock clock() {
        return clock;
      }

      @Override
      public void complete(int r0) {
        result[0] = new Outcome(false, r0);
      }

      @Override
      public void exit(int status) {
        result[0] = new Outcome(true, status);
      }
    });
    if (result[0] == null) {
      throw new AssertionError("handler neither completed nor exited");
    }
    return result[0];
  }

  int r0(ArmSemihosting handler, int op, long parameter) {
    Outcome o = call(handler, op, parameter);
    if (o.exited()) {
      throw new AssertionError("unexpected exit " + o.value());
    }
    return o.value();
  }
}
