package dev.vboard.netstack.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The four codec tests of STYLE.md (deconstruct, construct, parse, emit) on reference bytes:
 * segments laid out by hand from RFC 9293 figure 1 and RFC 7323, with checksums computed
 * independently of {@link Checksum}, each option NOP-padded to 32 bits (RFC 7323 appendix A).
 */
class TcpPacketTest {
  static final int GUEST = 0x0a00020f;
  static final int HOST = 0x0a000202;

  /** SYN 10.0.2.15:49152 -> 10.0.2.2:7, MSS 1460, WS 7, SACK-permitted, TSval 123456. */
  static final byte[] SYN_BYTES = {
      (byte) 0xc0, 0x00, 0x00, 0x07, (byte) 0x9a, 0x3b, 0x1c, 0x2d, 0x00, 0x00, 0x00, 0x00,
      (byte) 0xb0, 0x02, (byte) 0xfa, (byte) 0xf0, (byte) 0xca, 0x46, 0x00, 0x00,
      0x02, 0x04, 0x05, (byte) 0xb4, 0x01, 0x03, 0x03, 0x07, 0x01, 0x01, 0x04, 0x02,
      0x01, 0x01, 0x08, 0x0a, 0x00, 0x01, (byte) 0xe2, 0x40, 0x00, 0x00, 0x00, 0x00};

  /** PSH|ACK with timestamps and the payload "hello". */
  static final byte[] DATA_BYTES = {
      (byte) 0xc0, 0x00, 0x00, 0x07, (byte) 0x9a, 0x3b, 0x1c, 0x2e, 0x00, 0x00, 0x10, 0x01,
      (byte) 0x80, 0x18, 0x01, (byte) 0xf6, (byte) 0xab, (byte) 0xcc, 0x00, 0x00,
      0x01, 0x01, 0x08, 0x0a, 0x00, 0x01, (byte) 0xe2, 0x41, 0x00, 0x00, 0x04, 0x56,
      0x68, 0x65, 0x6c, 0x6c, 0x6f};

  static final TcpOptions SYN_OPTIONS =
      TcpOptions.mssOnly(1460).withWindowScale(7).withSackPermitted(true).withTimestamps(123456, 0);

  static final TcpRepr SYN_REPR = new TcpRepr(49152, 7, 0x9a3b1c2d, 0, TcpPacket.FLAG_SYN, 64240, 0,
      SYN_OPTIONS, new byte[0]);

  static final TcpRepr DATA_REPR = new TcpRepr(49152, 7, 0x9a3b1c2e, 0x1001,
      TcpPacket.FLAG_PSH | TcpPacket.FLAG_ACK, 502, 0,
      TcpOptions.NONE.withTimestamps(123457, 0x456),
      "hello".getBytes(StandardCharsets.US_ASCII));

  @Test
  void deconstruct() throws WireException {
    TcpPacket p = TcpPacket.wrap(SYN_BYTES, 0, SYN_BYTES.length);
    assertEquals(49152, p.srcPort());
    assertEquals(7, p.dstPort());
    assertEquals(0x9a3b1c2d, p.seqNumber());
    assertEquals(0, p.ackNumber());
    assertEquals(44, p.headerLen());
    assertTrue(p.syn());
    assertFalse(p.ack());
    assertFalse(p.fin());
    assertFalse(p.rst());
    assertEquals(64240, p.window());
    assertEquals(0xca46, p.checksum());
    assertEquals(0, p.urgentPointer());
    assertEquals(24, p.optionsLen());
    assertEquals(0, p.payloadLen());
    assertTrue(p.verifyChecksum(GUEST, HOST));
    assertFalse(p.verifyChecksum(HOST, GUEST + 1));
  }

  @Test
  void construct() {
    byte[] buf = new byte[SYN_BYTES.length];
    TcpPacket p = TcpPacket.wrapForWriting(buf, 0, buf.length);
    p.setSrcPort(49152);
    p.setDstPort(7);
    p.setSeqNumber(0x9a3b1c2d);
    p.setAckNumber(0);
    p.setHeaderLen(44);
    p.setFlags(TcpPacket.FLAG_SYN);
    p.setWindow(64240);
    p.setUrgentPointer(0);
    System.arraycopy(SYN_BYTES, TcpPacket.OPTIONS, buf, TcpPacket.OPTIONS, 24);
    p.fillChecksum(GUEST, HOST);
    assertArrayEquals(SYN_BYTES, buf);
  }

  @Test
  void parse() throws WireException {
    assertEquals(SYN_REPR, TcpRepr.parse(GUEST, HOST, SYN_BYTES, 0, SYN_BYTES.length));
    assertEquals(DATA_REPR, TcpRepr.parse(GUEST, HOST, DATA_BYTES, 0, DATA_BYTES.length));
  }

  @Test
  void emit() {
    assertEquals(SYN_BYTES.length, SYN_REPR.bufferLen());
    assertArrayEquals(SYN_BYTES, SYN_REPR.toBytes(GUEST, HOST));
    byte[] buf = new byte[DATA_BYTES.length + 3];
    DATA_REPR.emit(GUEST, HOST, buf, 3);
    byte[] tail = new byte[DATA_BYTES.length];
    System.arraycopy(buf, 3, tail, 0, tail.length);
    assertArrayEquals(DATA_BYTES, tail);
  }

  @Test
  void parseRejectsABadChecksum() {
    byte[] bad = SYN_BYTES.clone();
    bad[TcpPacket.CHECKSUM] ^= 1;
    assertThrows(WireException.class, () -> TcpRepr.parse(GUEST, HOST, bad, 0, bad.length));
  }

  @Test
  void wrapRejectsTruncationAndADataOffsetPastTheEnd() {
    assertThrows(WireException.class, () -> TcpPacket.wrap(SYN_BYTES, 0, 19));
    assertThrows(WireException.class, () -> TcpPacket.wrap(SYN_BYTES, 0, 40));
  }

  @Test
  void parseRejectsAnOptionRunningPastTheHeader() throws WireException {
    byte[] bad = SYN_BYTES.clone();
    bad[TcpPacket.OPTIONS + 1] = 30; // MSS claims 30 bytes
    TcpPacket.wrap(bad, 0, bad.length).fillChecksum(GUEST, HOST);
    assertThrows(WireException.class, () -> TcpRepr.parse(GUEST, HOST, bad, 0, bad.length));
  }

  @Test
  void parseSkipsUnknownOptionsAndStopsAtEol() throws WireException {
    byte[] opts = {(byte) 0xfd, 4, 0x12, 0x34, 2, 4, 0x02, 0x18, 0, 9, 9, 9};
    TcpOptions o = TcpOptions.parse(opts, 0, opts.length);
    assertEquals(TcpOptions.mssOnly(536), o);
  }
}
