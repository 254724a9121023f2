package dev.vboard.emulator.peripheral;

import dev.vboard.emulator.bus.MmioDevice;

/**
 * ARM SBCon two-wire serial bus interface: an I2C bus whose SCL and SDA lines the software
 * drives bit by bit (the "Versatile I2C" controller; AN385, "Serial Bus Controller", and the
 * SBCon description in the MPS2 board TRM). QEMU 7.2 {@code hw/i2c/arm_sbcon_i2c.c} over
 * {@code hw/i2c/bitbang_i2c.c} is the behavioural reference; AN385 wires touch, audio and two
 * shield buses, none with a device on it in QEMU.
 *
 * <p>Behaviour and quirks (as QEMU):
 * <ul>
 *   <li>Writing CONTROLS sets, writing CONTROLC clears, the SCL (bit 0) and SDA (bit 1) outputs.
 *   <li>Reading CONTROL gives the SCL output in bit 0 and the SDA line level in bit 1. The SDA
 *       level is sampled after each write and held: before the first write it reads 0, although
 *       both lines are pulled up.
 *   <li>The lines are open-drain: the SDA level is the controller's output ANDed with the
 *       target's. With no target every address is NACKed, the target never pulls SDA low, and
 *       the level is the controller's own SDA output.
 *   <li>There are no ID registers. A read anywhere but offset 0 (CONTROLC, bytes 1..3 of
 *       CONTROL, the rest of the page) is a guest error that reads as all ones, truncated to the
 *       access size (so a byte read at offset 1 gives 0xff).
 *   <li>QEMU gives the device no reset handler: the outputs and the sampled level survive a
 *       system reset.
 * </ul>
 * TODO: attaching I2C targets needs a START/STOP, bit and ACK decoder on the lines, as QEMU's
 * bitbang_i2c.c has; with no target on any AN385 bus it would have nothing to address.
 */
public final class ArmSbconI2c implements MmioDevice {

  /** The register table (AN385, SBCon registers). CONTROL reads the same offset as CONTROLS. */
  enum Reg implements RegisterBank.Register {
    CONTROLS(0x000, Access.RW),
    CONTROLC(0x004, Access.WO);

    private final int offset;
    private final Access access;

    Reg(int offset, Access access) {
      this.offset = offset;
      this.access = access;
    }

    @Override
    public int offset() {
      return offset;
    }

    @Override
    public Access access() {
      return access;
    }
  }

  static final int SCL = 1 << 0;
  static final int SDA = 1 << 1;

  private final RegisterBank<Reg> regs;
  /** The SCL and SDA outputs the software drives (1 = released, pulled high). */
  private int out;
  /** The SDA line level sampled at the last write. */
  private boolean sdaIn;

  public ArmSbconI2c(String name) {
    this.regs = new RegisterBank<>(name, Reg.class);
  }

  /** Nothing: QEMU's device has no reset handler, so the lines keep their state. */
  @Override
  public void reset() { }

  @Override
  public int read(int offset, int size) {
    Reg r = regs.forRead(offset);
    if (r == null) {
      return RegisterBank.truncate(-1, size);
    }
    return RegisterBank.truncate((out & SCL) | (sdaIn ? SDA : 0), size);
  }

  @Override
  public void write(int offset, int size, int value) {
    Reg r = regs.forWrite(offset, value);
    value = RegisterBank.truncate(value, size);
    if (r == Reg.CONTROLS) {
      out |= value & (SCL | SDA);
    } else if (r == Reg.CONTROLC) {
      out &= ~value;
    }
    // As QEMU, even a write to a bad offset samples the lines again.
    sdaIn = sdaLevel();
  }

  /** Open-drain SDA: low if the controller or the target pulls it low. */
  private boolean sdaLevel() {
    boolean targetReleases = true; // no target on the bus: nothing ever ACKs or sends data
    return (out & SDA) != 0 && targetReleases;
  }
}
