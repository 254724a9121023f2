package dev.vboard.netstack.wire;

import java.nio.charset.StandardCharsets;

/**
 * Domain names on the wire (RFC 1035 sections 3.1 and 4.1.4): length-prefixed labels ending in
 * a zero byte, possibly ending instead in a pointer to an earlier name in the message.
 *
 * <p>Names are held as dotted text, one char per byte (ISO-8859-1) so any label survives a round
 * trip. A label that itself contains a dot cannot be told apart in that form and is rejected.
 */
final class DnsName {
  static final int MAX_LABEL = 63;
  static final int MAX_NAME = 255;
  private static final int POINTER = 0xc0;

  private DnsName() { }

  /** Throws IllegalArgumentException if {@code name} cannot be encoded. */
  static void validate(String name) {
    if (encodedLen(name) > MAX_NAME) {
      throw new IllegalArgumentException("DNS name longer than 255 bytes");
    }
    if (name.isEmpty()) {
      return;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL) {
        throw new IllegalArgumentException("bad DNS label in '" + name + "'");
      }
      for (int i = 0; i < label.length(); i++) {
        if (label.charAt(i) > 0xff) {
          throw new IllegalArgumentException("DNS label is not 8-bit: '" + name + "'");
        }
      }
    }
  }

  static int encodedLen(String name) {
    return name.isEmpty() ? 1 : name.length() + 2;
  }

  /** Writes {@code name} uncompressed; returns the offset after it. */
  static int write(String name, byte[] buf, int off) {
    int at = off;
    if (!name.isEmpty()) {
      for (String label : name.split("\\.", -1)) {
        buf[at++] = (byte) label.length();
        byte[] bytes = label.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, buf, at, bytes.length);
        at += bytes.length;
      }
    }
    buf[at++] = 0;
    return at;
  }

  /**
   * Reads the name at {@code cursor[0]} in the message {@code [msg, msg+len)} and advances the
   * cursor past it (past the first pointer, if any). Each pointer must point before the previous
   * pointer's target, so the jumps strictly decrease and cannot loop (RFC 9267 section 2 lists
   * the loop attacks this rules out).
   */
  static String read(byte[] buf, int msg, int len, int[] cursor) throws WireException {
    StringBuilder name = new StringBuilder();
    int at = cursor[0];
    int end = msg + len;
    int after = -1;
    int limit = cursor[0];
    int wireLen = 1;
    while (true) {
      Bytes.require(end - at, 1, "DNS label length");
      int b = buf[at] & 0xff;
      if (b == 0) {
        at++;
        break;
      }
      if ((b & POINTER) == POINTER) {
        Bytes.require(end - at, 2, "DNS name pointer");
        int target = msg + (((b & 0x3f) << 8) | (buf[at + 1] & 0xff));
        WireException.check(target < limit, WireException.Kind.MALFORMED,
            "DNS name pointer does not point backwards");
        limit = target;
        if (after < 0) {
          after = at + 2;
        }
        at = target;
        continue;
      }
      WireException.check((b & POINTER) == 0, WireException.Kind.MALFORMED,
          "DNS extended label type", b);
      Bytes.require(end - at - 1, b, "DNS label");
      wireLen += b + 1;
      WireException.check(wireLen <= MAX_NAME, WireException.Kind.MALFORMED,
          "DNS name longer than 255 bytes");
      String label = new String(buf, at + 1, b, StandardCharsets.ISO_8859_1);
      WireException.check(label.indexOf('.') < 0, WireException.Kind.UNSUPPORTED,
          "DNS label containing a dot");
      if (name.length() > 0) {
        name.append('.');
      }
      name.append(label);
      at += 1 + b;
    }
    cursor[0] = after >= 0 ? after : at;
    return name.toString();
  }
}
