package dev.vboard.netstack.transport.tcp.service;

import dev.vboard.netstack.transport.service.StreamSession;
import dev.vboard.netstack.transport.tcp.TcpApplication;
import dev.vboard.netstack.transport.tcp.TcpError;
import dev.vboard.netstack.transport.tcp.TcpSocket;

/**
 * Runs one {@link StreamSession} of a virtual service on one TCP connection.
 *
 * <p>Backpressure both ways: output is pulled from the session only as far as the send buffer
 * has room, and input is taken from the connection only once the session's earlier output has
 * all been written, and then no more than the send buffer could take back. So an echo client
 * that never reads finds its own window shrinking, chargen (RFC 864) produces exactly what the
 * client consumes, and nothing accepted is ever dropped.
 *
 * <p>Closing: a one-shot service (daytime, qotd) closes once its output is written; every
 * service closes its side after the client's FIN, once the output owed for the client's input
 * is written. An endless generator (chargen) owes nothing: the client's FIN ends it, as RFC 864
 * says the stream continues "until the calling user terminates the connection".
 */
public final class StreamServiceApplication implements TcpApplication {
  private final StreamSession session;
  private final boolean endless;
  /** Output pulled from the session but not yet accepted by the socket. */
  private byte[] pending = new byte[0];
  private int pendingOff;
  /** The session had nothing more to give at the last pull. */
  private boolean sessionDrained;
  private boolean closed;

  /**
   * @param session the service's state for this connection
   * @param endless the session's output is unbounded and independent of its input (chargen)
   */
  public StreamServiceApplication(StreamSession session, boolean endless) {
    this.session = session;
    this.endless = endless;
  }

  @Override
  public void onOpen(TcpSocket socket) {
    pump(socket);
  }

  @Override
  public void onReadable(TcpSocket socket) {
    pump(socket);
  }

  @Override
  public void onWritable(TcpSocket socket) {
    pump(socket);
  }

  @Override
  public void onPeerClosed(TcpSocket socket) {
    pump(socket);
  }

  @Override
  public void onClosed(TcpSocket socket, TcpError error) {
    closed = true;
  }

  /** Moves bytes socket -> session -> socket until one side is blocked, then maybe closes. */
  private void pump(TcpSocket socket) {
    byte[] in = new byte[0];
    if (endless) {
      feedAllInput(socket); // its output does not depend on input, so input costs nothing to take
    }
    while (!closed) {
      if (!flushPending(socket)) {
        return; // send buffer full; onWritable resumes
      }
      int room = socket.writable();
      if (room <= 0) {
        return;
      }
      if (endless && socket.peerClosed()) {
        sessionDrained = true; // the client's FIN ends the stream
        break;
      }
      pending = session.read(room);
      pendingOff = 0;
      sessionDrained = pending.length < room;
      if (pending.length > 0) {
        continue;
      }
      // The session is drained: feed it input, at most what its reply could occupy.
      int want = Math.min(room, socket.readable());
      if (want == 0) {
        break;
      }
      if (in.length < want) {
        in = new byte[want];
      }
      int n = socket.read(in, 0, want);
      byte[] chunk = new byte[n];
      System.arraycopy(in, 0, chunk, 0, n);
      session.receive(chunk, socket.nowNs());
    }
    boolean done = sessionDrained && pendingOff == pending.length
        && (session.closeWhenDrained() || (socket.peerClosed() && socket.readable() == 0));
    if (done && !closed) {
      closed = true;
      socket.close();
    }
  }

  private void feedAllInput(TcpSocket socket) {
    byte[] buf = new byte[Math.max(1, socket.readable())];
    int n;
    while ((n = socket.read(buf, 0, buf.length)) > 0) {
      byte[] chunk = new byte[n];
      System.arraycopy(buf, 0, chunk, 0, n);
      session.receive(chunk, socket.nowNs());
    }
  }

  /** Writes what is left of the last pull; true when all of it has been accepted. */
  private boolean flushPending(TcpSocket socket) {
    int left = pending.length - pendingOff;
    if (left == 0) {
      return true;
    }
    int n = socket.write(pending, pendingOff, left);
    if (n < 0) {
      closed = true;
      return false;
    }
    pendingOff += n;
    return pendingOff == pending.length;
  }
}
