package dev.vboard.netstack.transport.tcp;

import dev.vboard.netstack.iface.DropCounters;
import dev.vboard.netstack.iface.IpProtocolHandler;
import dev.vboard.netstack.iface.IpSender;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.wire.IpProtocol;
import dev.vboard.netstack.wire.Ipv4Address;
import dev.vboard.netstack.wire.Ipv4Repr;
import dev.vboard.netstack.wire.TcpRepr;
import dev.vboard.netstack.wire.WireException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs the {@link TcpEngine} into the iface layer: register it for {@link IpProtocol#TCP}.
 * Malformed segments are counted as TCP drops. Segments the engine emits outside an iface call
 * (an active open or an abort by an application) are held and sent on the next call, and
 * {@link #pollAt()} asks for that call at once.
 */
public final class TcpLayer implements IpProtocolHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TcpLayer.class);
  private final TcpEngine engine;
  private final DropCounters drops;
  private final List<Datagram> deferred = new ArrayList<>();
  /** The sender of the iface call in progress, or null between calls. */
  private IpSender current;
  private long lastNowNs;

  private record Datagram(int src, int dst, byte[] segment) { }

  public TcpLayer(TcpConfig config, DropCounters drops) {
    this.engine = new TcpEngine(config, this::send);
    this.drops = drops;
  }

  /** Where listeners, active opens and the NAT fallback are configured. */
  public TcpEngine engine() {
    return engine;
  }

  @Override
  public void receive(Ipv4Repr ip, byte[] payload, long nowNs, IpSender out) {
    TcpRepr seg;
    try {
      seg = TcpRepr.parse(ip.src(), ip.dst(), payload, 0, payload.length);
    } catch (WireException e) {
      drops.drop(Layer.TCP, e);
      return;
    }
    begin(nowNs, out);
    try {
      engine.segmentArrived(ip.src(), ip.dst(), seg, nowNs);
    } catch (RuntimeException e) {
      // A bug here must not take the emulator down with it: like hardware, drop the segment,
      // say so loudly and carry on.
      LOG.error("TCP engine failed on {} from {}", seg, Ipv4Address.toString(ip.src()), e);
    } finally {
      current = null;
    }
  }

  @Override
  public long pollAt() {
    return deferred.isEmpty() ? engine.pollAt() : Math.min(lastNowNs, engine.pollAt());
  }

  @Override
  public void poll(long nowNs, IpSender out) {
    begin(nowNs, out);
    try {
      engine.poll(nowNs);
    } finally {
      current = null;
    }
  }

  private void begin(long nowNs, IpSender out) {
    lastNowNs = Math.max(lastNowNs, nowNs);
    current = out;
    for (Datagram d : deferred) {
      out.send(d.src(), d.dst(), IpProtocol.TCP, d.segment());
    }
    deferred.clear();
  }

  private void send(int src, int dst, byte[] segment) {
    if (current != null) {
      current.send(src, dst, IpProtocol.TCP, segment);
    } else {
      deferred.add(new Datagram(src, dst, segment));
    }
  }
}
