package dev.vboard.netstack.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A DHCP message (RFC 2131) with the options this server reads or writes (RFC 2132). Other
 * options are skipped on parse; sname and file are neither read nor written (zero on emit), and
 * option overload (52) is not honoured, which RFC 2131 permits a server that does not use them.
 *
 * <p>Optional fields are {@code null} when absent; list fields are empty when absent.
 *
 * @param op 1 BOOTREQUEST, 2 BOOTREPLY
 * @param messageType option 53 ({@link DhcpOption#DISCOVER} ...); required
 */
public record DhcpRepr(int op, int xid, int secs, int flags, int ciaddr, int yiaddr, int siaddr,
    int giaddr, MacAddress chaddr, int messageType, Integer requestedIp, Integer serverId,
    Integer leaseSeconds, Integer renewalSeconds, Integer rebindingSeconds, Integer subnetMask,
    Integer router, List<Integer> dnsServers, List<Integer> parameterRequestList) {
  public static final int BOOTREQUEST = 1;
  public static final int BOOTREPLY = 2;
  /** Messages are padded to the 300-byte BOOTP minimum (RFC 1542 section 2.1) for old clients. */
  public static final int MIN_LEN = 300;

  public DhcpRepr {
    dnsServers = List.copyOf(dnsServers);
    parameterRequestList = List.copyOf(parameterRequestList);
    if (dnsServers.size() > 63 || parameterRequestList.size() > 255) {
      throw new IllegalArgumentException("option too long");
    }
  }

  public boolean broadcast() {
    return (flags & DhcpPacket.FLAG_BROADCAST) != 0;
  }

  public static DhcpRepr parse(DhcpPacket p) throws WireException {
    WireException.check(p.op() == BOOTREQUEST || p.op() == BOOTREPLY, WireException.Kind.MALFORMED,
        "BOOTP op", p.op());
    WireException.check(p.htype() == 1 && p.hlen() == MacAddress.LEN,
        WireException.Kind.UNSUPPORTED, "hardware type/length", p.htype(), p.hlen());
    WireException.check(p.magic() == DhcpPacket.MAGIC_COOKIE, WireException.Kind.UNSUPPORTED,
        "no DHCP magic cookie (plain BOOTP)");
    Options o = new Options();
    o.parse(p.buffer(), p.optionsOffset(), p.optionsLength());
    WireException.check(o.messageType != null, WireException.Kind.MALFORMED,
        "no message type option");
    return new DhcpRepr(p.op(), p.xid(), p.secs(), p.flags(), p.ciaddr(), p.yiaddr(), p.siaddr(),
        p.giaddr(), p.chaddr(), o.messageType, o.requestedIp, o.serverId, o.leaseSeconds,
        o.renewalSeconds, o.rebindingSeconds, o.subnetMask, o.router, o.dnsServers, o.prl);
  }

  /** The options area as it will be emitted, END included. */
  private byte[] options() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(DhcpOption.MESSAGE_TYPE);
    b.write(1);
    b.write(messageType);
    putWord(b, DhcpOption.SERVER_ID, serverId);
    putWord(b, DhcpOption.LEASE_TIME, leaseSeconds);
    putWord(b, DhcpOption.RENEWAL_TIME, renewalSeconds);
    putWord(b, DhcpOption.REBINDING_TIME, rebindingSeconds);
    putWord(b, DhcpOption.SUBNET_MASK, subnetMask);
    putWord(b, DhcpOption.ROUTER, router);
    putWord(b, DhcpOption.REQUESTED_IP, requestedIp);
    if (!dnsServers.isEmpty()) {
      b.write(DhcpOption.DNS_SERVER);
      b.write(4 * dnsServers.size());
      for (int a : dnsServers) {
        writeInt(b, a);
      }
    }
    if (!parameterRequestList.isEmpty()) {
      b.write(DhcpOption.PARAMETER_REQUEST_LIST);
      b.write(parameterRequestList.size());
      for (int c : parameterRequestList) {
        b.write(c);
      }
    }
    b.write(DhcpOption.END);
    return b.toByteArray();
  }

  private static void putWord(ByteArrayOutputStream b, int code, Integer value) {
    if (value != null) {
      b.write(code);
      b.write(4);
      writeInt(b, value);
    }
  }

  private static void writeInt(ByteArrayOutputStream b, int v) {
    b.write(v >>> 24);
    b.write(v >>> 16);
    b.write(v >>> 8);
    b.write(v);
  }

  public int bufferLen() {
    return Math.max(MIN_LEN, DhcpPacket.OPTIONS + options().length);
  }

  /** Writes the message into {@code buf} at {@code off}; the caller's buffer must be zeroed. */
  public void emit(byte[] buf, int off) {
    Bytes.put8(buf, off + DhcpPacket.OP, op);
    Bytes.put8(buf, off + DhcpPacket.HTYPE, 1);
    Bytes.put8(buf, off + DhcpPacket.HLEN, MacAddress.LEN);
    Bytes.put8(buf, off + DhcpPacket.HOPS, 0);
    Bytes.put32(buf, off + DhcpPacket.XID, xid);
    Bytes.put16(buf, off + DhcpPacket.SECS, secs);
    Bytes.put16(buf, off + DhcpPacket.FLAGS, flags);
    Bytes.put32(buf, off + DhcpPacket.CIADDR, ciaddr);
    Bytes.put32(buf, off + DhcpPacket.YIADDR, yiaddr);
    Bytes.put32(buf, off + DhcpPacket.SIADDR, siaddr);
    Bytes.put32(buf, off + DhcpPacket.GIADDR, giaddr);
    chaddr.write(buf, off + DhcpPacket.CHADDR);
    Bytes.put32(buf, off + DhcpPacket.MAGIC, DhcpPacket.MAGIC_COOKIE);
    byte[] opts = options();
    System.arraycopy(opts, 0, buf, off + DhcpPacket.OPTIONS, opts.length);
  }

  /** A fresh buffer holding the message. */
  public byte[] toBytes() {
    byte[] out = new byte[bufferLen()];
    emit(out, 0);
    return out;
  }

  /** Accumulates the options while walking the TLV list (RFC 2132 section 2). */
  private static final class Options {
    Integer messageType;
    Integer requestedIp;
    Integer serverId;
    Integer leaseSeconds;
    Integer renewalSeconds;
    Integer rebindingSeconds;
    Integer subnetMask;
    Integer router;
    List<Integer> dnsServers = new ArrayList<>();
    List<Integer> prl = new ArrayList<>();

    void parse(byte[] b, int off, int len) throws WireException {
      int i = off;
      int end = off + len;
      while (i < end) {
        int code = b[i] & 0xff;
        if (code == DhcpOption.END) {
          return;
        }
        if (code == DhcpOption.PAD) {
          i++;
          continue;
        }
        Bytes.require(end - i, 2, "DHCP option header");
        int olen = b[i + 1] & 0xff;
        Bytes.require(end - i - 2, olen, "DHCP option data");
        option(code, b, i + 2, olen);
        i += 2 + olen;
      }
      // RFC 2131 section 4.1 requires END; tolerate its absence when the buffer ends cleanly.
    }

    private void option(int code, byte[] b, int at, int olen) throws WireException {
      switch (code) {
        case DhcpOption.MESSAGE_TYPE -> {
          fixed(code, olen, 1);
          messageType = b[at] & 0xff;
          WireException.check(messageType >= DhcpOption.DISCOVER
              && messageType <= DhcpOption.INFORM, WireException.Kind.MALFORMED,
              "DHCP message type", messageType);
        }
        case DhcpOption.REQUESTED_IP -> requestedIp = word(code, b, at, olen);
        case DhcpOption.SERVER_ID -> serverId = word(code, b, at, olen);
        case DhcpOption.LEASE_TIME -> leaseSeconds = word(code, b, at, olen);
        case DhcpOption.RENEWAL_TIME -> renewalSeconds = word(code, b, at, olen);
        case DhcpOption.REBINDING_TIME -> rebindingSeconds = word(code, b, at, olen);
        case DhcpOption.SUBNET_MASK -> subnetMask = word(code, b, at, olen);
        // RFC 2132 section 3.5 allows several routers, in order of preference: keep the first.
        case DhcpOption.ROUTER -> router = addressList(code, b, at, olen).get(0);
        case DhcpOption.DNS_SERVER -> dnsServers = addressList(code, b, at, olen);
        case DhcpOption.PARAMETER_REQUEST_LIST -> {
          prl = new ArrayList<>();
          for (int k = 0; k < olen; k++) {
            prl.add(b[at + k] & 0xff);
          }
        }
        default -> { }
      }
    }

    private static void fixed(int code, int olen, int want) throws WireException {
      WireException.check(olen == want, WireException.Kind.BAD_LENGTH,
          "DHCP option code/length", code, olen);
    }

    private static int word(int code, byte[] b, int at, int olen) throws WireException {
      fixed(code, olen, 4);
      return Bytes.u32(b, at);
    }

    private static List<Integer> addressList(int code, byte[] b, int at, int olen)
        throws WireException {
      WireException.check(olen >= 4 && olen % 4 == 0, WireException.Kind.BAD_LENGTH,
          "DHCP option code/length", code, olen);
      List<Integer> out = new ArrayList<>();
      for (int k = 0; k < olen; k += 4) {
        out.add(Bytes.u32(b, at + k));
      }
      return out;
    }
  }
}
