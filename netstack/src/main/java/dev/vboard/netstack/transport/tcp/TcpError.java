package dev.vboard.netstack.transport.tcp;

/** Why a connection ended abnormally, as reported to the application (RFC 9293 section 3.10). */
public enum TcpError {
  /** The peer answered our SYN with RST: "connection refused". */
  REFUSED,
  /** The peer reset an open connection: "connection reset". */
  RESET,
  /** Retransmissions went unanswered until the retry limit (RFC 1122 section 4.2.3.5, R2). */
  TIMEOUT
}
