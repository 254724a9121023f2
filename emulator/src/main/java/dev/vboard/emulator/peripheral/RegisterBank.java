package dev.vboard.emulator.peripheral;

import java.util.HashMap;
import java.util.Map;

/**
 * The register table of one device: looks registers up by offset and enforces their
 * {@link Access} mode, so each device's read/write switch only sees legal accesses.
 *
 * <p>As in QEMU's models, a register answers only at its exact offset; a narrower access at
 * that offset sees the low bytes (the bus zero-extends reads and truncates writes). Any other
 * offset is a logged guest error. The one exception is the CoreSight-style ID block of the
 * CMSDK devices (PID4 at 0xFD0 to CID3 at 0xFFC): QEMU's models answer it with a case range,
 * so a read at any offset in it, aligned or not, returns the ID register of that word.
 *
 * @param <R> the device's register enum
 */
public final class RegisterBank<R extends Enum<R> & RegisterBank.Register> {

  /** One row of a register table: implemented by each device's register enum. */
  public interface Register {
    int offset();

    Access access();
  }

  private static final int ID_BLOCK_FIRST = 0xfd0;
  private static final int ID_BLOCK_LAST = 0xffc;

  private final String device;
  private final Map<Integer, R> byOffset = new HashMap<>();
  private final boolean idBlock;

  public RegisterBank(String device, Class<R> registers) {
    this.device = device;
    for (R r : registers.getEnumConstants()) {
      if (byOffset.put(r.offset(), r) != null) {
        throw new IllegalArgumentException(device + ": two registers at offset " + r.offset());
      }
    }
    idBlock = byOffset.containsKey(ID_BLOCK_FIRST) && byOffset.containsKey(ID_BLOCK_LAST);
  }

  /** The register to read at {@code offset}, or null after logging why the read is refused. */
  public R forRead(int offset) {
    R r = byOffset.get(offset);
    if (r == null && idBlock && offset >= ID_BLOCK_FIRST && offset <= ID_BLOCK_LAST) {
      r = byOffset.get(offset & ~3);
    }
    if (r == null) {
      GuestError.log(device, "read of bad offset 0x%03x", offset);
      return null;
    }
    if (r.access() == Access.WO) {
      GuestError.log(device, "read of write-only register %s", r.name());
      return null;
    }
    return r;
  }

  /** The register to write at {@code offset}, or null after logging why the write is refused. */
  public R forWrite(int offset, int value) {
    R r = byOffset.get(offset);
    if (r == null) {
      GuestError.log(device, "write of 0x%08x to bad offset 0x%03x", value, offset);
      return null;
    }
    if (r.access() == Access.RO) {
      GuestError.log(device, "write of 0x%08x to read-only register %s", value, r.name());
      return null;
    }
    return r;
  }

  public String device() {
    return device;
  }

  /** Keeps the low {@code size} bytes of {@code value}, as a bus access of that width sees it. */
  public static int truncate(int value, int size) {
    return size >= 4 ? value : value & ((1 << (8 * size)) - 1);
  }
}
