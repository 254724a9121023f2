package dev.vboard.netstack.link;

import java.util.List;

/**
 * The network end of the guest's Ethernet wire. The emulator's NIC calls it with each frame the
 * guest transmits and delivers the returned frames to the guest. Wrappers (pcap capture, fault
 * injection) implement it around another link, so the stack itself knows nothing of them.
 *
 * <p>Time is virtual nanoseconds, passed in; it must not go backwards between calls. A link keeps
 * no reference to a frame it is given (the NIC may reuse its buffer), and the frames it returns
 * belong to the caller. Not thread-safe: one simulation thread drives it.
 */
public interface Link {
  /** No pending deadline. */
  long NEVER = Long.MAX_VALUE;

  /** One frame from the guest (without FCS); returns the frames to deliver to the guest now. */
  List<byte[]> receiveFromGuest(byte[] frame, long nowNs);

  /** The next virtual time at which {@link #poll} has work, or {@link #NEVER}. */
  long pollAt();

  /** Runs what is due at {@code nowNs}; returns the frames to deliver to the guest. */
  List<byte[]> poll(long nowNs);
}
