package dev.vboard.netstack.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A resource record (RFC 1035 section 4.1.3). The RDATA is kept verbatim: names inside it (CNAME,
 * MX ...) are not decompressed, which is fine because this stack only originates A records.
 *
 * @param ttl the 32-bit TTL as an unsigned value in an int
 * @param rdata the RDATA bytes; the record keeps its own copy
 */
public record DnsRecord(String name, int type, int clazz, int ttl, byte[] rdata) {
  public DnsRecord {
    DnsName.validate(name);
    if ((type & ~0xffff) != 0 || (clazz & ~0xffff) != 0 || rdata.length > 0xffff) {
      throw new IllegalArgumentException("DNS record field out of range");
    }
    rdata = rdata.clone();
  }

  /** An IN A record (RFC 1035 section 3.4.1). */
  public static DnsRecord a(String name, int ttl, int addr) {
    byte[] rdata = new byte[4];
    Bytes.put32(rdata, 0, addr);
    return new DnsRecord(name, DnsQuestion.TYPE_A, DnsQuestion.CLASS_IN, ttl, rdata);
  }

  @Override
  public byte[] rdata() {
    return rdata.clone();
  }

  int bufferLen() {
    return DnsName.encodedLen(name) + 10 + rdata.length;
  }

  int emit(byte[] buf, int off) {
    int at = DnsName.write(name, buf, off);
    Bytes.put16(buf, at, type);
    Bytes.put16(buf, at + 2, clazz);
    Bytes.put32(buf, at + 4, ttl);
    Bytes.put16(buf, at + 8, rdata.length);
    System.arraycopy(rdata, 0, buf, at + 10, rdata.length);
    return at + 10 + rdata.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DnsRecord r && name.equals(r.name) && type == r.type && clazz == r.clazz
        && ttl == r.ttl && Arrays.equals(rdata, r.rdata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, clazz, ttl) * 31 + Arrays.hashCode(rdata);
  }

  @Override
  public String toString() {
    return "DnsRecord[" + name + " type " + type + " class " + clazz + " ttl "
        + Integer.toUnsignedString(ttl) + " " + HexFormat.of().formatHex(rdata) + "]";
  }
}
