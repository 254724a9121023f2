package dev.vboard.emulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import dev.vboard.emulator.net.NetOptions;
import dev.vboard.emulator.peripheral.lan9118.Lan9118;
import dev.vboard.emulator.peripheral.lan9118.MacAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code netcheck.elf} on the board's LAN9118, wired to the netstack: DHCP lease, ping of the
 * gateway, UDP echo through 10.0.2.2:7 (the virtual echo service). QEMU with {@code -nic user}
 * and a host echo server prints the same lines ({@code firmware-runtime/scripts/qemu-net-check}),
 * except the ping's round-trip time.
 */
class NetcheckOnVboardTest {

  @Test
  void netcheckGetsALeasePingsTheGatewayAndEchoesThroughTheVirtualService() throws Exception {
    try (Emulation emu = NetFirmware.boot("netcheck", NetFirmware.virtualOnly())) {
      RunResult r = emu.run(Duration.ofSeconds(30));

      String out = emu.uartOutput(0);
      assertEquals(RunResult.Stop.EXITED, r.stop(), out);
      assertEquals(0, r.exitCode(), out);
      assertTrue(out.contains("dhcp: ok ip=10.0.2.15 gw=10.0.2.2\n"), out);
      assertTrue(out.matches("(?s).*ping: ok 10\\.0\\.2\\.2 rtt=\\d+ms\n.*"), out);
      assertTrue(out.contains("udp-echo: ok 10.0.2.2:7\n"), out);
      assertTrue(out.endsWith("netcheck: all passed\n"), out);
      Map<String, Long> counters = emu.networkCounters();
      assertTrue(counters.get("rx.frames") >= 4, counters.toString());
      assertTrue(counters.get("tx.frames") >= 4, counters.toString());
    }
  }

  @Test
  void netcheckAlsoPassesWithHostAccessOnAsTheCommandLineDefault() throws Exception {
    try (Emulation emu = NetFirmware.boot("netcheck", NetOptions.defaults())) {
      RunResult r = emu.run(Duration.ofSeconds(30));

      assertEquals(0, r.exitCode(), emu.uartOutput(0));
      assertTrue(emu.uartOutput(0).endsWith("netcheck: all passed\n"), emu.uartOutput(0));
    }
  }

  @Test
  void theMacOptionOverridesTheBoardFilesAddress() throws Exception {
    try (Emulation emu = NetFirmware.boot("netcheck",
        NetFirmware.virtualOnly().withMac("02:00:5e:10:20:30"))) {
      Lan9118 nic = emu.board().device("eth0", Lan9118.class);
      assertEquals(MacAddress.parse("02:00:5e:10:20:30"), nic.macAddress());

      RunResult r = emu.run(Duration.ofSeconds(30));

      assertEquals(0, r.exitCode(), emu.uartOutput(0));
    }
  }

  @Test
  void anUnconnectedNicGivesNoLeaseAndNoNetworkCounters() throws Exception {
    try (Emulation emu = NetFirmware.boot("netcheck",
        NetOptions.defaults().withConnected(false))) {
      RunResult r = emu.run(Duration.ofSeconds(60));

      String out = emu.uartOutput(0);
      assertTrue(emu.network().isEmpty());
      assertTrue(emu.networkCounters().isEmpty());
      assertEquals(RunResult.Stop.EXITED, r.stop(), out);
      assertTrue(r.exitCode() != 0, out);
      assertTrue(out.contains("dhcp: FAIL"), out);
    }
  }
}
