package dev.vboard.netstack.nat;

import static dev.vboard.netstack.nat.GuestSide.GATEWAY;
import static dev.vboard.netstack.nat.GuestSide.IP;
import static dev.vboard.netstack.nat.GuestSide.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.netstack.Netstack;
import dev.vboard.netstack.NetstackConfig;
import dev.vboard.netstack.iface.DropReason;
import dev.vboard.netstack.iface.Layer;
import dev.vboard.netstack.transport.tcp.FourTuple;
import dev.vboard.netstack.transport.tcp.TcpError;
import dev.vboard.netstack.wire.IcmpRepr;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code --hostfwd} reaches guest listeners; {@code --restrict} cuts the guest off from host
 * sockets but, as in QEMU, leaves the forwards working.
 */
class ForwardAndRestrictTest {
  private static final long LIMIT = 60_000 * MS;

  private final ExecutorService host = Executors.newCachedThreadPool();
  private final List<AutoCloseable> closeAfter = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closeAfter) {
      c.close();
    }
    host.shutdownNow();
    assertTrue(host.awaitTermination(10, TimeUnit.SECONDS));
  }

  private Netstack restricted(String... forwards) {
    List<PortForward> fwd = new ArrayList<>();
    for (String f : forwards) {
      fwd.add(PortForward.parse(f, IP));
    }
    Netstack stack = new Netstack(NetstackConfig.defaults()
        .withNat(NatConfig.hostAccess().withRestrict(true).withForwards(fwd)));
    closeAfter.add(stack);
    return stack;
  }

  @Test
  void aHostClientOfAForwardReachesTheGuestListenerFromTheGateway() throws Exception {
    Netstack stack = restricted("tcp::0-:8080");
    GuestSide guest = new GuestSide(stack);
    guest.announce();
    InetSocketAddress fwd = stack.forwardAddresses().get(0);
    assertEquals(InetAddress.getByName("127.0.0.1"), fwd.getAddress(), "loopback by default");
    List<FourTuple> accepted = new ArrayList<>();
    StreamPeer server = new StreamPeer("welcome".getBytes(StandardCharsets.US_ASCII), true);
    guest.tcp.listen(IP, 8080, (tuple, now) -> {
      accepted.add(tuple);
      return server;
    });
    CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
      try (Socket s = new Socket(fwd.getAddress(), fwd.getPort())) {
        s.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
        s.shutdownOutput();
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);

    assertTrue(guest.runUntil(() -> server.closed && client.isDone(), LIMIT));

    assertEquals("welcome", client.get());
    assertEquals("hi", server.received.toString(StandardCharsets.US_ASCII));
    assertNull(server.error);
    assertEquals(GATEWAY, accepted.get(0).remoteIp());
    assertEquals(1L, stack.counters().get("nat.tcp.forwards_accepted"));
  }

  @Test
  void aForwardToAGuestNotYetHeardFromLosesNoSyn() throws Exception {
    // No announce(): the guest has sent nothing, so the first SYN needs an ARP round trip. It
    // waits for the reply instead of being dropped and retransmitted a second later.
    Netstack stack = restricted("tcp::0-:8082");
    GuestSide guest = new GuestSide(stack);
    InetSocketAddress fwd = stack.forwardAddresses().get(0);
    StreamPeer server = new StreamPeer("up".getBytes(StandardCharsets.US_ASCII), true);
    guest.tcp.listen(IP, 8082, (tuple, now) -> server);
    CompletableFuture<String> client = CompletableFuture.supplyAsync(() -> {
      try (Socket s = new Socket(fwd.getAddress(), fwd.getPort())) {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);

    assertTrue(guest.runUntil(() -> server.closed && client.isDone(), LIMIT));

    assertEquals("up", client.get());
    assertEquals(0, stack.drops().get(Layer.IPV4, DropReason.NO_NEIGHBOR));
  }

  @Test
  void aForwardToAClosedGuestPortResetsTheHostClient() throws Exception {
    Netstack stack = restricted("tcp::0-:8081");
    GuestSide guest = new GuestSide(stack);
    guest.announce();
    InetSocketAddress fwd = stack.forwardAddresses().get(0);
    CompletableFuture<Integer> client = CompletableFuture.supplyAsync(() -> {
      try (Socket s = new Socket(fwd.getAddress(), fwd.getPort())) {
        return s.getInputStream().read();
      } catch (java.net.SocketException e) {
        return -2; // connection reset
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, host);

    assertTrue(guest.runUntil(client::isDone, LIMIT));

    assertEquals(-2, client.get());
    assertEquals(1L, stack.counters().get("nat.tcp.refused"));
  }

  @Test
  void restrictRefusesGuestTcpToTheHost() throws Exception {
    Netstack stack = restricted();
    GuestSide guest = new GuestSide(stack);
    ServerSocketChannel server = ServerSocketChannel.open();
    closeAfter.add(server);
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    server.configureBlocking(false);
    int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
    StreamPeer app = new StreamPeer(new byte[0], false);
    guest.tcp.connect(IP, GATEWAY, port, app, guest.now());

    assertTrue(guest.runUntil(() -> app.closed, LIMIT));

    assertEquals(TcpError.REFUSED, app.error);
    assertNull(server.accept(), "nothing reached the host");
    assertEquals(1L, stack.counters().get("nat.tcp.refused"));
  }

  @Test
  void restrictAnswersGuestUdpToTheHostWithAdministrativelyProhibited() throws Exception {
    Netstack stack = restricted();
    GuestSide guest = new GuestSide(stack);
    guest.sendUdp(GATEWAY, 40000, 9999, "x".getBytes(StandardCharsets.US_ASCII));

    assertTrue(guest.runUntil(() -> !guest.icmpReceived.isEmpty(), LIMIT));

    GuestSide.Icmp icmp = guest.icmpReceived.get(0);
    assertEquals(IcmpRepr.DEST_UNREACHABLE, icmp.type());
    assertEquals(13, icmp.code());
    assertEquals(GATEWAY, icmp.src());
    assertEquals(1L, stack.counters().get("nat.udp.refused"));
  }

  @Test
  void restrictTurnsTheHostResolverOff() {
    assertTrue(NatConfig.hostAccess().usesHostResolver());
    assertTrue(!NatConfig.hostAccess().withRestrict(true).usesHostResolver());
    assertTrue(!NatConfig.disabled().usesHostResolver());
  }

  @Test
  void aForwardThatCannotBindFailsAtConstruction() throws Exception {
    ServerSocketChannel taken = ServerSocketChannel.open();
    closeAfter.add(taken);
    taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();

    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> restricted("tcp:127.0.0.1:" + port + "-:80"));
    assertTrue(e.getMessage().contains("hostfwd tcp:127.0.0.1:" + port), e.getMessage());
  }
}
