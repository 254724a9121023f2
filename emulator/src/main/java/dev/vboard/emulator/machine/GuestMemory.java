package dev.vboard.emulator.machine;

/**
 * Debugger-style access to guest RAM and ROM: used by image loaders, semihosting and the GDB
 * stub. Writes ignore guest permissions (a loader fills ROM). Little-endian, as the Cortex-M3.
 */
public interface GuestMemory {

  /** Copies {@code length} bytes; throws {@link GuestAccessException} if any is unmapped. */
  byte[] read(long address, int length);

  /** Stores {@code data}; throws {@link GuestAccessException} if any byte is unmapped. */
  void write(long address, byte[] data);

  default int readWord(long address) {
    byte[] b = read(address, 4);
    return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
  }

  default void writeWord(long address, int value) {
    write(address, new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)});
  }

  default int readByte(long address) {
    return read(address, 1)[0] & 0xff;
  }
}
