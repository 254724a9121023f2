package dev.vboard.netstack.transport.tcp;

/**
 * The application's handle on one connection: the user calls of RFC 9293 section 3.10 in a
 * non-blocking form. None of these methods block or throw on peer behaviour; readiness is
 * signalled through {@link TcpApplication} callbacks and can also be polled here. Calls made
 * outside a callback take effect on the engine's next {@code poll}, which {@code pollAt}
 * requests at once.
 */
public interface TcpSocket {
  FourTuple tuple();

  TcpState state();

  /** The virtual time of the event being handled, or of the last one. */
  long nowNs();

  /**
   * SEND: queues up to {@code len} bytes and returns how many were accepted (0 when the send
   * buffer is full). Every accepted byte is delivered unless the connection is reset or times
   * out. Returns -1 once sending is no longer possible (after {@link #close}, or when the
   * connection has ended).
   */
  int write(byte[] src, int off, int len);

  default int write(byte[] src) {
    return write(src, 0, src.length);
  }

  /** Bytes {@link #write} would accept now. */
  int writable();

  /**
   * RECEIVE: copies up to {@code len} buffered bytes and returns the count; 0 when nothing is
   * buffered yet; -1 at end of stream (the peer's FIN was received and everything read).
   * Reading reopens the advertised window.
   */
  int read(byte[] dst, int off, int len);

  /** Bytes {@link #read} would return now. */
  int readable();

  /** True once the peer's FIN has been received (data may still be buffered). */
  boolean peerClosed();

  /** CLOSE (half-close): a FIN follows the queued data; receiving continues. */
  void close();

  /** ABORT: sends RST if synchronized and forgets the connection, dropping queued data. */
  void abort();
}
