package dev.vboard.netstack.nat;

import static dev.vboard.netstack.nat.GuestSide.GATEWAY;
import static dev.vboard.netstack.nat.GuestSide.IP;
import static dev.vboard.netstack.nat.GuestSide.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UDP between the guest and real host sockets on the loopback. */
class UdpNatTest {
  private static final long LIMIT = 10_000 * MS;

  private final ExecutorService host = Executors.newCachedThreadPool();
  private final DatagramSocket peer;
  private Netstack stack;

  UdpNatTest() throws Exception {
    peer = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
    peer.setSoTimeout(10_000);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (stack != null) {
      stack.close();
    }
    peer.close();
    host.shutdownNow();
    assertTrue(host.awaitTermination(10, TimeUnit.SECONDS));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.US_ASCII);
  }

  private CompletableFuture<InetSocketAddress> echoOnce() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        peer.receive(p);
        peer.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
        return (InetSocketAddress) p.getSocketAddress();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
  }

  @Test
  void aDatagramToTheGatewayIsEchoedByTheHostLoopbackAndExpiresWhenIdle() throws Exception {
    stack = new Netstack(NetstackConfig.defaults()
        .withNat(NatConfig.hostAccess().withUdpIdleNs(100 * MS)));
    GuestSide guest = new GuestSide(stack);
    CompletableFuture<InetSocketAddress> from = echoOnce();
    guest.sendUdp(GATEWAY, 40000, peer.getLocalPort(), "ping".getBytes(StandardCharsets.US_ASCII));

    assertTrue(guest.runUntil(() -> !guest.udpReceived.isEmpty(), LIMIT));

    GuestSide.Datagram d = guest.udpReceived.get(0);
    assertEquals("ping", text(d.data()));
    assertEquals(GATEWAY, d.src());
    assertEquals(peer.getLocalPort(), d.srcPort());
    assertEquals(40000, d.dstPort());
    assertEquals(InetAddress.getByName("127.0.0.1"), from.get().getAddress());
    assertTrue(stack.hostIoActive());
    assertEquals(1L, stack.counters().get("nat.udp.flows_opened"));
    assertEquals(4L, stack.counters().get("nat.bytes_to_guest"));

    assertTrue(guest.runUntil(() -> !stack.hostIoActive(), LIMIT));
    assertTrue(guest.now() >= 100 * MS, "expiry runs on virtual time");
  }

  @Test
  void gatewayPortsWithAVirtualServiceStayVirtual() throws Exception {
    stack = new Netstack(NetstackConfig.defaults().withNat(NatConfig.hostAccess()));
    GuestSide guest = new GuestSide(stack);
    guest.sendUdp(GATEWAY, 40000, 7, "echo".getBytes(StandardCharsets.US_ASCII));

    assertTrue(guest.runUntil(() -> !guest.udpReceived.isEmpty(), LIMIT));

    assertEquals("echo", text(guest.udpReceived.get(0).data()));
    assertEquals(0L, stack.counters().get("nat.udp.flows_opened"));
    assertFalse(stack.hostIoActive());
  }

  @Test
  void aUdpForwardCarriesAHostPeersDatagramsToTheGuestAndBack() throws Exception {
    stack = new Netstack(NetstackConfig.defaults().withNat(NatConfig.disabled()
        .withForwards(List.of(PortForward.parse("udp::0-:5000", IP)))));
    GuestSide guest = new GuestSide(stack);
    guest.announce();
    InetSocketAddress fwd = stack.forwardAddresses().get(0);
    peer.send(new DatagramPacket("q".getBytes(StandardCharsets.US_ASCII), 1, fwd));

    assertTrue(guest.runUntil(() -> !guest.udpReceived.isEmpty(), LIMIT));

    GuestSide.Datagram d = guest.udpReceived.get(0);
    assertEquals("q", text(d.data()));
    assertEquals(GATEWAY, d.src());
    assertEquals(peer.getLocalPort(), d.srcPort());
    assertEquals(5000, d.dstPort());
    guest.sendUdp(GATEWAY, 5000, d.srcPort(), "a".getBytes(StandardCharsets.US_ASCII));
    CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
      try {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        peer.receive(p);
        return text(java.util.Arrays.copyOf(p.getData(), p.getLength()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);
    assertTrue(guest.runUntil(answer::isDone, LIMIT));
    assertEquals("a", answer.get());
  }
}
