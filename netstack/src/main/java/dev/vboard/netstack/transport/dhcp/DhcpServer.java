package dev.vboard.netstack.transport.dhcp;

import dev.vboard.netstack.iface.DropCounters;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.transport.udp.UdpDatagram;
import dev.vboard.netstack.transport.udp.UdpHandler;
import dev.vboard.netstack.transport.udp.UdpSender;
import dev.vboard.netstack.wire.DhcpOption;
import dev.vboard.netstack.wire.DhcpPacket;
import dev.vboard.netstack.wire.DhcpRepr;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.WireException;
import java.util.List;

/**
 * A DHCP server (RFC 2131) for the virtual network, bound to UDP port 67.
 *
 * <p>Replies go to the broadcast address unless the client already has an address (ciaddr set,
 * i.e. renewing or INFORM), like QEMU's slirp: every client on the wire can receive a broadcast,
 * while a unicast to an unconfigured client would need an ARP entry it cannot answer for.
 * Relayed messages (giaddr set) are not expected on a one-segment network and are dropped.
 */
public final class DhcpServer implements UdpHandler {
  public static final int SERVER_PORT = 67;
  public static final int CLIENT_PORT = 68;
  /** How long an OFFER reserves its address for the client (RFC 2131 section 4.3.1 leaves it). */
  static final long OFFER_HOLD_NS = 60_000_000_000L;

  private final DhcpConfig config;
  private final DropCounters drops;
  private final LeaseTable leases;
  private final LeaseListener listener;

  public DhcpServer(DhcpConfig config, DropCounters drops) {
    this(config, drops, LeaseListener.NONE);
  }

  /** A server that tells {@code listener} of every lease it acknowledges. */
  public DhcpServer(DhcpConfig config, DropCounters drops, LeaseListener listener) {
    this.config = config;
    this.drops = drops;
    this.leases = new LeaseTable(config);
    this.listener = listener;
  }

  @Override
  public void receive(UdpDatagram d, long nowNs, UdpSender out) {
    DhcpRepr msg;
    try {
      msg = DhcpRepr.parse(DhcpPacket.wrap(d.payload()));
    } catch (WireException e) {
      drops.drop(Layer.DHCP, e);
      return;
    }
    if (msg.op() != DhcpRepr.BOOTREQUEST || msg.giaddr() != 0) {
      drops.drop(Layer.DHCP, DropReason.UNHANDLED, "op " + msg.op() + " giaddr "
          + Ipv4Address.toString(msg.giaddr()));
      return;
    }
    DhcpRepr reply = switch (msg.messageType()) {
      case DhcpOption.DISCOVER -> discover(msg, nowNs);
      case DhcpOption.REQUEST -> request(msg, nowNs);
      case DhcpOption.INFORM -> inform(msg);
      case DhcpOption.RELEASE -> release(msg);
      case DhcpOption.DECLINE -> decline(msg);
      default -> unhandled(msg);
    };
    if (reply != null) {
      boolean unicast = reply.messageType() != DhcpOption.NAK && msg.ciaddr() != 0;
      out.send(config.serverAddr(), SERVER_PORT, unicast ? msg.ciaddr() : Ipv4Address.BROADCAST,
          CLIENT_PORT, reply.toBytes());
    }
  }

  // ---------------------------------------------------------------- message handlers

  /** RFC 2131 section 4.3.1: choose an address and offer it. */
  private DhcpRepr discover(DhcpRepr msg, long nowNs) {
    Integer addr = leases.choose(msg.chaddr(), msg.requestedIp(), nowNs);
    if (addr == null) {
      drops.drop(Layer.DHCP, DropReason.UNHANDLED, "pool exhausted for " + msg.chaddr());
      return null;
    }
    Lease old = leases.of(msg.chaddr());
    if (old == null || old.addr() != addr || !old.committed()) {
      leases.bind(msg.chaddr(), addr, nowNs + OFFER_HOLD_NS, false);
    }
    return answer(msg, DhcpOption.OFFER, addr, true);
  }

  /** RFC 2131 section 4.3.2: the four client states a REQUEST can come from. */
  private DhcpRepr request(DhcpRepr msg, long nowNs) {
    if (msg.serverId() != null) {
      return selecting(msg, nowNs);
    }
    int addr;
    if (msg.requestedIp() != null) {
      addr = msg.requestedIp(); // INIT-REBOOT
    } else if (msg.ciaddr() != 0) {
      addr = msg.ciaddr(); // RENEWING or REBINDING
    } else {
      drops.drop(Layer.DHCP, DropReason.MALFORMED, "REQUEST without address from "
          + msg.chaddr());
      return null;
    }
    if (!leases.availableTo(addr, msg.chaddr(), nowNs)) {
      return nak(msg);
    }
    return commit(msg, addr, nowNs);
  }

  private DhcpRepr selecting(DhcpRepr msg, long nowNs) {
    if (msg.serverId() != config.serverAddr()) {
      // The client chose another server: drop our offer (RFC 2131 section 4.3.2, SELECTING).
      Lease offer = leases.of(msg.chaddr());
      if (offer != null && !offer.committed()) {
        leases.release(msg.chaddr());
      }
      return null;
    }
    Lease offer = leases.of(msg.chaddr());
    Integer wanted = msg.requestedIp() != null ? msg.requestedIp()
        : msg.ciaddr() != 0 ? Integer.valueOf(msg.ciaddr()) : null;
    if (offer == null || wanted == null || offer.addr() != wanted
        || !leases.availableTo(wanted, msg.chaddr(), nowNs)) {
      return nak(msg);
    }
    return commit(msg, wanted, nowNs);
  }

  private DhcpRepr commit(DhcpRepr msg, int addr, long nowNs) {
    leases.bind(msg.chaddr(), addr, nowNs + config.leaseSeconds() * 1_000_000_000L, true);
    listener.acknowledged(msg.chaddr(), addr);
    return answer(msg, DhcpOption.ACK, addr, true);
  }

  /** RFC 2131 section 4.3.5: configuration only, no address and no lease time. */
  private DhcpRepr inform(DhcpRepr msg) {
    return answer(msg, DhcpOption.ACK, 0, false);
  }

  /** RFC 2131 section 4.3.4: forget the binding; no reply. */
  private DhcpRepr release(DhcpRepr msg) {
    Lease lease = leases.of(msg.chaddr());
    if (lease != null && lease.addr() == msg.ciaddr()) {
      leases.release(msg.chaddr());
    }
    return null;
  }

  /** RFC 2131 section 4.3.3: the address is in use by someone else; never offer it again. */
  private DhcpRepr decline(DhcpRepr msg) {
    if (msg.requestedIp() != null) {
      leases.decline(msg.chaddr(), msg.requestedIp());
    }
    return null;
  }

  private DhcpRepr unhandled(DhcpRepr msg) {
    drops.drop(Layer.DHCP, DropReason.UNHANDLED, "message type " + msg.messageType()
        + " from a client");
    return null;
  }

  // ---------------------------------------------------------------- replies

  /** RFC 2131 table 3: the fields and options of an OFFER or ACK. */
  private DhcpRepr answer(DhcpRepr msg, int type, int yiaddr, boolean withLease) {
    int lease = config.leaseSeconds();
    return new DhcpRepr(DhcpRepr.BOOTREPLY, msg.xid(), 0, msg.flags(), msg.ciaddr(), yiaddr,
        config.serverAddr(), 0, msg.chaddr(), type, null, config.serverAddr(),
        withLease ? lease : null,
        withLease ? lease / 2 : null,
        withLease ? (int) (lease * 7L / 8) : null,
        config.subnetMask(), config.router(), config.dnsServers(), List.of());
  }

  /** RFC 2131 table 3, DHCPNAK: server identifier only, no addresses. */
  private DhcpRepr nak(DhcpRepr msg) {
    return new DhcpRepr(DhcpRepr.BOOTREPLY, msg.xid(), 0, msg.flags(), 0, 0, 0, 0, msg.chaddr(),
        DhcpOption.NAK, null, config.serverAddr(), null, null, null, null, null, List.of(),
        List.of());
  }
}
