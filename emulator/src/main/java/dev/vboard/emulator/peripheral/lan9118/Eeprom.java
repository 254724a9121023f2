package dev.vboard.emulator.peripheral.lan9118;

import dev.vboard.emulator.peripheral.GuestError;
import java.util.Arrays;

/**
 * The serial EEPROM behind E2P_CMD/E2P_DATA (datasheet 5.3 and 3.11). The board has no EEPROM
 * of its own; as QEMU does, the model holds a 128-byte image that starts with the
 * 0xa5 signature and the board's MAC address, so after every reset the MAC address is loaded
 * and E2P_CMD.MAC_ADDR_LOADED reads 1. The image survives resets, like the real part.
 *
 * <p>Commands run when written with EPC_BUSY set (datasheet) and complete at once: EPC_BUSY and
 * EPC_TIMEOUT read 0. WRITE stores E2P_DATA (the 93C46 erases before writing); WRITE, WRAL,
 * ERASE and ERAL need a prior EWEN.
 */
final class Eeprom {
  static final int SIZE = 128;
  static final int SIGNATURE = 0xa5;

  static final int EPC_BUSY = 1 << 31;
  static final int MAC_ADDR_LOADED = 1 << 8;

  static final int CMD_READ = 0;
  static final int CMD_EWDS = 1;
  static final int CMD_EWEN = 2;
  static final int CMD_WRITE = 3;
  static final int CMD_WRAL = 4;
  static final int CMD_ERASE = 5;
  static final int CMD_ERAL = 6;
  static final int CMD_RELOAD = 7;

  private final String device;
  private final byte[] image = new byte[SIZE];
  private boolean writeEnabled;
  private int lastCommand;
  private boolean macLoaded;
  private int data;

  Eeprom(String device, MacAddress mac) {
    this.device = device;
    Arrays.fill(image, (byte) 0xff);
    image[0] = (byte) SIGNATURE;
    System.arraycopy(mac.bytes(), 0, image, 1, MacAddress.LENGTH);
  }

  /** Soft or power-on reset: registers cleared, then the MAC address loader runs. */
  MacAddress reset() {
    writeEnabled = false;
    lastCommand = 0;
    data = 0;
    return reload();
  }

  int cmd() {
    return lastCommand | (macLoaded ? MAC_ADDR_LOADED : 0);
  }

  int data() {
    return data;
  }

  void setData(int value) {
    data = value & 0xff;
  }

  /**
   * E2P_CMD written: bits 30:28 EPC_CMD, 6:0 EPC_ADDR. Returns the MAC address when the command
   * was RELOAD and the image holds a valid signature, else null.
   */
  MacAddress command(int value) {
    if ((value & EPC_BUSY) == 0) {
      return null;
    }
    int cmd = (value >>> 28) & 7;
    int addr = value & 0x7f;
    lastCommand = (cmd << 28) | addr;
    switch (cmd) {
      case CMD_READ -> data = image[addr] & 0xff;
      case CMD_EWDS -> writeEnabled = false;
      case CMD_EWEN -> writeEnabled = true;
      case CMD_WRITE -> store(addr, data);
      case CMD_WRAL -> {
        for (int i = 0; i < SIZE; i++) {
          store(i, data);
        }
      }
      case CMD_ERASE -> store(addr, 0xff);
      case CMD_ERAL -> {
        for (int i = 0; i < SIZE; i++) {
          store(i, 0xff);
        }
      }
      default -> {
        return reload();
      }
    }
    return null;
  }

  private void store(int addr, int value) {
    if (!writeEnabled) {
      GuestError.log(device, "EEPROM write to 0x%02x without EWEN ignored", addr);
      return;
    }
    image[addr] = (byte) value;
  }

  /** The MAC address loader (datasheet 3.11): valid only after the 0xa5 signature. */
  private MacAddress reload() {
    macLoaded = (image[0] & 0xff) == SIGNATURE;
    if (!macLoaded) {
      return null;
    }
    byte[] mac = new byte[MacAddress.LENGTH];
    System.arraycopy(image, 1, mac, 0, MacAddress.LENGTH);
    return MacAddress.of(mac);
  }
}
