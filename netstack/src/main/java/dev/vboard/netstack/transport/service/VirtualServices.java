package dev.vboard.netstack.transport.service;

import dev.vboard.netstack.transport.udp.UdpDatagram;
import dev.vboard.netstack.transport.udp.UdpLayer;
import dev.vboard.netstack.transport.udp.UdpSender;
import java.util.List;

/** The default set of virtual services and their binding to UDP. */
public final class VirtualServices {
  private VirtualServices() { }

  /** Echo, discard, daytime, qotd and chargen, in port order. */
  public static List<VirtualService> defaults(long epochSeconds, QuoteBook quotes) {
    return List.of(new EchoService(), new DiscardService(), new DaytimeService(epochSeconds),
        new QotdService(quotes), new ChargenService());
  }

  /** Binds each service's UDP variant at {@code addr}:{@code port()}. */
  public static void bindUdp(UdpLayer udp, int addr, List<VirtualService> services) {
    for (VirtualService s : services) {
      udp.bind(addr, s.port(), (d, now, out) -> answer(s, d, now, out));
    }
  }

  /** One datagram in, at most one back to where it came from. */
  private static void answer(VirtualService s, UdpDatagram d, long nowNs, UdpSender out) {
    byte[] reply = s.answerDatagram(d.payload(), nowNs);
    if (reply != null) {
      out.send(d.dstAddr(), d.dstPort(), d.srcAddr(), d.srcPort(), reply);
    }
  }
}
