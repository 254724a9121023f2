package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Guest.Received;
import dev.vboard.netstack.link.EmbeddedLink;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpPacket;
import dev.vboard.netstack.wire.TcpRepr;
import dev.vboard.netstack.wire.WireException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The facade serves the virtual services over TCP too, with no wiring by the caller. */
class TcpServicesThroughFacadeTest {
  private final Netstack stack = new Netstack(NetstackConfig.defaults());
  private final EmbeddedLink link = new EmbeddedLink(stack);
  private final Guest guest = Guest.standard();

  private void send(int seq, int ack, int flags) {
    TcpRepr seg = new TcpRepr(40000, 13, seq, ack, flags, 65535, 0, TcpOptions.NONE,
        new byte[0]);
    link.inject(guest.ipv4(Guest.GATEWAY, IpProtocol.TCP, seg.toBytes(guest.ip, Guest.GATEWAY)));
  }

  private TcpRepr tcp(Received r) throws WireException {
    assertEquals(IpProtocol.TCP, r.ip().protocol());
    return TcpRepr.parse(r.ip().src(), r.ip().dst(), r.ipPayload(), 0, r.ipPayload().length);
  }

  @Test
  void daytimeOverTcpSendsTheDateAndCloses() throws WireException {
    send(1000, 0, TcpPacket.FLAG_SYN);
    TcpRepr synAck = tcp(Guest.decode(link.drain().get(0)));
    assertTrue(synAck.has(TcpPacket.FLAG_SYN) && synAck.has(TcpPacket.FLAG_ACK));
    assertEquals(1001, synAck.ack());

    send(1001, synAck.seq() + 1, TcpPacket.FLAG_ACK);
    link.runUntil(link.now()); // only what is due now: no retransmissions
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    boolean fin = false;
    for (byte[] f : link.drain()) {
      TcpRepr seg = tcp(Guest.decode(f));
      data.writeBytes(seg.payload());
      fin |= seg.has(TcpPacket.FLAG_FIN);
    }
    assertEquals("Saturday, January 1, 2000 00:00:00-UTC\r\n", data.toString());
    assertTrue(fin, "daytime closes after sending (RFC 867)");
  }
}
