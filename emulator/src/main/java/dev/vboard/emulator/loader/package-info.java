/**
 * Image loaders: ELF, Intel HEX and raw binary files in, a list of (address, bytes) segments
 * out. Parsing is pure; {@link dev.vboard.emulator.loader.ImageInstaller} is the one step that
 * writes guest memory. Every refusal is an {@link dev.vboard.emulator.loader.ImageFormatException}
 * with a one-line message.
 */
package dev.vboard.emulator.loader;
