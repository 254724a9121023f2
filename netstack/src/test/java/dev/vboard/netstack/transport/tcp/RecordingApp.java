package dev.vboard.netstack.transport.tcp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A test application that records its callbacks and, unless told otherwise, reads eagerly. */
final class RecordingApp implements TcpApplication {
  final List<String> events = new ArrayList<>();
  final ByteArrayOutputStream received = new ByteArrayOutputStream();
  boolean autoRead = true;
  TcpSocket socket;
  TcpError error;
  boolean eof;

  @Override
  public void onOpen(TcpSocket s) {
    socket = s;
    events.add("open");
  }

  @Override
  public void onReadable(TcpSocket s) {
    socket = s;
    events.add("readable");
    if (autoRead) {
      drainInto(s);
    }
  }

  @Override
  public void onWritable(TcpSocket s) {
    events.add("writable");
  }

  @Override
  public void onPeerClosed(TcpSocket s) {
    events.add("peerClosed");
    if (autoRead) {
      drainInto(s);
    }
  }

  @Override
  public void onClosed(TcpSocket s, TcpError e) {
    events.add("closed:" + e);
    error = e;
  }

  void drainInto(TcpSocket s) {
    byte[] buf = new byte[4096];
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
