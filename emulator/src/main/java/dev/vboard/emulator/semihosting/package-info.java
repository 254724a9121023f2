/**
 * ARM semihosting: the BKPT 0xAB calls a guest makes to the debugger or emulator for console I/O,
 * host files, time, its command line and exit.
 * {@link dev.vboard.emulator.semihosting.ArmSemihosting} is the handler the machine calls; host
 * file access goes only through
 * {@link dev.vboard.emulator.semihosting.SandboxedFileSystem}.
 */
package dev.vboard.emulator.semihosting;
