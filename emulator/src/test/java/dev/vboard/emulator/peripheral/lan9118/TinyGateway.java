package dev.vboard.emulator.peripheral.lan9118;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stand-in for the far end of the cable in end-to-end tests: the gateway 10.0.2.2 of QEMU's
 * user network, answering ARP requests for itself (RFC 826), ICMP echo requests (RFC 792), UDP
 * datagrams to its echo port 7 (RFC 862) and DHCP DISCOVER/REQUEST with a lease of 10.0.2.15
 * (RFC 2131, options per RFC 2132). Everything else is only recorded.
 */
final class TinyGateway implements EthernetPort {
  static final byte[] MAC = {0x52, 0x55, 0x0a, 0x00, 0x02, 0x02};
  static final byte[] IP = {10, 0, 2, 2};
  static final byte[] LEASE = {10, 0, 2, 15};
  private static final int BOOTP_FIXED = 236;

  private final Lan9118 nic;
  final List<byte[]> received = new ArrayList<>();
  int arpReplies;
  int echoReplies;
  int udpEchoes;
  int dhcpReplies;

  TinyGateway(Lan9118 nic) {
    this.nic = nic;
  }

  @Override
  public void transmit(byte[] f) {
    received.add(f);
    int type = u16(f, 12);
    if (type == 0x0806 && u16(f, 20) == 1 && Arrays.equals(f, 38, 42, IP, 0, 4)) {
      arpReply(f);
    } else if (type == 0x0800 && (f[23] & 0xff) == 17 && u16(f, 14 + (f[14] & 0xf) * 4 + 2) == 67) {
      dhcpReply(f, 14 + (f[14] & 0xf) * 4 + 8);
    } else if (type == 0x0800 && Arrays.equals(f, 30, 34, IP, 0, 4)) {
      int ihl = (f[14] & 0xf) * 4;
      int proto = f[23] & 0xff;
      int l4 = 14 + ihl;
      if (proto == 1 && (f[l4] & 0xff) == 8) {
        icmpEchoReply(f, l4);
      } else if (proto == 17 && u16(f, l4 + 2) == 7) {
        udpEcho(f, l4);
      }
    }
  }

  private void arpReply(byte[] req) {
    byte[] r = new byte[42];
    System.arraycopy(req, 6, r, 0, 6);
    System.arraycopy(MAC, 0, r, 6, 6);
    put16(r, 12, 0x0806);
    System.arraycopy(req, 14, r, 14, 6); // htype, ptype, hlen, plen
    put16(r, 20, 2);
    System.arraycopy(MAC, 0, r, 22, 6);
    System.arraycopy(IP, 0, r, 28, 4);
    System.arraycopy(req, 22, r, 32, 10); // the asker's hardware and protocol address
    arpReplies++;
    nic.deliver(r);
  }

  private void icmpEchoReply(byte[] req, int l4) {
    byte[] r = ipReply(req);
    r[l4] = 0;
    put16(r, l4 + 2, 0);
    put16(r, l4 + 2, checksum(r, l4, ipEnd(r) - l4));
    echoReplies++;
    nic.deliver(r);
  }

  private void udpEcho(byte[] req, int l4) {
    byte[] r = ipReply(req);
    put16(r, l4, u16(req, l4 + 2));
    put16(r, l4 + 2, u16(req, l4));
    put16(r, l4 + 6, 0); // no UDP checksum (RFC 768 allows it over IPv4)
    udpEchoes++;
    nic.deliver(r);
  }

  /** OFFER for a DISCOVER, ACK for a REQUEST, broadcast to the client's hardware address. */
  private void dhcpReply(byte[] req, int bootp) {
    int msgType = dhcpMessageType(req, bootp + BOOTP_FIXED + 4);
    if (msgType != 1 && msgType != 3) {
      return;
    }
    byte[] opts = {
        53, 1, (byte) (msgType == 1 ? 2 : 5),
        54, 4, IP[0], IP[1], IP[2], IP[3],
        51, 4, 0, 1, 0x51, (byte) 0x80,
        1, 4, (byte) 255, (byte) 255, (byte) 255, 0,
        3, 4, IP[0], IP[1], IP[2], IP[3],
        6, 4, 10, 0, 2, 3,
        (byte) 255};
    int bootpLen = BOOTP_FIXED + 4 + opts.length;
    byte[] r = new byte[14 + 20 + 8 + bootpLen];
    System.arraycopy(req, bootp + 28, r, 0, 6);
    System.arraycopy(MAC, 0, r, 6, 6);
    put16(r, 12, 0x0800);
    r[14] = 0x45;
    put16(r, 16, 20 + 8 + bootpLen);
    r[22] = 64;
    r[23] = 17;
    System.arraycopy(IP, 0, r, 26, 4);
    Arrays.fill(r, 30, 34, (byte) 255);
    put16(r, 24, checksum(r, 14, 20));
    put16(r, 34, 67);
    put16(r, 36, 68);
    put16(r, 38, 8 + bootpLen);
    int m = 42;
    r[m] = 2;
    r[m + 1] = 1;
    r[m + 2] = 6;
    System.arraycopy(req, bootp + 4, r, m + 4, 4); // xid
    System.arraycopy(LEASE, 0, r, m + 16, 4);
    System.arraycopy(IP, 0, r, m + 20, 4);
    System.arraycopy(req, bootp + 28, r, m + 28, 16); // chaddr
    r[m + BOOTP_FIXED] = 0x63;
    r[m + BOOTP_FIXED + 1] = (byte) 0x82;
    r[m + BOOTP_FIXED + 2] = 0x53;
    r[m + BOOTP_FIXED + 3] = 0x63;
    System.arraycopy(opts, 0, r, m + BOOTP_FIXED + 4, opts.length);
    dhcpReplies++;
    nic.deliver(r);
  }

  private static int dhcpMessageType(byte[] f, int opt) {
    while (opt + 1 < f.length && (f[opt] & 0xff) != 255) {
      int code = f[opt] & 0xff;
      if (code == 0) {
        opt++;
        continue;
      }
      if (code == 53) {
        return f[opt + 2] & 0xff;
      }
      opt += 2 + (f[opt + 1] & 0xff);
    }
    return -1;
  }

  /** The request with Ethernet and IPv4 addresses swapped and the header checksum redone. */
  private static byte[] ipReply(byte[] req) {
    byte[] r = Arrays.copyOf(req, ipEnd(req));
    System.arraycopy(req, 6, r, 0, 6);
    System.arraycopy(MAC, 0, r, 6, 6);
    System.arraycopy(req, 30, r, 26, 4);
    System.arraycopy(req, 26, r, 30, 4);
    int ihl = (r[14] & 0xf) * 4;
    put16(r, 24, 0);
    put16(r, 24, checksum(r, 14, ihl));
    return r;
  }

  private static int ipEnd(byte[] f) {
    return 14 + u16(f, 16);
  }

  private static int checksum(byte[] b, int off, int len) {
    long sum = 0;
    for (int i = 0; i < len; i += 2) {
      sum += (b[off + i] & 0xff) << 8 | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }

  private static int u16(byte[] b, int off) {
    return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
  }

  private static void put16(byte[] b, int off, int v) {
    b[off] = (byte) (v >> 8);
    b[off + 1] = (byte) v;
  }
}
