package dev.vboard.emulator.board;

import dev.vboard.emulator.serial.CharBackend;
import dev.vboard.emulator.serial.NullBackend;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a board meets the host: which {@link CharBackend} each serial port gets (default: the
 * null backend), the Ethernet MAC address to use, and extra device models (e.g. a network
 * controller wired to the netstack) by board-file type. Fluent and mutable; build a board with
 * it once.
 */
public final class BoardWiring {
  private final Map<Integer, CharBackend> serial = new HashMap<>();
  private final Map<String, DeviceFactory> models = new HashMap<>();
  private byte[] mac;

  /** Serial port 0 (UART0 on AN385) on {@code console}, every other port on nothing. */
  public static BoardWiring console(CharBackend console) {
    return new BoardWiring().withSerial(0, console);
  }

  /** Every serial port on the null backend. */
  public static BoardWiring none() {
    return new BoardWiring();
  }

  public BoardWiring withSerial(int port, CharBackend backend) {
    serial.put(port, backend);
    return this;
  }

  /** Overrides the board's MAC address (6 bytes), for the network controller model. */
  public BoardWiring withMac(byte[] address) {
    if (address.length != 6) {
      throw new IllegalArgumentException("a MAC address has 6 bytes, not " + address.length);
    }
    this.mac = address.clone();
    return this;
  }

  /** Supplies (or replaces) the model for devices of {@code type}. */
  public BoardWiring withDeviceModel(String type, DeviceFactory factory) {
    models.put(type, factory);
    return this;
  }

  /** The backend for serial port {@code port}. */
  public CharBackend serial(int port) {
    return serial.getOrDefault(port, NullBackend.INSTANCE);
  }

  public Optional<byte[]> mac() {
    return Optional.ofNullable(mac).map(byte[]::clone);
  }

  DeviceFactory model(String type) {
    return models.get(type);
  }
}
