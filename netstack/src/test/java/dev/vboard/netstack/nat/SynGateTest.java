package dev.vboard.netstack.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.transport.tcp.FourTuple;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.TcpOptions;
import dev.vboard.netstack.wire.TcpRepr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate keeps a held SYN's RST from the guest and hands the SYN back on release. */
class SynGateTest {
  private static final int GUEST = Ipv4Address.parse("10.0.2.15");
  private static final int HOST = Ipv4Address.parse("10.0.2.2");
  private static final FourTuple TUPLE = new FourTuple(HOST, 8080, GUEST, 40000);
  private static final FourTuple OTHER = new FourTuple(HOST, 8081, GUEST, 40001);

  /** A TCP layer stand-in: counts arrivals, holds when told, answers every segment with RST. */
  private final class FakeTcp implements IpProtocolHandler {
    int arrivals;
    boolean holdNext = true;

    @Override
    public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
      arrivals++;
      int srcPort = (payload[0] & 0xff) << 8 | (payload[1] & 0xff);
      FourTuple t = srcPort == TUPLE.remotePort() ? TUPLE : OTHER;
      if (holdNext) {
        gate.hold(t);
      }
      out.send(HOST, GUEST, IpProtocol.TCP, rst(t));
    }
  }

  private final FakeTcp tcp = new FakeTcp();
  private final List<byte[]> released = new ArrayList<>();
  private final SynGate gate = new SynGate(tcp, (s, d, p, seg) -> released.add(seg));

  private static byte[] rst(FourTuple t) {
    return new TcpRepr(t.localPort(), t.remotePort(), 0, 1, 0x14, 0, 0,
        TcpOptions.NONE, new byte[0]).toBytes(t.localIp(), t.remoteIp());
  }

  private static byte[] syn(FourTuple t) {
    return new TcpRepr(t.remotePort(), t.localPort(), 0, 0, 0x02, 0, 0,
        TcpOptions.NONE, new byte[0]).toBytes(t.remoteIp(), t.localIp());
  }

  @Test
  void aHeldSynsRstIsSwallowedAndTheSynComesBackOnRelease() {
    List<byte[]> out = new ArrayList<>();
    byte[] syn = syn(TUPLE);
    gate.receive(Ipv4Repr.of(GUEST, HOST, IpProtocol.TCP, syn.length), syn, 0,
        (s, d, p, seg) -> out.add(seg));
    assertEquals(0, out.size());
    assertEquals(1, gate.heldCount());

    tcp.holdNext = false; // the host answered: this time the layer decides
    gate.release(TUPLE, 5);
    assertEquals(2, tcp.arrivals);
    assertEquals(1, released.size(), "the second answer goes to the guest");
    assertEquals(0, gate.heldCount());
  }

  @Test
  void segmentsOfOtherConnectionsPassWhileOneIsHeld() {
    List<byte[]> out = new ArrayList<>();
    tcp.holdNext = false;
    byte[] syn = syn(OTHER);
    gate.receive(Ipv4Repr.of(GUEST, HOST, IpProtocol.TCP, syn.length), syn, 0,
        (s, d, p, seg) -> out.add(seg));
    assertEquals(1, out.size());
    assertEquals(0, gate.heldCount());
  }
}
