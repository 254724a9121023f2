package dev.vboard.netstack.wire;

/**
 * A question entry (RFC 1035 section 4.1.2).
 *
 * @param name dotted name without the trailing dot, case preserved; {@code ""} is the root
 */
public record DnsQuestion(String name, int type, int clazz) {
  public static final int TYPE_A = 1;
  public static final int TYPE_AAAA = 28;
  public static final int TYPE_ANY = 255;
  public static final int CLASS_IN = 1;

  public DnsQuestion {
    DnsName.validate(name);
    if ((type & ~0xffff) != 0 || (clazz & ~0xffff) != 0) {
      throw new IllegalArgumentException("DNS type/class out of range");
    }
  }

  int bufferLen() {
    return DnsName.encodedLen(name) + 4;
  }

  int emit(byte[] buf, int off) {
    int at = DnsName.write(name, buf, off);
    Bytes.put16(buf, at, type);
    Bytes.put16(buf, at + 2, clazz);
    return at + 4;
  }
}
