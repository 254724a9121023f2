/**
 * Boards as data. {@link dev.vboard.emulator.board.BoardCatalog} finds
 * {@code boards/<name>/board.yaml} files (bundled in the jar, or in a directory),
 * {@link dev.vboard.emulator.board.BoardParser} reads one strictly into a
 * {@link dev.vboard.emulator.board.BoardDescription}, and
 * {@link dev.vboard.emulator.board.BoardBuilder} turns that into a machine with its devices
 * as one linear script: CPU, memory, interrupt combiners, devices and placeholders, the
 * unimplemented remainder of the map, image hooks. Every error is a one-line
 * {@link dev.vboard.emulator.board.BoardException} naming the file and field.
 */
package dev.vboard.emulator.board;
