package dev.vboard.emulator.semihosting;

import java.nio.file.Path;

/**
 * How semihosting meets the host.
 *
 * @param root the only directory SYS_OPEN, SYS_REMOVE and SYS_RENAME may touch
 * @param commandLine what SYS_GET_CMDLINE returns; QEMU builds it from -kernel and -append as the
 *     image path followed by the arguments, space-separated
 * @param epochSeconds the Unix time SYS_TIME reports at virtual time zero; a constant so that
 *     every run sees the same dates (default {@link #DEFAULT_EPOCH}, 2024-01-01T00:00:00Z)
 * @param heapInfo the SYS_HEAPINFO answer
 * @param allowSystem whether SYS_SYSTEM may run host shell commands (off unless asked for:
 *     QEMU always allows it, but a test image should not be able to run programs on the host)
 */
public record SemihostingConfig(Path root, String commandLine, long epochSeconds,
    HeapInfo heapInfo, boolean allowSystem) {

  /**
   * 2024-01-01T00:00:00Z: a round, fixed, recent date. Firmware commonly sanity-checks the clock
   * against its own build era (our semihosting test image expects a time after 2020), so a date
   * near 1970 or 2000 would look like an unset RTC.
   */
  public static final long DEFAULT_EPOCH = 1_704_067_200L;

  public static SemihostingConfig defaults(Path root, String commandLine) {
    return new SemihostingConfig(root, commandLine, DEFAULT_EPOCH, HeapInfo.NONE, false);
  }

  public SemihostingConfig withHeapInfo(HeapInfo info) {
    return new SemihostingConfig(root, commandLine, epochSeconds, info, allowSystem);
  }

  public SemihostingConfig withAllowSystem(boolean allow) {
    return new SemihostingConfig(root, commandLine, epochSeconds, heapInfo, allow);
  }
}
