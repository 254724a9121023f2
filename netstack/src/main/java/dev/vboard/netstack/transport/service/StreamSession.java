package dev.vboard.netstack.transport.service;

/**
 * One connection's worth of a {@link VirtualService} over a byte stream, in pull style: the TCP
 * engine pushes received bytes in with {@link #receive}, pulls bytes to send with {@link #read}
 * as its send window allows, and closes its side when {@link #closeWhenDrained} is true and
 * {@link #read} has returned everything.
 */
public interface StreamSession {
  /** Bytes the peer sent, in order. */
  void receive(byte[] data, long nowNs);

  /** Up to {@code max} bytes to send now; empty when nothing is pending. */
  byte[] read(int max);

  /** True once the service has queued all it will ever send and wants the connection closed. */
  boolean closeWhenDrained();
}
