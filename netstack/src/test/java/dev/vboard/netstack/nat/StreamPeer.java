package dev.vboard.netstack.nat;

import dev.vboard.netstack.transport.tcp.TcpApplication;
import dev.vboard.netstack.transport.tcp.TcpError;
import dev.vboard.netstack.transport.tcp.TcpSocket;
import java.io.ByteArrayOutputStream;

/**
 * A guest TCP application: writes {@code source} as fast as the send buffer allows, then
 * half-closes (unless told not to), and keeps what it receives. Counts the writes the socket
 * refused, to show backpressure reached the guest.
 */
final class StreamPeer implements TcpApplication {
  private final byte[] source;
  private final boolean closeWhenSent;
  private int sent;
  private boolean closeSent;
  final ByteArrayOutputStream received = new ByteArrayOutputStream();
  TcpSocket socket;
  boolean open;
  boolean eof;
  boolean closed;
  TcpError error;
  int refusedWrites;

  StreamPeer(byte[] source, boolean closeWhenSent) {
    this.source = source;
    this.closeWhenSent = closeWhenSent;
  }

  int sent() {
    return sent;
  }

  @Override
  public void onOpen(TcpSocket s) {
    socket = s;
    open = true;
    pump(s);
  }

  @Override
  public void onWritable(TcpSocket s) {
    pump(s);
  }

  @Override
  public void onReadable(TcpSocket s) {
    read(s);
  }

  @Override
  public void onPeerClosed(TcpSocket s) {
    read(s);
  }

  @Override
  public void onClosed(TcpSocket s, TcpError e) {
    closed = true;
    error = e;
  }

  private void pump(TcpSocket s) {
    while (sent < source.length) {
      int n = s.write(source, sent, source.length - sent);
      if (n <= 0) {
        refusedWrites++;
        return;
      }
      sent += n;
    }
    if (closeWhenSent && !closeSent) {
      closeSent = true;
      s.close();
    }
  }

  private void read(TcpSocket s) {
    byte[] buf = new byte[4096];
    for (;;) {
      int n = s.read(buf, 0, buf.length);
      if (n < 0) {
        eof = true;
        return;
      }
      if (n == 0) {
        return;
      }
      received.write(buf, 0, n);
    }
  }
}
