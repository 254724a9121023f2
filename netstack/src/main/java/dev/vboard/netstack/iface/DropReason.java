package dev.vboard.netstack.iface;

import dev.vboard.netstack.wire.WireException;

/** Why a frame or datagram was dropped. The first six mirror {@link WireException.Kind}. */
public enum DropReason {
  TRUNCATED,
  BAD_LENGTH,
  BAD_CHECKSUM,
  UNSUPPORTED,
  FRAGMENTED,
  MALFORMED,
  /** An EtherType other than IPv4 and ARP (IPv6 included: this network is IPv4 only). */
  UNKNOWN_ETHERTYPE,
  /** Addressed to a MAC or IP address that is not one of the virtual hosts. */
  NOT_FOR_US,
  /** A source address no host may use (broadcast or multicast, RFC 1122 section 3.2.1.3). */
  BAD_SOURCE,
  /** An IPv4 protocol with no handler. */
  UNKNOWN_PROTOCOL,
  /** An outgoing datagram for an address whose MAC we have not learned. */
  NO_NEIGHBOR,
  /** An outgoing datagram larger than the MTU; we set DF and do not fragment. */
  OVERSIZE,
  /** A destination outside the virtual hosts with nothing (no NAT yet) to carry it. */
  NO_ROUTE,
  /** A UDP port with no service; answered with ICMP port unreachable where allowed. */
  PORT_UNREACHABLE,
  /** Well-formed but not something this responder answers (ICMP types, DNS responses...). */
  UNHANDLED;

  public static DropReason of(WireException.Kind kind) {
    return switch (kind) {
      case TRUNCATED -> TRUNCATED;
      case BAD_LENGTH -> BAD_LENGTH;
      case BAD_CHECKSUM -> BAD_CHECKSUM;
      case UNSUPPORTED -> UNSUPPORTED;
      case FRAGMENTED -> FRAGMENTED;
      case MALFORMED -> MALFORMED;
    };
  }
}
