package dev.vboard.emulator.machine;

import dev.vboard.emulator.time.VirtualClock;

/**
 * One ARM semihosting request (BKPT 0xAB in Thumb state): the operation number from R0 and the
 * parameter (usually a block address) from R1, as the semihosting specification defines.
 */
public interface SemihostingCall {

  int operation();

  int parameter();

  GuestMemory memory();

  VirtualClock clock();

  /** Resumes the guest after the BKPT with {@code r0} as the result. */
  void complete(int r0);

  /** Stops the machine; the run ends with {@link RunResult.Stop#EXITED} and this status. */
  void exit(int status);
}
