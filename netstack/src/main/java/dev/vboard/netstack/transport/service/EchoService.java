package dev.vboard.netstack.transport.service;

/** Echo (RFC 862): every datagram comes back unchanged; over TCP, every byte does. */
public final class EchoService implements VirtualService {
  public static final int PORT = 7;

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public int port() {
    return PORT;
  }

  @Override
  public byte[] answerDatagram(byte[] request, long nowNs) {
    return request.clone();
  }

  @Override
  public StreamSession openStream(long nowNs) {
    return new QueuedSession(new byte[0], true, false);
  }
}
