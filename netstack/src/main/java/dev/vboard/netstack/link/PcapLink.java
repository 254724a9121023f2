package dev.vboard.netstack.link;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures every frame crossing a {@link Link}, in both directions, into a {@link PcapWriter}.
 * A frame from the guest is written before the frames the network sends back for it, all stamped
 * with the virtual time of the call.
 *
 * <p>I/O edge: the capture file is host I/O. A failed write is logged once and ends the capture;
 * it never disturbs the simulation.
 */
public final class PcapLink implements Link, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger("vboard.net");

  private final Link inner;
  private final PcapWriter pcap;
  private boolean failed;

  public PcapLink(Link inner, PcapWriter pcap) {
    this.inner = inner;
    this.pcap = pcap;
  }

  @Override
  public List<byte[]> receiveFromGuest(byte[] frame, long nowNs) {
    capture(frame, nowNs);
    List<byte[]> out = inner.receiveFromGuest(frame, nowNs);
    out.forEach(f -> capture(f, nowNs));
    return out;
  }

  @Override
  public long pollAt() {
    return inner.pollAt();
  }

  @Override
  public List<byte[]> poll(long nowNs) {
    List<byte[]> out = inner.poll(nowNs);
    out.forEach(f -> capture(f, nowNs));
    return out;
  }

  private void capture(byte[] frame, long nowNs) {
    if (failed) {
      return;
    }
    try {
      pcap.write(nowNs, frame);
    } catch (IOException e) {
      failed = true;
      LOG.error("pcap capture stopped: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    pcap.close();
  }
}
