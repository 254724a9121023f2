package dev.vboard.netstack.transport.tcp.service;

import dev.vboard.netstack.transport.service.ChargenService;
import dev.vboard.netstack.transport.service.VirtualService;
import dev.vboard.netstack.transport.tcp.TcpEngine;
import java.util.List;

/**
 * Binds the TCP variants of the virtual services (echo RFC 862, discard RFC 863, daytime
 * RFC 867, qotd RFC 865, chargen RFC 864) on a virtual host, one session per connection.
 */
public final class TcpVirtualServices {
  private TcpVirtualServices() { }

  /**
   * Chargen's stream never drains; {@code StreamSession} cannot say so, hence the type test.
   * TODO: replace with a method on StreamSession once its owner adds one.
   */
  static boolean isEndless(VirtualService s) {
    return s instanceof ChargenService;
  }

  /** Listens on {@code addr}:{@code port()} for each service. */
  public static void bind(TcpEngine engine, int addr, List<VirtualService> services) {
    for (VirtualService s : services) {
      engine.listen(addr, s.port(),
          (tuple, nowNs) -> new StreamServiceApplication(s.openStream(nowNs), isEndless(s)));
    }
  }
}
