package dev.vboard.netstack.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.iface.IfaceConfig;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.wire.ArpPacket;
import dev.vboard.netstack.wire.ArpRepr;
import dev.vboard.netstack.wire.EtherType;
import dev.vboard.netstack.wire.EthernetFrame;
import dev.vboard.netstack.wire.EthernetRepr;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Packet;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.MacAddress;
import dev.vboard.netstack.wire.TcpPacket;
import dev.vboard.netstack.wire.WireException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The whole path: a guest TCP (a second engine) talks Ethernet frames to the {@link Netstack},
 * whose iface layer hands TCP to its {@link TcpLayer}, which serves the virtual services on
 * 10.0.2.2.
 */
class TcpThroughNetstackTest {
  private static final long MS = 1_000_000L;
  private static final int GATEWAY = Ipv4Address.parse("10.0.2.2");
  private static final int GUEST_IP = Ipv4Address.parse("10.0.2.15");
  private static final MacAddress GUEST_MAC = MacAddress.parse("52:54:00:12:34:56");

  private final Netstack stack = new Netstack(NetstackConfig.defaults()
      .withQuotes(List.of("The only quote.")));
  private final TcpLayer tcp = stack.tcp();
  private final Deque<byte[]> toStack = new ArrayDeque<>();
  private final TcpEngine guest = new TcpEngine(TcpConfig.defaults().withIssSeed(99),
      (src, dst, seg) -> toStack.add(frame(src, dst, seg)));
  private long now;

  private static byte[] frame(int src, int dst, byte[] segment) {
    Ipv4Repr ip = Ipv4Repr.of(src, dst, IpProtocol.TCP, segment.length);
    byte[] d = new byte[ip.totalLen()];
    ip.emit(d, 0);
    System.arraycopy(segment, 0, d, ip.bufferLen(), segment.length);
    return new EthernetRepr(GUEST_MAC, IfaceConfig.hostMac(GATEWAY), EtherType.IPV4)
        .frame(d, 0, d.length);
  }

  /** Hands a frame from the stack to the guest: TCP to its engine, ARP requests answered. */
  private void toGuest(byte[] f) throws WireException {
    EthernetFrame eth = EthernetFrame.wrap(f);
    if (eth.etherType() == EtherType.ARP) {
      ArpRepr req = ArpRepr.parse(ArpPacket.wrap(f, eth.payloadOffset(), eth.payloadLength()));
      if (req.operation() == ArpRepr.REQUEST && req.targetIp() == GUEST_IP) {
        ArpRepr reply = new ArpRepr(ArpRepr.REPLY, GUEST_MAC, GUEST_IP, req.senderMac(),
            req.senderIp());
        byte[] p = new byte[reply.bufferLen()];
        reply.emit(p, 0);
        toStack.add(new EthernetRepr(GUEST_MAC, req.senderMac(), EtherType.ARP)
            .frame(p, 0, p.length));
      }
      return;
    }
    Ipv4Packet p = Ipv4Packet.wrap(f, eth.payloadOffset(), eth.payloadLength());
    Ipv4Repr ip = Ipv4Repr.parse(p);
    assertEquals(IpProtocol.TCP, ip.protocol());
    guest.segmentArrived(ip.src(), ip.dst(), f, p.payloadOffset(), ip.payloadLen(), now);
  }

  private void run(java.util.function.BooleanSupplier done, long end) throws WireException {
    while (!done.getAsBoolean()) {
      while (!toStack.isEmpty()) {
        for (byte[] reply : stack.receiveFromGuest(toStack.poll(), now)) {
          toGuest(reply);
        }
      }
      long next = Math.min(stack.pollAt(), guest.pollAt());
      if (next > end) {
        return;
      }
      now = Math.max(now, next);
      for (byte[] f : stack.poll(now)) {
        toGuest(f);
      }
      if (guest.pollAt() <= now) {
        guest.poll(now);
      }
    }
  }

  @Test
  void echoOverEthernetReturnsEveryByte() throws WireException {
    byte[] data = new byte[200_000];
    new Random(1).nextBytes(data);
    StreamApp client = new StreamApp(data, 1000);
    guest.connect(GUEST_IP, GATEWAY, 7, client, now);
    run(() -> client.closed, 600_000 * MS);
    assertArrayEquals(data, client.received.toByteArray());
    assertNull(client.error);
  }

  @Test
  void qotdOverEthernetSendsTheQuoteAndCloses() throws WireException {
    StreamApp client = new StreamApp(new byte[0], 100);
    guest.connect(GUEST_IP, GATEWAY, 17, client, now);
    run(() -> client.closed, 600_000 * MS);
    assertEquals("The only quote.\r\n", client.received.toString(StandardCharsets.US_ASCII));
    assertTrue(client.eof);
  }

  @Test
  void closedPortIsRefused() throws WireException {
    StreamApp client = new StreamApp(new byte[0], 100);
    guest.connect(GUEST_IP, GATEWAY, 23, client, now);
    run(() -> client.closed, 600_000 * MS);
    assertEquals(TcpError.REFUSED, client.error);
  }

  @Test
  void corruptSegmentsAreCountedAsTcpDrops() {
    byte[] seg = new byte[TcpPacket.HEADER_LEN];
    seg[TcpPacket.DATA_OFFSET] = 0x50;
    seg[TcpPacket.SRC_PORT + 1] = 1;
    seg[TcpPacket.DST_PORT + 1] = 7;
    stack.receiveFromGuest(frame(GUEST_IP, GATEWAY, seg), 0); // checksum left at zero
    assertEquals(1, stack.drops().get(Layer.TCP, DropReason.of(WireException.Kind.BAD_CHECKSUM)));
  }

  @Test
  void anActiveOpenTowardsTheGuestGoesOutOnTheNextPoll() throws WireException {
    StreamApp server = new StreamApp("hello from the guest".getBytes(StandardCharsets.US_ASCII),
        100);
    guest.listen(GUEST_IP, 8080, (t, n) -> server);
    StreamApp hostSide = new StreamApp(new byte[0], 100);
    // A port forward's connection: opened outside any iface call.
    tcp.engine().connect(GATEWAY, GUEST_IP, 8080, hostSide, now);
    assertEquals(now, stack.pollAt(), "the SYN is waiting for a poll");
    run(() -> hostSide.closed && server.closed, 600_000 * MS);
    assertNull(hostSide.error);
    assertEquals("hello from the guest", hostSide.received.toString(StandardCharsets.US_ASCII));
  }
}
