package dev.vboard.netstack.transport.tcp;

/**
 * What sits on top of a connection: a virtual service, or later a NAT socket. The engine calls
 * these after it has processed an event, never in the middle of one, so a callback may call any
 * {@link TcpSocket} method. Callbacks are edge-triggered.
 */
public interface TcpApplication {
  /** The three-way handshake completed (RFC 9293 section 3.5). */
  default void onOpen(TcpSocket socket) { }

  /** New in-order data is buffered for {@link TcpSocket#read}. */
  default void onReadable(TcpSocket socket) { }

  /** Acknowledged data freed send buffer space. */
  default void onWritable(TcpSocket socket) { }

  /** The peer sent FIN: after the buffered data, {@code read} returns -1. */
  default void onPeerClosed(TcpSocket socket) { }

  /**
   * The connection is over for the application: {@code error} is null after an orderly close
   * (both FINs exchanged), or says why it ended. Called at most once.
   */
  default void onClosed(TcpSocket socket, TcpError error) { }
}
