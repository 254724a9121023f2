package dev.vboard.netstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.transport.dns.StaticResolver;
import dev.vboard.netstack.wire.DhcpOption;
import dev.vboard.netstack.wire.DhcpRepr;
import dev.vboard.netstack.wire.DnsQuestion;
import dev.vboard.netstack.wire.DnsRepr;
import dev.vboard.netstack.wire.Ipv4Address;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed frames are dropped and counted, never thrown. Randomness is seeded. */
class MalformedFramesTest {
  private final Netstack stack = new Netstack(NetstackConfig.defaults()
      .withResolver(new StaticResolver(Map.of("a.vboard", List.of(Guest.GATEWAY)))));
  private final Guest guest = Guest.standard();

  /** One valid frame of every kind the stack answers, to mutate. */
  private List<byte[]> seeds() {
    Guest unconfigured = new Guest("52:54:00:12:34:56", "0.0.0.0");
    DhcpRepr discover = new DhcpRepr(DhcpRepr.BOOTREQUEST, 1, 0, 0, 0, 0, 0, 0, guest.mac,
        DhcpOption.DISCOVER, null, null, null, null, null, null, null, List.of(), List.of(1, 3));
    byte[] dns = new DnsRepr(9, DnsRepr.FLAG_RD, List.of(new DnsQuestion("a.vboard", 1, 1)),
        List.of(), List.of(), List.of()).toBytes();
    return List.of(
        guest.arpRequest(Guest.GATEWAY),
        guest.ping(Guest.GATEWAY, 1, 2, new byte[32]),
        guest.udp(Guest.GATEWAY, 1000, 7, new byte[] {1, 2, 3}),
        guest.udp(Guest.DNS, 1000, 53, dns),
        unconfigured.udp(Ipv4Address.BROADCAST, 68, 67, discover.toBytes()));
  }

  @Test
  void randomBytesNeverThrow() {
    Random rng = new Random(0x5eed);
    for (int i = 0; i < 20_000; i++) {
      byte[] frame = new byte[rng.nextInt(120)];
      rng.nextBytes(frame);
      if (i % 2 == 0 && frame.length >= 14) {
        // Aim half of them at the interesting EtherTypes and our MAC.
        Guest.GATEWAY_MAC.write(frame, 0);
        frame[12] = 0x08;
        frame[13] = (byte) (i % 4 == 0 ? 0x00 : 0x06);
      }
      stack.receiveFromGuest(frame, i);
    }
    assertTrue(stack.drops().total() > 0);
  }

  @Test
  void mutatedValidFramesNeverThrow() {
    Random rng = new Random(42);
    List<byte[]> seeds = seeds();
    for (int i = 0; i < 20_000; i++) {
      byte[] frame = seeds.get(i % seeds.size()).clone();
      int flips = 1 + rng.nextInt(4);
      for (int f = 0; f < flips; f++) {
        frame[rng.nextInt(frame.length)] = (byte) rng.nextInt(256);
      }
      if (rng.nextInt(8) == 0) {
        frame = java.util.Arrays.copyOf(frame, rng.nextInt(frame.length + 1));
      }
      stack.receiveFromGuest(frame, i);
    }
    assertTrue(stack.drops().total() > 0);
  }

  /**
   * Garbage inside otherwise valid UDP datagrams, with the UDP checksum set to "none", so that it
   * reaches the DHCP and DNS parsers and the services rather than stopping at a checksum.
   */
  @Test
  void mutatedUdpPayloadsReachTheRespondersAndNeverThrow() {
    Random rng = new Random(7);
    List<byte[]> seeds = seeds().subList(2, 5);
    int udpData = 14 + 20 + 8;
    for (int i = 0; i < 20_000; i++) {
      byte[] frame = seeds.get(i % seeds.size()).clone();
      int flips = 1 + rng.nextInt(6);
      for (int f = 0; f < flips; f++) {
        int at = udpData + rng.nextInt(frame.length - udpData);
        frame[at] = (byte) rng.nextInt(256);
      }
      frame[14 + 20 + 6] = 0;
      frame[14 + 20 + 7] = 0;
      stack.receiveFromGuest(frame, i);
    }
    assertTrue(stack.drops().get(Layer.DHCP, DropReason.MALFORMED)
        + stack.drops().get(Layer.DHCP, DropReason.TRUNCATED) > 0);
    assertTrue(stack.drops().get(Layer.DNS, DropReason.TRUNCATED)
        + stack.drops().get(Layer.DNS, DropReason.MALFORMED) > 0);
  }

  @Test
  void eachKindOfDamageHasItsCounter() {
    byte[] ping = guest.ping(Guest.GATEWAY, 1, 2, new byte[8]);

    stack.receiveFromGuest(new byte[10], 0);
    assertEquals(1, stack.drops().get(Layer.ETHERNET, DropReason.TRUNCATED));

    byte[] ipv6 = ping.clone();
    ipv6[12] = (byte) 0x86;
    ipv6[13] = (byte) 0xdd;
    stack.receiveFromGuest(ipv6, 0);
    assertEquals(1, stack.drops().get(Layer.ETHERNET, DropReason.UNKNOWN_ETHERTYPE));

    byte[] badSum = ping.clone();
    badSum[14 + 10] ^= 0x10;
    stack.receiveFromGuest(badSum, 0);
    assertEquals(1, stack.drops().get(Layer.IPV4, DropReason.BAD_CHECKSUM));

    byte[] lies = ping.clone();
    lies[14 + 3] = (byte) 0xff; // total length 255 in a 60-byte frame
    stack.receiveFromGuest(lies, 0);
    assertEquals(1, stack.drops().get(Layer.IPV4, DropReason.TRUNCATED));

    byte[] fragment = ping.clone();
    fragment[14 + 6] = 0x20; // MF, no DF; fix the header checksum
    fixIpChecksum(fragment);
    stack.receiveFromGuest(fragment, 0);
    assertEquals(1, stack.drops().get(Layer.IPV4, DropReason.FRAGMENTED));

    byte[] icmpSum = ping.clone();
    icmpSum[14 + 20 + 8] ^= 1;
    stack.receiveFromGuest(icmpSum, 0);
    assertEquals(1, stack.drops().get(Layer.ICMP, DropReason.BAD_CHECKSUM));

    byte[] otherMac = ping.clone();
    otherMac[0] = 0x02;
    stack.receiveFromGuest(otherMac, 0);
    assertEquals(1, stack.drops().get(Layer.ETHERNET, DropReason.NOT_FOR_US));

    byte[] igmp = ping.clone();
    igmp[14 + 9] = 2;
    fixIpChecksum(igmp);
    stack.receiveFromGuest(igmp, 0);
    assertEquals(1, stack.drops().get(Layer.IPV4, DropReason.UNKNOWN_PROTOCOL));

    assertEquals(8, stack.drops().total());
  }

  private static void fixIpChecksum(byte[] frame) {
    frame[14 + 10] = 0;
    frame[14 + 11] = 0;
    int sum = dev.vboard.netstack.wire.Checksum.compute(frame, 14, 20);
    frame[14 + 10] = (byte) (sum >>> 8);
    frame[14 + 11] = (byte) sum;
  }
}
