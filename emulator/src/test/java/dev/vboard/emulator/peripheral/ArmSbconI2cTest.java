package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Register behaviour of the SBCon I2C controller with no target, as QEMU 7.2 answers. */
class ArmSbconI2cTest {
  private static final int CONTROL = 0x0;
  private static final int CONTROLC = 0x4;
  private static final int BOTH = ArmSbconI2c.SCL | ArmSbconI2c.SDA;

  private ArmSbconI2c i2c;

  @BeforeEach
  void setUp() {
    i2c = new ArmSbconI2c("i2c0");
  }

  @Test
  void readsZeroBeforeTheFirstWrite() {
    assertEquals(0, i2c.read(CONTROL, 4));
  }

  @Test
  void controlsSetsAndControlcClearsTheLines() {
    i2c.write(CONTROL, 4, 0xa5a5a5a5);
    assertEquals(ArmSbconI2c.SCL, i2c.read(CONTROL, 4), "only bits 1:0 are lines");
    i2c.write(CONTROL, 4, ArmSbconI2c.SDA);
    assertEquals(BOTH, i2c.read(CONTROL, 4));
    i2c.write(CONTROLC, 4, ArmSbconI2c.SCL);
    assertEquals(ArmSbconI2c.SDA, i2c.read(CONTROL, 4));
    i2c.write(CONTROLC, 4, 0xffffffff);
    assertEquals(0, i2c.read(CONTROL, 4));
  }

  @Test
  void noTargetAcknowledgesAnAddressSoSdaStaysReleased() {
    // START (SDA falls while SCL is high), address 0x50 write, then the ACK clock: nobody on
    // the bus pulls SDA low, so the controller reads back its own released SDA (NACK).
    i2c.write(CONTROL, 4, BOTH);
    i2c.write(CONTROLC, 4, ArmSbconI2c.SDA);
    i2c.write(CONTROLC, 4, ArmSbconI2c.SCL);
    int address = 0xa0;
    for (int bit = 7; bit >= 0; bit--) {
      if ((address >> bit & 1) != 0) {
        i2c.write(CONTROL, 4, ArmSbconI2c.SDA);
      } else {
        i2c.write(CONTROLC, 4, ArmSbconI2c.SDA);
      }
      i2c.write(CONTROL, 4, ArmSbconI2c.SCL);
      i2c.write(CONTROLC, 4, ArmSbconI2c.SCL);
    }
    i2c.write(CONTROL, 4, ArmSbconI2c.SDA);
    i2c.write(CONTROL, 4, ArmSbconI2c.SCL);
    assertEquals(BOTH, i2c.read(CONTROL, 4), "NACK");
  }

  @Test
  void otherOffsetsReadAllOnesAtTheAccessSize() {
    i2c.write(CONTROL, 4, BOTH);
    assertEquals(0xff, i2c.read(CONTROL + 1, 1));
    assertEquals(0xffff, i2c.read(CONTROL + 2, 2));
    assertEquals(0xffffffff, i2c.read(CONTROLC, 4));
    assertEquals(0xffffffff, i2c.read(0xfe0, 4), "no ID registers");
    assertEquals(BOTH, i2c.read(CONTROL, 1));
  }

  @Test
  void writesElsewhereChangeNothing() {
    i2c.write(CONTROL, 4, ArmSbconI2c.SCL);
    i2c.write(0x8, 4, 0xffffffff);
    i2c.write(CONTROL + 1, 1, 0xff);
    assertEquals(ArmSbconI2c.SCL, i2c.read(CONTROL, 4));
  }

  @Test
  void linesSurviveReset() {
    i2c.write(CONTROL, 4, BOTH);
    i2c.reset();
    assertEquals(BOTH, i2c.read(CONTROL, 4));
  }
}
