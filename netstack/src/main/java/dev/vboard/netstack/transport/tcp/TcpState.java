package dev.vboard.netstack.transport.tcp;

/** The connection states of RFC 9293 section 3.3.2, figure 5. */
public enum TcpState {
  CLOSED,
  LISTEN,
  SYN_SENT,
  SYN_RECEIVED,
  ESTABLISHED,
  FIN_WAIT_1,
  FIN_WAIT_2,
  CLOSE_WAIT,
  CLOSING,
  LAST_ACK,
  TIME_WAIT;

  /** RFC 9293 glossary: a synchronized state is any after the handshake's SYNs are acked. */
  public boolean isSynchronized() {
    return this != CLOSED && this != LISTEN && this != SYN_SENT && this != SYN_RECEIVED;
  }

  /** States where received text is delivered (RFC 9293 section 3.10.7.4, seventh step). */
  public boolean acceptsText() {
    return this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2;
  }

  /** States where the local application may still send (its CLOSE has not been issued). */
  public boolean canSend() {
    return this == SYN_SENT || this == SYN_RECEIVED || this == ESTABLISHED || this == CLOSE_WAIT;
  }
}
