/**
 * The far ends of UARTs: {@link dev.vboard.emulator.serial.CharBackend} and its
 * implementations (null, in-memory, file, stdio). Only
 * {@link dev.vboard.emulator.serial.StdioBackend} touches host I/O asynchronously, on one
 * reader thread, marked as the host I/O edge, and signals the machine's
 * {@link dev.vboard.emulator.time.HostEvents} when bound to it; all calls from the machine are
 * on the simulation thread and never block.
 */
package dev.vboard.emulator.serial;
