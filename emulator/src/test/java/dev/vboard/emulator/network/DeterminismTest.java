package dev.vboard.emulator.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identical runs give identical bytes on the wire at identical virtual times: two
 * {@code vboard run --pcap --stats} runs of the same example print the same UART output, report
 * the same virtual time and network counters, and write byte-identical capture files, which
 * Wireshark's reader takes cleanly.
 */
class DeterminismTest {
  /** pcap with nanosecond timestamps, as written little-endian (the pcap file format, 3.1). */
  private static final int PCAP_MAGIC_NANOS = 0xa1b2_3c4d;

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"netcheck", "qotd"})
  void twoRunsGiveTheSameOutputTimeAndCapture(String example) throws Exception {
    String elf = NetFirmware.elf(example).toString();
    Path pcap1 = dir.resolve("run1.pcap");
    Path pcap2 = dir.resolve("run2.pcap");

    CliRun first = CliRun.run("run", "--stats", "--timeout", "60s", "--semihosting-root",
        dir.toString(), "--pcap", pcap1.toString(), elf);
    CliRun second = CliRun.run("run", "--stats", "--timeout", "60s", "--semihosting-root",
        dir.toString(), "--pcap", pcap2.toString(), elf);

    assertEquals(0, first.status(), first.stdout() + first.stderr());
    assertEquals(first.stdout(), second.stdout());
    assertTrue(first.stat("virtual_ns") > 0, first.stderr());
    assertEquals(first.stat("virtual_ns"), second.stat("virtual_ns"), second.stderr());
    assertEquals(first.stat("instructions"), second.stat("instructions"), second.stderr());
    assertNotNull(first.netObject(), first.stderr());
    assertEquals(first.netObject(), second.netObject());
    byte[] bytes = Files.readAllBytes(pcap1);
    assertArrayEquals(bytes, Files.readAllBytes(pcap2));
    assertCaptureIsWellFormed(bytes, first.stat("rx.frames") + first.stat("tx.frames"));
    assertTsharkReads(pcap1);
  }

  /** Global header, then one record per frame, each stamped with the virtual time. */
  private static void assertCaptureIsWellFormed(byte[] bytes, long frames) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(PCAP_MAGIC_NANOS, b.getInt(0));
    assertEquals(1, b.getInt(20), "link type Ethernet");
    int records = 0;
    long lastSeconds = 0;
    long lastNanos = 0;
    for (int off = 24; off < bytes.length; records++) {
      long seconds = b.getInt(off) & 0xffff_ffffL;
      long nanos = b.getInt(off + 4) & 0xffff_ffffL;
      int included = b.getInt(off + 8);
      assertTrue(seconds > lastSeconds || seconds == lastSeconds && nanos >= lastNanos,
          "timestamps never go back");
      assertTrue(seconds < 60 && nanos < 1_000_000_000L, "within the run's virtual minute");
      assertTrue(included >= 14 && included == b.getInt(off + 12));
      lastSeconds = seconds;
      lastNanos = nanos;
      off += 16 + included;
      assertTrue(off <= bytes.length, "truncated record");
    }
    assertEquals(frames, records, "one record per frame crossing the wire");
  }

  private static void assertTsharkReads(Path pcap) throws Exception {
    Path tshark = Path.of("/usr/bin/tshark");
    if (!Files.isExecutable(tshark)) {
      return; // optional: apt-get install tshark
    }
    Path out = Files.createTempFile("tshark", ".txt");
    Process p = new ProcessBuilder(tshark.toString(), "-n", "-r", pcap.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "tshark did not finish");
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    assertTrue(text.contains("DHCP"), text);
    assertTrue(!text.contains("malformed") && !text.contains("Malformed"), text);
  }
}
