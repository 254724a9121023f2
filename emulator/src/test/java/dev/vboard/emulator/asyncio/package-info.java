/**
 * End-to-end tests of asyncio on the board (issue #7): the board's Python firmware runs the
 * examples of {@code firmware-runtime/examples} and this package's programs (test resources
 * under {@code asyncio/}) on the emulated mps2-an385, over the firmware's TCP/IP stack and the
 * netstack; outputs are compared with {@code .exp} files and with CPython 3, and virtual
 * timings are read from UART0's per-byte virtual timestamps ({@link
 * dev.vboard.emulator.asyncio.TimedUart}).
 *
 * <p>The firmware is {@code firmware-runtime/build/mps2-an385/python.elf} unless the
 * {@code vboard.pythonFirmware} system property (Maven passes {@code -D} properties on to the
 * test JVM) or {@code VBOARD_PYTHON_FIRMWARE} names another build:
 * {@code mvn -pl netstack,emulator verify -Dtest='dev.vboard.emulator.asyncio.**'
 * -Dvboard.pythonFirmware=$PWD/firmware-runtime/build-X/mps2-an385/python.elf}.
 */
package dev.vboard.emulator.asyncio;
