package dev.vboard.netstack.nat;

import dev.vboard.netstack.transport.tcp.TcpApplication;
import dev.vboard.netstack.transport.tcp.TcpError;
import dev.vboard.netstack.transport.tcp.TcpSocket;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splices one guest TCP connection ({@link TcpSocket}) to one host {@link SocketChannel}, for the
 * outbound NAT and for port forwards alike.
 *
 * <p>Backpressure: each direction has one bounded buffer. Guest bytes are read from the socket
 * only while {@code toHost} has room, so a host that reads slowly leaves them in the TCP engine,
 * whose window then closes on the guest. Host bytes are read only while {@code toGuest} has
 * room, and it drains only as fast as the guest's window lets the socket accept them, so a slow
 * guest leaves the host's bytes in the host kernel. Nothing accepted is ever dropped.
 *
 * <p>Endings map both ways: a FIN becomes {@code shutdownOutput} / {@link TcpSocket#close} after
 * the buffered bytes; a reset becomes an abort (RST) on the other side: on the host through
 * {@code SO_LINGER 0} (close with linger 0 sends RST, RFC 9293 3.10.4 ABORT).
 */
final class TcpBridge implements TcpApplication, HostIo.Handler {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net.nat");

  private final SocketChannel channel;
  private final NatCounters counters;
  private final String name;
  /** Finds the guest connection before its handshake completes (no callback has named it). */
  private final Supplier<TcpSocket> lookup;
  /** Guest to host, in fill mode (position = bytes waiting). */
  private final ByteBuffer toHost;
  /** Host to guest, in fill mode. */
  private final ByteBuffer toGuest;
  private SelectionKey key;
  private TcpSocket socket;
  private boolean guestOpen;
  private boolean guestEof;
  private boolean hostOutputShut;
  private boolean hostEof;
  private boolean guestFinSent;
  private boolean guestClosed;
  private boolean done;

  /** Splices {@code channel}, which must be connected already. */
  TcpBridge(SocketChannel channel, int bufferBytes, NatCounters counters, String name,
      Supplier<TcpSocket> lookup) {
    this.channel = channel;
    this.lookup = lookup;
    this.counters = counters;
    this.name = name;
    this.toHost = ByteBuffer.allocate(bufferBytes);
    this.toGuest = ByteBuffer.allocate(bufferBytes);
  }

  /**
   * Starts watching the host channel; call once, right after construction. Nagle is off on the
   * host socket, as QEMU's slirp does: the bridge writes whatever the guest's segments carried,
   * so holding a small write back until the host ACKs the previous one would only add the
   * host's delayed-ACK time (40 ms on Linux) to request-response traffic.
   */
  void attach(HostIo io, TcpSocket guestSocket) throws IOException {
    this.socket = guestSocket;
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException e) {
      LOG.debug("{}: TCP_NODELAY: {}", name, e.toString()); // only slower, still correct
    }
    this.key = io.register(channel, SelectionKey.OP_READ, this);
  }

  /** Finished, or its host socket was closed under it (a failed handler, {@code Nat.close}). */
  boolean isDone() {
    return done || !channel.isOpen();
  }

  // ---------------------------------------------------------------- guest side (TCP engine)

  @Override
  public void onOpen(TcpSocket s) {
    socket = s;
    guestOpen = true;
    pump();
  }

  @Override
  public void onReadable(TcpSocket s) {
    socket = s;
    pump();
  }

  @Override
  public void onWritable(TcpSocket s) {
    socket = s;
    pump();
  }

  @Override
  public void onPeerClosed(TcpSocket s) {
    socket = s;
    pump();
  }

  @Override
  public void onClosed(TcpSocket s, TcpError error) {
    guestClosed = true;
    if (error == null) {
      LOG.debug("{}: guest side closed", name);
      pump(); // flushes what is left for the host, then finishes
      return;
    }
    LOG.debug("{}: guest side ended: {}", name, error);
    if (error == TcpError.REFUSED) {
      counters.tcpRefused++;
    } else {
      counters.tcpReset++;
    }
    resetHost();
  }

  // ---------------------------------------------------------------- host side (selector)

  @Override
  public void ready(SelectionKey k, long nowNs) {
    if (!done) {
      pump();
    }
  }

  // ---------------------------------------------------------------- the splice

  /** Moves bytes every way they can go until nothing moves, then updates the interest set. */
  private void pump() {
    try {
      boolean moved = true;
      while (moved && !done) {
        moved = guestToBuffer() | bufferToHost() | hostToBuffer() | bufferToGuest();
      }
      if (!done) {
        propagateEnds();
      }
    } catch (IOException e) {
      // The host peer reset the connection (or the socket broke): the guest sees a reset too.
      LOG.debug("{}: host socket failed: {}", name, e.toString());
      counters.tcpReset++;
      abortGuest();
      finish();
      return;
    }
    if (!done) {
      updateInterest();
    }
  }

  private boolean guestToBuffer() {
    if (socket == null || !guestOpen || guestEof || !toHost.hasRemaining()) {
      return false;
    }
    int n = socket.read(toHost.array(), toHost.position(), toHost.remaining());
    if (n < 0) {
      guestEof = true;
      return false;
    }
    toHost.position(toHost.position() + n);
    return n > 0;
  }

  private boolean bufferToHost() throws IOException {
    if (toHost.position() == 0 || hostOutputShut) {
      return false;
    }
    toHost.flip();
    int n = channel.write(toHost);
    toHost.compact();
    counters.bytesToHost += n;
    return n > 0;
  }

  private boolean hostToBuffer() throws IOException {
    if (hostEof || !toGuest.hasRemaining()) {
      return false;
    }
    int n = channel.read(toGuest);
    if (n < 0) {
      hostEof = true;
      return false;
    }
    return n > 0;
  }

  private boolean bufferToGuest() {
    if (socket == null || !guestOpen || guestFinSent || toGuest.position() == 0) {
      return false;
    }
    int n = socket.write(toGuest.array(), 0, toGuest.position());
    if (n <= 0) {
      return false;
    }
    toGuest.flip();
    toGuest.position(n);
    toGuest.compact();
    counters.bytesToGuest += n;
    return true;
  }

  /** Half-closes each side once its peer's FIN has been read and the buffer is empty. */
  private void propagateEnds() throws IOException {
    if (guestEof && !hostOutputShut && toHost.position() == 0) {
      hostOutputShut = true;
      channel.shutdownOutput();
    }
    if (hostEof && guestOpen && !guestFinSent && toGuest.position() == 0) {
      guestFinSent = true;
      socket.close();
    }
    if (guestClosed && toHost.position() == 0) {
      finish();
    }
  }

  private void updateInterest() {
    if (key == null || !key.isValid()) {
      return;
    }
    int ops = 0;
    if (!hostEof && toGuest.hasRemaining()) {
      ops |= SelectionKey.OP_READ;
    }
    if (toHost.position() > 0 && !hostOutputShut) {
      ops |= SelectionKey.OP_WRITE;
    }
    key.interestOps(ops);
  }

  private void abortGuest() {
    if (socket == null) {
      socket = lookup.get();
    }
    if (socket != null && !guestClosed) {
      socket.abort();
    }
    guestClosed = true;
  }

  private void resetHost() {
    try {
      if (channel.isOpen()) {
        channel.setOption(StandardSocketOptions.SO_LINGER, 0);
      }
    } catch (IOException e) {
      LOG.debug("{}: SO_LINGER: {}", name, e.toString());
    }
    finish();
  }

  private void finish() {
    if (done) {
      return;
    }
    done = true;
    if (key != null) {
      HostIo.closeQuietly(key);
    } else {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("{}: close: {}", name, e.toString());
      }
    }
  }
}
