package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The network flags of {@code vboard run}: documented, and bad values are one line, exit 2. */
class NetworkFlagsTest {

  @TempDir
  static Path dir;

  private static Path image() throws Exception {
    return Files.write(dir.resolve("fw.bin"), new byte[8]);
  }

  @Test
  void helpDocumentsEveryNetworkFlag() {
    CliHarness r = CliHarness.run("run", "--help");

    assertEquals(0, r.status());
    for (String flag : new String[] {"--hostfwd", "--restrict", "--pcap", "--mac", "--service",
        "--no-services", "--qotd-file", "--no-net"}) {
      assertTrue(r.out().contains(flag), flag + " missing from:\n" + r.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--hostfwd=tcp:127.0.0.1:5555", "--hostfwd=sctp::5555-:1234",
      "--hostfwd=tcp::70000-:1234", "--hostfwd=tcp:300.1.1.1:5555-:1234",
      "--mac=52:54:00:12:34", "--mac=01:00:5e:00:00:01", "--mac=zz:54:00:12:34:56",
      "--service=telnet=off", "--service=qotd=maybe"})
  void aBadNetworkValueIsOneLineAndExitTwo(String flag) throws Exception {
    CliHarness r = CliHarness.run("run", flag, image().toString());

    assertEquals(2, r.status(), r.err());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().startsWith("vboard: "), r.err());
  }

  @Test
  void aMissingQuotesFileIsOneLineAndExitTwo() throws Exception {
    CliHarness r = CliHarness.run("run", "--qotd-file", dir.resolve("none.txt").toString(),
        image().toString());

    assertEquals(2, r.status(), r.err());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains("none.txt"), r.err());
  }

  @Test
  void anUnwritablePcapFileIsOneLineAndExitTwo() throws Exception {
    CliHarness r = CliHarness.run("run", "--pcap", dir.resolve("no/such/dir.pcap").toString(),
        image().toString());

    assertEquals(2, r.status(), r.err());
    assertTrue(r.oneErrorLine(), r.err());
    assertTrue(r.err().contains("pcap"), r.err());
  }

  @Test
  void aForwardWhosePortIsTakenIsOneLineAndExitTwo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliHarness r = CliHarness.run("run", "--hostfwd",
          "tcp:127.0.0.1:" + taken.getLocalPort() + "-:1234", image().toString());

      assertEquals(2, r.status(), r.err());
      assertTrue(r.oneErrorLine(), r.err());
      assertTrue(r.err().contains(String.valueOf(taken.getLocalPort())), r.err());
    }
  }

  @Test
  void noNetWithAForwardIsAUsageError() throws Exception {
    CliHarness r = CliHarness.run("run", "--no-net", "--hostfwd", "tcp::0-:1234",
        image().toString());

    assertEquals(2, r.status(), r.err());
    assertTrue(r.oneErrorLine(), r.err());
  }
}
