/**
 * Pure codecs for the protocols on the virtual wire: no state, no I/O, no clock.
 *
 * <p>Two types per protocol, in the manner of smoltcp's {@code Packet}/{@code Repr}: a view over
 * {@code (byte[] buf, int off)} whose field offsets are named constants, and an immutable record
 * with {@code parse}, {@code emit} and {@code bufferLen}. Views only check that the fixed header
 * fits; records validate and report problems as a checked {@link
 * dev.vboard.netstack.wire.WireException}, never as an unchecked exception. IPv4 addresses are
 * {@code int}s in network order; see {@link dev.vboard.netstack.wire.Ipv4Address}.
 */
package dev.vboard.netstack.wire;
