package dev.vboard.emulator.machine;

/** A host-side access (loader, semihosting, debugger) touched guest memory that is not mapped. */
public final class GuestAccessException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long address;

  public GuestAccessException(long address, String message) {
    super(String.format("0x%08x: %s", address, message));
    this.address = address;
  }

  public long address() {
    return address;
  }
}
