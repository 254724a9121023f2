package dev.vboard.emulator.peripheral.lan9118;

import java.util.Arrays;
import java.util.HexFormat;

/** A 48-bit IEEE 802 MAC address, as the board file and {@code --mac} spell it. */
public final class MacAddress {
  public static final int LENGTH = 6;

  private final byte[] bytes;

  private MacAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The address from its six bytes in transmission order. */
  public static MacAddress of(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
    }
    return new MacAddress(bytes.clone());
  }

  /** The address at {@code off} in a frame. */
  static MacAddress at(byte[] frame, int off) {
    return new MacAddress(Arrays.copyOfRange(frame, off, off + LENGTH));
  }

  /** Parses {@code 52:54:00:12:34:56} (colons or dashes). */
  public static MacAddress parse(String text) {
    String[] parts = text.trim().split("[:-]");
    if (parts.length != LENGTH) {
      throw new IllegalArgumentException("not a MAC address: '" + text + "'");
    }
    byte[] b = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      if (parts[i].length() != 2) {
        throw new IllegalArgumentException("not a MAC address: '" + text + "'");
      }
      try {
        b[i] = (byte) HexFormat.fromHexDigits(parts[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a MAC address: '" + text + "'", e);
      }
    }
    return new MacAddress(b);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** Byte {@code i} (0 is the first transmitted) as 0..255. */
  public int get(int i) {
    return bytes[i] & 0xff;
  }

  /** The I/G bit: group (multicast or broadcast) address. */
  public boolean isGroup() {
    return (bytes[0] & 1) != 0;
  }

  public boolean isBroadcast() {
    for (byte b : bytes) {
      if (b != (byte) 0xff) {
        return false;
      }
    }
    return true;
  }

  /** Whether the frame's destination (its first six bytes) is this address. */
  boolean matches(byte[] frame) {
    return Arrays.equals(bytes, 0, LENGTH, frame, 0, LENGTH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MacAddress m && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.ofDelimiter(":").formatHex(bytes);
  }
}
