package dev.vboard.netstack.transport.dhcp;

import dev.vboard.netstack.wire.MacAddress;

/**
 * One address bound to one client until {@code expiresNs} (virtual time).
 *
 * @param committed false between OFFER and REQUEST: an offered address is reserved for the
 *     client but not yet in use (RFC 2131 section 4.3.1)
 */
record Lease(MacAddress client, int addr, long expiresNs, boolean committed) {
  boolean expired(long nowNs) {
    return nowNs >= expiresNs;
  }
}
