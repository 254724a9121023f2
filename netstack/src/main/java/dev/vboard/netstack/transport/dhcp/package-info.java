/**
 * The DHCP server (RFC 2131, options RFC 2132) handing out the pool from 10.0.2.15 up. Leases
 * live in virtual time and expire lazily, so the server has no timers.
 */
package dev.vboard.netstack.transport.dhcp;
