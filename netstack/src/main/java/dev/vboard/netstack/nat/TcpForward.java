package dev.vboard.netstack.nat;

import dev.vboard.netstack.transport.tcp.FourTuple;
import dev.vboard.netstack.transport.tcp.TcpEngine;
import dev.vboard.netstack.transport.tcp.TcpSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP {@code hostfwd}: a listening host socket; every host client that connects gets a
 * guest-side connection from the gateway (QEMU: the guest sees the forward's connections come
 * from 10.0.2.2) to the forward's guest address and port, spliced by a {@link TcpBridge}.
 * Works under {@code --restrict}, as in QEMU.
 */
final class TcpForward implements HostIo.Handler {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net.nat");

  private final PortForward forward;
  private final int gateway;
  private final TcpEngine engine;
  private final HostIo io;
  private final NatCounters counters;
  private final int bufferBytes;
  private final ServerSocketChannel server;
  private final List<TcpBridge> bridges = new ArrayList<>();

  /** Binds the host socket now: a forward that cannot bind is a configuration error. */
  TcpForward(PortForward forward, int gateway, TcpEngine engine, HostIo io, NatCounters counters,
      int bufferBytes) {
    this.forward = forward;
    this.gateway = gateway;
    this.engine = engine;
    this.io = io;
    this.counters = counters;
    this.bufferBytes = bufferBytes;
    try {
      server = ServerSocketChannel.open();
      server.bind(HostRoute.socketAddress(forward.hostAddr(), forward.hostPort()));
      io.register(server, SelectionKey.OP_ACCEPT, this);
    } catch (IOException e) {
      throw new UncheckedIOException("hostfwd " + forward + ": cannot listen: " + e.getMessage(),
          e);
    }
  }

  /** The bound host address (its port is the real one when the forward asked for port 0). */
  InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) server.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void ready(SelectionKey key, long nowNs) {
    for (;;) {
      SocketChannel client;
      try {
        client = server.accept();
      } catch (IOException e) {
        LOG.warn("hostfwd {}: accept failed: {}", forward, e.toString());
        return;
      }
      if (client == null) {
        return;
      }
      connectGuest(client, nowNs);
    }
  }

  private void connectGuest(SocketChannel client, long nowNs) {
    counters.tcpForwardsAccepted++;
    String name = "hostfwd " + forward;
    try {
      client.configureBlocking(false);
      TcpBridge[] holder = new TcpBridge[1];
      TcpSocket[] socketHolder = new TcpSocket[1];
      holder[0] = new TcpBridge(client, bufferBytes, counters, name, () -> socketHolder[0]);
      socketHolder[0] = engine.connect(gateway, forward.guestAddr(), forward.guestPort(),
          holder[0], nowNs);
      FourTuple t = socketHolder[0].tuple();
      LOG.debug("{}: host client {} -> guest {}", name, client.getRemoteAddress(), t);
      holder[0].attach(io, socketHolder[0]);
      bridges.removeIf(TcpBridge::isDone);
      bridges.add(holder[0]);
    } catch (IOException | IllegalStateException e) {
      LOG.warn("{}: cannot open the guest side: {}", name, e.toString());
      TcpNat.closeQuietly(client);
    }
  }

  int openCount() {
    bridges.removeIf(TcpBridge::isDone);
    return bridges.size();
  }
}
