package dev.vboard.netstack.transport.tcp;

/** A listening port's policy: the application for a new passive connection, or refusal. */
@FunctionalInterface
public interface TcpAcceptor {
  /**
   * Returns the application for a connection whose SYN arrived at {@code nowNs}, or null to
   * refuse it (RST).
   */
  TcpApplication accept(FourTuple tuple, long nowNs);
}
