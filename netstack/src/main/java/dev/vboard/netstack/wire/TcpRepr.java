package dev.vboard.netstack.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A parsed, validated TCP segment (RFC 9293 section 3.1). Sequence and acknowledgment numbers
 * are unsigned 32-bit values held in an {@code int}; compare them modulo 2^32, never with
 * {@code <}. The payload is copied, so a repr never aliases a frame buffer.
 *
 * @param srcPort source port
 * @param dstPort destination port
 * @param seq sequence number
 * @param ack acknowledgment number (meaningful when the ACK flag is set)
 * @param flags control bits, {@code TcpPacket.FLAG_*}
 * @param window window field as sent, before any window scaling
 * @param urgent urgent pointer
 * @param options the options
 * @param payload segment data
 */
public record TcpRepr(int srcPort, int dstPort, int seq, int ack, int flags, int window, int urgent,
    TcpOptions options, byte[] payload) {

  /** Checks the invariants a caller must keep; violating them is a programming error. */
  public TcpRepr {
    checkU16("source port", srcPort);
    checkU16("destination port", dstPort);
    checkU16("window", window);
    checkU16("urgent pointer", urgent);
    if ((flags & ~0xff) != 0) {
      throw new IllegalArgumentException("flags out of range: " + flags);
    }
    if (options == null || payload == null) {
      throw new IllegalArgumentException("options and payload must not be null");
    }
    if (options.bufferLen() > TcpPacket.MAX_HEADER_LEN - TcpPacket.HEADER_LEN) {
      throw new IllegalArgumentException("options too long: " + options.bufferLen());
    }
  }

  /**
   * Parses and validates a segment that arrived from {@code srcIp} to {@code dstIp}.
   *
   * @throws WireException if truncated, malformed or the checksum is wrong
   */
  public static TcpRepr parse(int srcIp, int dstIp, byte[] buf, int off, int len)
      throws WireException {
    TcpPacket p = TcpPacket.wrap(buf, off, len);
    WireException.check(p.verifyChecksum(srcIp, dstIp), WireException.Kind.BAD_CHECKSUM,
        "TCP checksum " + Integer.toHexString(p.checksum()));
    WireException.check(p.srcPort() != 0 && p.dstPort() != 0, WireException.Kind.MALFORMED,
        "TCP port 0");
    TcpOptions options = TcpOptions.parse(buf, p.optionsOffset(), p.optionsLen());
    byte[] payload = Arrays.copyOfRange(buf, p.payloadOffset(), p.payloadOffset() + p.payloadLen());
    return new TcpRepr(p.srcPort(), p.dstPort(), p.seqNumber(), p.ackNumber(), p.flags(),
        p.window(), p.urgentPointer(), options, payload);
  }

  public int headerLen() {
    return TcpPacket.HEADER_LEN + options.bufferLen();
  }

  /** Bytes {@link #emit} writes. */
  public int bufferLen() {
    return headerLen() + payload.length;
  }

  /** Writes the segment at {@code off} with the checksum for the given addresses. */
  public void emit(int srcIp, int dstIp, byte[] buf, int off) {
    TcpPacket p = TcpPacket.wrapForWriting(buf, off, bufferLen());
    p.setSrcPort(srcPort);
    p.setDstPort(dstPort);
    p.setSeqNumber(seq);
    p.setAckNumber(ack);
    p.setHeaderLen(headerLen());
    p.setFlags(flags);
    p.setWindow(window);
    p.setUrgentPointer(urgent);
    options.emit(buf, p.optionsOffset());
    System.arraycopy(payload, 0, buf, p.payloadOffset(), payload.length);
    p.fillChecksum(srcIp, dstIp);
  }

  /** Convenience: a fresh array holding the emitted segment. */
  public byte[] toBytes(int srcIp, int dstIp) {
    byte[] out = new byte[bufferLen()];
    emit(srcIp, dstIp, out, 0);
    return out;
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /**
   * SEG.LEN of RFC 9293 section 3.4: the octets of data plus one each for SYN and FIN,
   * which occupy sequence space.
   */
  public int segLen() {
    return payload.length + (has(TcpPacket.FLAG_SYN) ? 1 : 0) + (has(TcpPacket.FLAG_FIN) ? 1 : 0);
  }

  public TcpRepr withSeq(int newSeq) {
    return new TcpRepr(srcPort, dstPort, newSeq, ack, flags, window, urgent, options, payload);
  }

  public TcpRepr withAck(int newAck) {
    return new TcpRepr(srcPort, dstPort, seq, newAck, flags, window, urgent, options, payload);
  }

  public TcpRepr withFlags(int newFlags) {
    return new TcpRepr(srcPort, dstPort, seq, ack, newFlags, window, urgent, options, payload);
  }

  public TcpRepr withWindow(int newWindow) {
    return new TcpRepr(srcPort, dstPort, seq, ack, flags, newWindow, urgent, options, payload);
  }

  public TcpRepr withOptions(TcpOptions newOptions) {
    return new TcpRepr(srcPort, dstPort, seq, ack, flags, window, urgent, newOptions, payload);
  }

  public TcpRepr withPayload(byte[] newPayload) {
    return new TcpRepr(srcPort, dstPort, seq, ack, flags, window, urgent, options, newPayload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TcpRepr r
        && srcPort == r.srcPort && dstPort == r.dstPort && seq == r.seq && ack == r.ack
        && flags == r.flags && window == r.window && urgent == r.urgent
        && options.equals(r.options) && Arrays.equals(payload, r.payload);
  }

  @Override
  public int hashCode() {
    int h = srcPort;
    h = 31 * h + dstPort;
    h = 31 * h + seq;
    h = 31 * h + ack;
    h = 31 * h + flags;
    h = 31 * h + window;
    h = 31 * h + options.hashCode();
    return 31 * h + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    StringBuilder f = new StringBuilder();
    String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
    for (int i = 0; i < names.length; i++) {
      if ((flags & (1 << i)) != 0) {
        f.append(f.length() == 0 ? "" : "|").append(names[i]);
      }
    }
    String data = payload.length <= 16
        ? HexFormat.of().formatHex(payload) : payload.length + " bytes";
    return "TCP " + srcPort + ">" + dstPort + " [" + f + "] seq=" + Integer.toUnsignedString(seq)
        + " ack=" + Integer.toUnsignedString(ack) + " win=" + window + " " + options
        + " data=" + data;
  }

  private static void checkU16(String what, int v) {
    if (v < 0 || v > 0xffff) {
      throw new IllegalArgumentException(what + " out of range: " + v);
    }
  }
}
