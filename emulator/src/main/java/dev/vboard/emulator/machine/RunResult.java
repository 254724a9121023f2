package dev.vboard.emulator.machine;

/**
 * How a {@link Machine#run} ended.
 *
 * @param stop why it stopped
 * @param exitCode the guest's semihosting exit status when {@code stop == EXITED}, else 0
 * @param instructions guest instructions executed since reset
 * @param cycles virtual time since reset, in core clock cycles
 * @param faultReport for {@code LOCKUP}: the hardware-style report (exception, registers, PC,
 *     fault status registers), one register per line; otherwise empty
 */
public record RunResult(Stop stop, int exitCode, long instructions, long cycles, String faultReport) {

  public enum Stop {
    /** The guest called SYS_EXIT / SYS_EXIT_EXTENDED. */
    EXITED,
    /** The cycle budget given to {@code run} is spent; the machine can run on. */
    LIMIT_REACHED,
    /** A fault escalated while in HardFault (ARMv7-M B1.5.15): the core is locked up. */
    LOCKUP,
    /** {@link Machine#requestStop()} was called (debugger, Ctrl-C, a test condition). */
    STOP_REQUESTED
  }
}
