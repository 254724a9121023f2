/**
 * The {@code vboard} command line (picocli): {@code run}, {@code boards}, {@code help}. A thin
 * shell over {@link dev.vboard.emulator.api.Emulation} that wires the host's stdio, files and
 * signals, and turns every failure into one line on stderr with a documented exit status
 * ({@link dev.vboard.emulator.cli.ExitCodes}).
 */
package dev.vboard.emulator.cli;
