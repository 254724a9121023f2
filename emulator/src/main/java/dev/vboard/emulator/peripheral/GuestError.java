package dev.vboard.emulator.peripheral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guest errors: what the firmware did wrong (bad offset, write to a read-only register,
 * unimplemented bit). They are logged on {@code vboard.guest} and the device carries on, as
 * hardware does; nothing here throws.
 */
public final class GuestError {
  /** The logger named in the device contract ({@link dev.vboard.emulator.bus.MmioDevice}). */
  public static final Logger LOG = LoggerFactory.getLogger("vboard.guest");

  private GuestError() { }

  /** Logs one guest error, prefixed with the device name. */
  public static void log(String device, String format, Object... args) {
    if (LOG.isWarnEnabled()) {
      LOG.warn("{}: {}", device, String.format(format, args));
    }
  }

  /** Something the model does not implement (QEMU's LOG_UNIMP); same logger, lower level. */
  public static void unimplemented(String device, String format, Object... args) {
    if (LOG.isInfoEnabled()) {
      LOG.info("{}: unimplemented: {}", device, String.format(format, args));
    }
  }
}
