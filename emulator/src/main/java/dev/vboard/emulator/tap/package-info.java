/**
 * A Linux TAP device as the other end of the netstack's wire, for {@code vboard netstack --tap}:
 * a real host (or a network namespace) joins the virtual LAN in place of the board.
 *
 * <p>Contract: {@link dev.vboard.emulator.tap.TapDevice} is raw frame I/O on
 * {@code /dev/net/tun} (Linux {@code Documentation/networking/tuntap.rst}), bound through
 * jnr-ffi ({@link dev.vboard.emulator.tap.TapLibC}, annotations only).
 * {@link dev.vboard.emulator.tap.TapBridge} runs a netstack against it in real time. This package
 * is a REAL-TIME / HOST-I/O EDGE: the wall clock is read here (and only here) as the netstack's
 * {@code now}, because the other end is a real kernel that does not run on virtual time.
 */
package dev.vboard.emulator.tap;
