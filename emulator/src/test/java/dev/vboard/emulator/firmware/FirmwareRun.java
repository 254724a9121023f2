package dev.vboard.emulator.firmware;

import java.nio.charset.StandardCharsets;

/**
 * What one emulator printed and how it ended, for comparison between QEMU and vboard.
 *
 * @param stdout bytes on standard output: UART0, and semihosting writes to ":tt"
 * @param stderr bytes on standard error: the semihosting console (SYS_WRITE0/SYS_WRITEC) and,
 *     for QEMU, its own diagnostics
 * @param exitStatus the guest's exit status, or QEMU's process status after a lockup abort
 * @param lockup true when the run ended in lockup (QEMU: "Lockup" fatal error; vboard: LOCKUP)
 */
record FirmwareRun(byte[] stdout, byte[] stderr, int exitStatus, boolean lockup) {

  String stdoutText() {
    return new String(stdout, StandardCharsets.ISO_8859_1);
  }

  String stderrText() {
    return new String(stderr, StandardCharsets.ISO_8859_1);
  }
}
