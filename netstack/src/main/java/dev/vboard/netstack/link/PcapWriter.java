package dev.vboard.netstack.link;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes the libpcap savefile format (tcpdump.org pcap-savefile(5); IETF draft "PCAP Capture File
 * Format"), link type 1 (LINKTYPE_ETHERNET).
 *
 * <p>We use the nanosecond-resolution magic 0xa1b23c4d because virtual time is in nanoseconds and
 * would otherwise be rounded; tcpdump, tshark and Wireshark read it. Fields are little-endian
 * (the magic tells readers the byte order), written the same on every host, so two identical runs
 * give byte-identical files. Timestamps are virtual time, starting at the Unix epoch.
 */
public final class PcapWriter implements Closeable {
  public static final int MAGIC_NANOS = 0xa1b2_3c4d;
  public static final int LINKTYPE_ETHERNET = 1;
  public static final int SNAPLEN = 65535;
  static final int GLOBAL_HEADER_LEN = 24;
  static final int RECORD_HEADER_LEN = 16;

  private final OutputStream out;
  private final ByteBuffer header =
      ByteBuffer.allocate(GLOBAL_HEADER_LEN).order(ByteOrder.LITTLE_ENDIAN);

  /** Writes the global header at once. */
  public PcapWriter(OutputStream out) throws IOException {
    this.out = out;
    header.putInt(MAGIC_NANOS)
        .putShort((short) 2) // version_major
        .putShort((short) 4) // version_minor
        .putInt(0) // thiszone: timestamps are UTC
        .putInt(0) // sigfigs: always 0
        .putInt(SNAPLEN)
        .putInt(LINKTYPE_ETHERNET);
    out.write(header.array());
  }

  /** Appends one frame captured at virtual time {@code nowNs}; frames over the snaplen are cut. */
  public void write(long nowNs, byte[] frame) throws IOException {
    int captured = Math.min(frame.length, SNAPLEN);
    ByteBuffer rec = ByteBuffer.allocate(RECORD_HEADER_LEN).order(ByteOrder.LITTLE_ENDIAN);
    rec.putInt((int) (nowNs / 1_000_000_000L))
        .putInt((int) (nowNs % 1_000_000_000L))
        .putInt(captured)
        .putInt(frame.length);
    out.write(rec.array());
    out.write(frame, 0, captured);
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
