package dev.vboard.emulator.semihosting;

import dev.vboard.emulator.machine.GuestAccessException;
import dev.vboard.emulator.machine.GuestMemory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The argument block R1 points to (spec 4.2: 32-bit fields in AArch32), plus the guest string
 * reads the operations need. Memory faults surface as {@link GuestAccessException}, which the
 * dispatcher turns into EFAULT, as QEMU's {@code GET_ARG} failure path does.
 */
final class ParameterBlock {

  /** Longest path or command accepted; longer ones fail with ENAMETOOLONG. */
  static final int MAX_STRING = 4096;
  /** A NUL-terminated console string longer than this is cut, so a missing NUL cannot hang us. */
  static final int MAX_CONSOLE_STRING = 1 << 20;

  private final GuestMemory memory;
  private final long address;

  ParameterBlock(GuestMemory memory, int address) {
    this.memory = memory;
    this.address = address & 0xffff_ffffL;
  }

  long address() {
    return address;
  }

  /** Field {@code n} as an unsigned 32-bit value. */
  long word(int n) {
    return memory.readWord(address + 4L * n) & 0xffff_ffffL;
  }

  void setWord(int n, long value) {
    memory.writeWord(address + 4L * n, (int) value);
  }

  /**
   * A string given as (pointer, length without the NUL); like QEMU's {@code validate_strlen},
   * the byte at pointer + length must be the terminating NUL, else EINVAL.
   */
  String lengthString(long pointer, long length) throws ErrnoException {
    if (length >= MAX_STRING) {
      throw new ErrnoException(Errno.ENAMETOOLONG, "string of " + length + " bytes");
    }
    byte[] bytes = memory.read(pointer, (int) length + 1);
    if (bytes[(int) length] != 0) {
      throw new ErrnoException(Errno.EINVAL, "string is not NUL-terminated at its length");
    }
    int n = 0;
    while (bytes[n] != 0) {
      n++;
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /** The bytes of the NUL-terminated string at {@code pointer}, without the NUL. */
  static byte[] cString(GuestMemory memory, long pointer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long at = pointer;
    while (out.size() < MAX_CONSOLE_STRING) {
      // Read up to the next 256-byte boundary at once: no region ends inside such a block,
      // so a string that ends just before unmapped memory still reads without a fault.
      int chunk = (int) (256 - (at & 0xff));
      byte[] b = memory.read(at, chunk);
      for (byte x : b) {
        if (x == 0) {
          return out.toByteArray();
        }
        out.write(x);
      }
      at += chunk;
    }
    return out.toByteArray();
  }
}
