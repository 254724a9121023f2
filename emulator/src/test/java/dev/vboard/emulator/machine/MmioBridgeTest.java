package dev.vboard.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vboard.emulator.bus.MmioDevice;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code --trace mmio}: what MmioBridge logs for each device access. */
class MmioBridgeTest {
  private final Logger mmio = (Logger) LoggerFactory.getLogger("vboard.mmio");
  private final ListAppender<ILoggingEvent> seen = new ListAppender<>();
  private Level before;

  /** A one-register device: reads give 0x1234 | size, writes are kept. */
  private static final class Register implements MmioDevice {
    int written;

    @Override
    public int read(int offset, int size) {
      return 0x1234 | size;
    }

    @Override
    public void write(int offset, int size, int value) {
      written = value;
    }

    @Override
    public void reset() {
      written = 0;
    }
  }

  @BeforeEach
  void listen() {
    before = mmio.getLevel();
    seen.start();
    mmio.addAppender(seen);
  }

  @AfterEach
  void stopListening() {
    mmio.detachAppender(seen);
    mmio.setLevel(before);
  }

  @Test
  void everyAccessIsLoggedWithDeviceAddressSizeAndValue() {
    mmio.setLevel(Level.TRACE);
    Register device = new Register();
    MmioBridge bridge = new MmioBridge("uart0", 0x40004000L, device);

    assertEquals(0x1236, bridge.invoke(null, 0x8, 2, null));
    bridge.invoke(null, 0x0, 1, 0x41, null);

    assertEquals(0x41, device.written);
    List<String> lines = seen.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertEquals(List.of("uart0 read  0x40004008 (+0x008) size 2 value 0x1236",
        "uart0 write 0x40004000 (+0x000) size 1 value 0x41"), lines);
  }

  @Test
  void nothingIsLoggedWithoutTheTrace() {
    mmio.setLevel(Level.WARN);
    new MmioBridge("uart0", 0x40004000L, new Register()).invoke(null, 0x4, 4, null);

    assertEquals(List.of(), seen.list);
  }
}
