package dev.vboard.netstack.transport.tcp;

import java.io.ByteArrayOutputStream;

/**
 * A test application that streams {@code source} out as fast as the send buffer allows, closes
 * when done, and keeps everything it receives. Reads in small slices to behave like a slowish
 * consumer.
 */
final class StreamApp implements TcpApplication {
  private final byte[] source;
  private final int readSlice;
  private int sent;
  private boolean closeSent;
  final ByteArrayOutputStream received = new ByteArrayOutputStream();
  boolean eof;
  boolean closed;
  TcpError error;

  StreamApp(byte[] source, int readSlice) {
    this.source = source;
    this.readSlice = readSlice;
  }

  @Override
  public void onOpen(TcpSocket s) {
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
        return;
      }
      sent += n;
    }
    if (!closeSent) {
      closeSent = true;
      s.close();
    }
  }

  private void read(TcpSocket s) {
    byte[] buf = new byte[readSlice];
    while (true) {
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
