package dev.vboard.netstack.transport.service;

/**
 * A small deterministic service on the gateway (10.0.2.2) that both transports can offer: UDP
 * calls {@link #answerDatagram} per datagram; TCP opens a {@link StreamSession} per connection.
 * Services read no clock: the virtual time comes in as an argument.
 */
public interface VirtualService {
  /** Short name for logs and configuration, e.g. {@code "echo"}. */
  String name();

  /** The well-known port, e.g. 7 for echo. */
  int port();

  /**
   * The reply to one UDP datagram, or {@code null} to send none.
   *
   * @param request the datagram's data
   * @param nowNs virtual time in nanoseconds
   */
  byte[] answerDatagram(byte[] request, long nowNs);

  /** A fresh session for one TCP connection accepted at {@code nowNs}. */
  StreamSession openStream(long nowNs);
}
