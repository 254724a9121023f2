package dev.vboard.netstack.transport.service;

/** Discard (RFC 863): everything received is thrown away and nothing is ever sent. */
public final class DiscardService implements VirtualService {
  public static final int PORT = 9;

  @Override
  public String name() {
    return "discard";
  }

  @Override
  public int port() {
    return PORT;
  }

  @Override
  public byte[] answerDatagram(byte[] request, long nowNs) {
    return null;
  }

  @Override
  public StreamSession openStream(long nowNs) {
    return new QueuedSession(new byte[0], false, false);
  }
}
