/**
 * The embedding API: {@link dev.vboard.emulator.api.Emulation} builds a board from its name, loads
 * an image, wires the serial ports and semihosting, and runs it in virtual time. The CLI is a
 * thin shell over it; tests and the CI harness use it directly.
 */
package dev.vboard.emulator.api;
