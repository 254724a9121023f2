/**
 * The guest's Ethernet wire as seen from the network: {@link dev.vboard.netstack.link.Link}, the
 * wrappers around it (pcap capture, seeded fault injection) and
 * {@link dev.vboard.netstack.link.EmbeddedLink} for tests.
 */
package dev.vboard.netstack.link;
