/**
 * The DNS server at 10.0.2.3 (RFC 1035), answering IN A queries from a pluggable
 * {@link dev.vboard.netstack.transport.dns.DnsResolver}; the default resolver is a static table.
 */
package dev.vboard.netstack.transport.dns;
