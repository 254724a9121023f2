package dev.vboard.emulator.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.cli.NetstackCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vboard netstack} usage errors: exit 2 and a message, before any device is opened. */
class NetstackCommandUsageTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new NetstackCommand().withoutSignalHook());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void withoutTapIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("--tap"), err.toString());
  }

  @Test
  void anInterfaceNameTooLongForTheKernelIsAUsageError() {
    assertEquals(2, run("--tap", "a-name-far-too-long"));
    assertTrue(err.toString().contains("invalid interface name 'a-name-far-too-long'"),
        err.toString());
  }

  @Test
  void aBadHostForwardIsAUsageError() {
    assertEquals(2, run("--tap", "vbt0", "--hostfwd", "tcp:127.0.0.1:x-:80"));
    assertTrue(err.toString().contains("--hostfwd"), err.toString());
  }

  @Test
  void anUnknownServiceIsAUsageError() {
    assertEquals(2, run("--tap", "vbt0", "--service", "gopher=off"));
    assertTrue(err.toString().contains("unknown service 'gopher'"), err.toString());
  }

  @Test
  void helpSaysTheModeIsRealtimeAndDocumentsTheExitStatuses() {
    assertEquals(0, run("--help"));
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("This mode is realtime"), help);
    assertTrue(help.contains("69 /dev/net/tun missing or not permitted"), help);
  }
}
