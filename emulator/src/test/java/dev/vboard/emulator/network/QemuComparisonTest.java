package dev.vboard.emulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same images print the same lines under QEMU 7.2 ({@code -M mps2-an385 -nic user}, its
 * slirp mapping 10.0.2.2:P to the host's 127.0.0.1:P) with loopback helper servers standing in
 * for our virtual services, as {@code firmware-runtime/scripts/qemu-net-check} runs them.
 * Skipped without qemu-system-arm or when ports 7/17 on loopback cannot be bound (not root, or
 * taken).
 */
class QemuComparisonTest {
  private static final String QUOTE = "The early bird gets the worm, but the second mouse gets "
      + "the cheese.";
  private static final long QEMU_TIMEOUT_SECONDS = 60;

  @TempDir
  Path dir;

  @Test
  void qotdPrintsTheSameQuoteUnderQemuWithAHostServerAndUnderVboard() throws Exception {
    Path elf = NetFirmware.elf("qotd");
    assumeTrue(qemuInstalled(), "qemu-system-arm is not installed");
    String qemu;
    try (ServerSocket qotd = bindLoopbackTcp(17)) {
      Thread server = new Thread(() -> serveQuotes(qotd), "qotd-helper");
      server.setDaemon(true);
      server.start();
      qemu = runQemu(elf);
    }

    Path quotes = dir.resolve("quotes.txt");
    Files.writeString(quotes, QUOTE + "\n");
    try (Emulation emu = NetFirmware.boot("qotd",
        NetFirmware.virtualOnly().withQotdFile(quotes))) {
      RunResult r = emu.run(Duration.ofSeconds(30));
      assertEquals(0, r.exitCode(), emu.uartOutput(0));
      assertEquals(normalise(qemu), normalise(emu.uartOutput(0)));
    }
  }

  @Test
  void netcheckPrintsTheSameLinesUnderQemuAndVboardApartFromTheRoundTripTime()
      throws Exception {
    Path elf = NetFirmware.elf("netcheck");
    assumeTrue(qemuInstalled(), "qemu-system-arm is not installed");
    String qemu;
    try (DatagramSocket echo = bindLoopbackUdp(7)) {
      Thread server = new Thread(() -> serveEcho(echo), "echo-helper");
      server.setDaemon(true);
      server.start();
      qemu = runQemu(elf);
    }

    try (Emulation emu = NetFirmware.boot("netcheck", NetFirmware.virtualOnly())) {
      RunResult r = emu.run(Duration.ofSeconds(30));
      assertEquals(0, r.exitCode(), emu.uartOutput(0));
      assertEquals(normalise(qemu), normalise(emu.uartOutput(0)));
    }
  }

  /** Line endings as the serial port carries them; the ping time is the host's, not ours. */
  private static String normalise(String uart) {
    return uart.replace("\r\n", "\n").replaceAll("rtt=\\d+ms", "rtt=Nms");
  }

  private static boolean qemuInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/qemu-system-arm"));
  }

  private String runQemu(Path elf) throws IOException, InterruptedException {
    Path out = dir.resolve(elf.getFileName() + ".qemu.txt");
    Process p = new ProcessBuilder(List.of("qemu-system-arm", "-M", "mps2-an385", "-nographic",
        "-monitor", "none", "-serial", "stdio", "-semihosting-config",
        "enable=on,target=native", "-kernel", elf.toString(), "-nic", "user"))
        .redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    if (!p.waitFor(QEMU_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      assumeTrue(false, "QEMU did not finish in " + QEMU_TIMEOUT_SECONDS + " s");
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assumeTrue(p.exitValue() == 0, "QEMU run failed: " + text);
    return text;
  }

  private static ServerSocket bindLoopbackTcp(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return s;
    } catch (IOException e) {
      assumeTrue(false, "cannot bind 127.0.0.1:" + port + " (" + e.getMessage() + ")");
      throw new IllegalStateException(e);
    }
  }

  private static DatagramSocket bindLoopbackUdp(int port) {
    try {
      return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      assumeTrue(false, "cannot bind 127.0.0.1:" + port + "/udp (" + e.getMessage() + ")");
      throw new IllegalStateException(e);
    }
  }

  /** RFC 865: one quote per connection, then close. */
  private static void serveQuotes(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket c = server.accept(); OutputStream out = c.getOutputStream()) {
        out.write((QUOTE + "\r\n").getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        return; // closed by the test
      }
    }
  }

  /** RFC 862: every datagram back to its sender. */
  private static void serveEcho(DatagramSocket socket) {
    byte[] buf = new byte[2048];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        socket.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
      } catch (IOException e) {
        return; // closed by the test
      }
    }
  }
}
