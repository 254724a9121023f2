package dev.vboard.emulator.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.cli.NetstackCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end against an independent TCP/IP stack, Linux's: {@code vboard netstack --tap} with
 * the TAP moved into a fresh network namespace, and that namespace as the only host on the
 * virtual LAN. Needs root, /dev/net/tun, iproute2, busybox (udhcpc, ping) and python3; skipped
 * otherwise. Only loopback and the namespace's own addresses are used. The namespace (and with
 * it the TAP) is removed in all cases.
 */
class TapNamespaceTest {
  private static final long TRANSFER_BYTES = 50L * 1024 * 1024;
  private static final int NS_SERVER_PORT = 8080;
  private static final String NS_GREETING = "hello from the namespace";

  @TempDir
  Path tmp;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void linuxInANamespaceUsesDhcpServicesNatAndForwardsThroughTheTap() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/dev/net/tun")) && isRoot(), "needs root and /dev/net/tun");
    assumeTrue(onPath("ip") && onPath("busybox") && onPath("python3"),
        "needs ip (iproute2), busybox and python3");

    String suffix = HexFormat.of().formatHex(SecureRandom.getSeed(3));
    String ns = "vbtest-" + suffix;
    String tapName = "vbt" + suffix;
    int forwardPort = freePort();

    try (HostServer server = new HostServer()) {
      NetstackCommand command = new NetstackCommand().withoutSignalHook();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(command);
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));
      AtomicInteger status = new AtomicInteger(-1);
      Thread runner = new Thread(() -> status.set(cli.execute("--tap", tapName,
          "--hostfwd", "tcp:127.0.0.1:" + forwardPort + "-:" + NS_SERVER_PORT, "--stats")),
          "netstack-tap");
      runner.start();
      Process nsServer = null;
      try {
        assertTrue(command.awaitReady(10, TimeUnit.SECONDS), "netstack did not start: " + err);
        sh(10, "ip", "netns", "add", ns);
        sh(10, "ip", "link", "set", tapName, "netns", ns);
        sh(10, "ip", "-n", ns, "link", "set", "lo", "up");
        sh(10, "ip", "-n", ns, "link", "set", tapName, "up");

        // DHCP configures the namespace: address, prefix and default route from the lease.
        Path script = dhcpScript();
        sh(20, "ip", "netns", "exec", ns, "busybox", "udhcpc", "-i", tapName, "-f", "-q", "-n",
            "-t", "5", "-T", "2", "-s", script.toString());
        String addr = sh(10, "ip", "-n", ns, "-4", "addr", "show", "dev", tapName);
        assertTrue(addr.contains("inet 10.0.2.15/24"), addr);
        String routes = sh(10, "ip", "-n", ns, "-4", "route", "show", "default");
        assertTrue(routes.contains("default via 10.0.2.2"), routes);

        String ping = sh(15, "ip", "netns", "exec", ns, "busybox", "ping", "-c", "2", "-W", "3",
            "10.0.2.2");
        assertTrue(ping.contains("2 packets received"), ping);

        String quote = sh(15, "ip", "netns", "exec", ns, "python3", "-c", PY_QOTD);
        assertFalse(quote.isBlank(), "empty quote");

        // 50 MB each way through the NAT to 127.0.0.1:PORT, reached as 10.0.2.2:PORT.
        Path client = tmp.resolve("transfer.py");
        Files.writeString(client, PY_TRANSFER);
        String up = sh(60, "ip", "netns", "exec", ns, "python3", client.toString(), "U",
            Integer.toString(server.port()), Long.toString(TRANSFER_BYTES)).strip();
        assertEquals(up, server.awaitUploadDigest(), "upload SHA-256");
        String down = sh(60, "ip", "netns", "exec", ns, "python3", client.toString(), "D",
            Integer.toString(server.port()), Long.toString(TRANSFER_BYTES)).strip();
        assertEquals(server.downloadDigest() + " " + TRANSFER_BYTES, down, "download SHA-256");

        // A host client reaches a server inside the namespace through --hostfwd.
        nsServer = new ProcessBuilder("ip", "netns", "exec", ns, "python3", "-c", PY_NS_SERVER,
            Integer.toString(NS_SERVER_PORT), NS_GREETING).redirectErrorStream(true).start();
        assertEquals(NS_GREETING, readThroughForward(forwardPort));
      } finally {
        if (nsServer != null) {
          nsServer.destroyForcibly();
        }
        command.stop();
        runner.join(10_000);
        deleteNamespace(ns);
      }
      assertEquals(0, status.get(), "exit status; stderr: " + err);
      assertTrue(err.toString().contains("\"tap\":{\"frames_in\":"), err.toString());
      assertTrue(out.toString().contains("netstack on TAP " + tapName), out.toString());
    }
  }

  // ------------------------------------------------------------------ namespace helpers

  private Path dhcpScript() throws IOException {
    // busybox udhcpc runs this with $1 = bound/renew and the lease in $ip, $mask (prefix
    // length) and $router (busybox networking/udhcp/dhcpc.c, fill_envp).
    Path script = tmp.resolve("udhcpc.sh");
    Files.writeString(script, String.join("\n",
        "#!/bin/sh",
        "case \"$1\" in",
        "  bound|renew)",
        "    ip addr flush dev \"$interface\"",
        "    ip addr add \"$ip/$mask\" dev \"$interface\"",
        "    ip route replace default via \"$router\" dev \"$interface\"",
        "    ;;",
        "esac",
        ""));
    script.toFile().setExecutable(true);
    return script;
  }

  private static String readThroughForward(int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String last = "no attempt";
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        s.setSoTimeout(5_000);
        String got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .strip();
        if (!got.isEmpty()) {
          return got;
        }
        last = "empty answer";
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(200); // the namespace's server may not listen yet
    }
    return "forward failed: " + last;
  }

  private static void deleteNamespace(String ns) {
    try {
      String pids = sh(5, "ip", "netns", "pids", ns);
      for (String pid : pids.split("\\s+")) {
        if (!pid.isBlank()) {
          new ProcessBuilder("kill", "-9", pid).start().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (Exception | AssertionError e) {
      // No such namespace (created before the failure), or nothing running in it.
    }
    try {
      new ProcessBuilder("ip", "netns", "del", ns).redirectErrorStream(true).start()
          .waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs a command with a time limit; returns its stdout, failing with its output otherwise. */
  private static String sh(int timeoutSeconds, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread o = pump(p.getInputStream(), stdout);
    Thread e = pump(p.getErrorStream(), stderr);
    boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    o.join(5_000);
    e.join(5_000);
    String text = stdout.toString(StandardCharsets.UTF_8);
    String errText = stderr.toString(StandardCharsets.UTF_8);
    assertTrue(done, String.join(" ", cmd) + ": timed out after " + timeoutSeconds + " s; "
        + text + errText);
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + text + errText);
    return text;
  }

  private static Thread pump(InputStream in, OutputStream out) {
    Thread t = new Thread(() -> {
      try (in) {
        in.transferTo(out);
      } catch (IOException ignored) {
        // The process was killed; what was read is in the buffer.
      }
    });
    t.start();
    return t;
  }

  private static boolean isRoot() throws Exception {
    return sh(5, "id", "-u").strip().equals("0");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  // ------------------------------------------------------------------ host server

  /**
   * The host side of the transfers, on 127.0.0.1 only: a client's first byte says what it
   * wants. 'U': everything after it is hashed (the digest is kept); 'D': TRANSFER_BYTES of
   * seeded pseudo-random data are sent, then the connection is closed.
   */
  private static final class HostServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private final byte[] block = new byte[1 << 20];
    private final String downloadDigest;
    private final AtomicReference<String> uploadDigest = new AtomicReference<>();
    private final List<Socket> clients = new ArrayList<>();

    HostServer() throws IOException, NoSuchAlgorithmException {
      new Random(42).nextBytes(block);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (long sent = 0; sent < TRANSFER_BYTES; sent += block.length) {
        sha.update(block, 0, (int) Math.min(block.length, TRANSFER_BYTES - sent));
      }
      downloadDigest = HexFormat.of().formatHex(sha.digest());
      socket = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "host-server");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    String downloadDigest() {
      return downloadDigest;
    }

    String awaitUploadDigest() throws InterruptedException {
      for (int i = 0; i < 100 && uploadDigest.get() == null; i++) {
        Thread.sleep(100);
      }
      return uploadDigest.get();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket c = socket.accept()) {
          synchronized (clients) {
            clients.add(c);
          }
          c.setSoTimeout(60_000);
          InputStream in = c.getInputStream();
          int mode = in.read();
          if (mode == 'U') {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) >= 0; ) {
              sha.update(buf, 0, n);
            }
            uploadDigest.set(HexFormat.of().formatHex(sha.digest()));
          } else if (mode == 'D') {
            OutputStream out = c.getOutputStream();
            for (long sent = 0; sent < TRANSFER_BYTES; sent += block.length) {
              out.write(block, 0, (int) Math.min(block.length, TRANSFER_BYTES - sent));
            }
            out.flush();
          }
        } catch (IOException | NoSuchAlgorithmException e) {
          // Closed at the end of the test, or a client gave up: the assertions say which.
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (clients) {
        for (Socket c : clients) {
          c.close();
        }
      }
    }
  }

  // ------------------------------------------------------------------ namespace-side scripts

  private static final String PY_QOTD = String.join("\n",
      "import socket",
      "s = socket.create_connection(('10.0.2.2', 17), timeout=5)",
      "data = b''",
      "while True:",
      "    d = s.recv(4096)",
      "    if not d:",
      "        break",
      "    data += d",
      "print(data.decode())",
      "");

  /** argv: U|D PORT BYTES. Prints the SHA-256 of what it sent (U) or got, and the count (D). */
  private static final String PY_TRANSFER = String.join("\n",
      "import hashlib, os, socket, sys",
      "mode, port, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])",
      "s = socket.create_connection(('10.0.2.2', port), timeout=30)",
      "h = hashlib.sha256()",
      "s.sendall(mode.encode())",
      "if mode == 'U':",
      "    left = total",
      "    while left > 0:",
      "        chunk = os.urandom(min(left, 1 << 20))",
      "        h.update(chunk)",
      "        s.sendall(chunk)",
      "        left -= len(chunk)",
      "    s.shutdown(socket.SHUT_WR)",
      "    s.recv(1)",
      "    print(h.hexdigest())",
      "else:",
      "    got = 0",
      "    while True:",
      "        d = s.recv(1 << 16)",
      "        if not d:",
      "            break",
      "        h.update(d)",
      "        got += len(d)",
      "    print(h.hexdigest(), got)",
      "");

  /** argv: PORT GREETING. Answers one connection with the greeting, then exits. */
  private static final String PY_NS_SERVER = String.join("\n",
      "import socket, sys",
      "srv = socket.socket()",
      "srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "srv.bind(('0.0.0.0', int(sys.argv[1])))",
      "srv.listen(1)",
      "c, _ = srv.accept()",
      "c.sendall((sys.argv[2] + '\\n').encode())",
      "c.close()",
      "");
}
