package dev.vboard.netstack.wire;

/**
 * An Ethernet/IPv4 ARP request or reply (RFC 826).
 *
 * @param operation {@link #REQUEST} or {@link #REPLY}
 */
public record ArpRepr(int operation, MacAddress senderMac, int senderIp, MacAddress targetMac,
    int targetIp) {
  public static final int REQUEST = 1;
  public static final int REPLY = 2;

  public ArpRepr {
    if (operation != REQUEST && operation != REPLY) {
      throw new IllegalArgumentException("ARP operation " + operation);
    }
  }

  public static ArpRepr parse(ArpPacket p) throws WireException {
    WireException.check(p.htype() == ArpPacket.HTYPE_ETHERNET && p.hlen() == MacAddress.LEN,
        WireException.Kind.UNSUPPORTED, "ARP hardware type/length", p.htype(), p.hlen());
    WireException.check(p.ptype() == EtherType.IPV4 && p.plen() == 4,
        WireException.Kind.UNSUPPORTED, "ARP protocol type/length", p.ptype(), p.plen());
    WireException.check(p.oper() == REQUEST || p.oper() == REPLY, WireException.Kind.MALFORMED,
        "ARP operation", p.oper());
    return new ArpRepr(p.oper(), p.sha(), p.spa(), p.tha(), p.tpa());
  }

  public int bufferLen() {
    return ArpPacket.LEN;
  }

  public void emit(byte[] buf, int off) {
    Bytes.put16(buf, off + ArpPacket.HTYPE, ArpPacket.HTYPE_ETHERNET);
    Bytes.put16(buf, off + ArpPacket.PTYPE, EtherType.IPV4);
    Bytes.put8(buf, off + ArpPacket.HLEN, MacAddress.LEN);
    Bytes.put8(buf, off + ArpPacket.PLEN, 4);
    Bytes.put16(buf, off + ArpPacket.OPER, operation);
    senderMac.write(buf, off + ArpPacket.SHA);
    Bytes.put32(buf, off + ArpPacket.SPA, senderIp);
    targetMac.write(buf, off + ArpPacket.THA);
    Bytes.put32(buf, off + ArpPacket.TPA, targetIp);
  }
}
