package dev.vboard.emulator.arm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The MPU registers' write rules, as QEMU 7.2's NVIC applies them (hw/intc/armv7m_nvic.c). */
class MpuTest {
  private static final int TYPE = 0xd90;
  private static final int CTRL = 0xd94;
  private static final int RNR = 0xd98;
  private static final int RBAR = 0xd9c;
  private static final int RASR = 0xda0;
  private static final int RBAR_A2 = 0xdac;
  private static final int RASR_A3 = 0xdb8;

  @Test
  void typeReportsEightUnifiedRegionsAndIsReadOnly() {
    Mpu mpu = new Mpu();
    mpu.write(TYPE, 0);
    assertEquals(0x800, mpu.read(TYPE));
  }

  @Test
  void ctrlKeepsEnableHfnmienaAndPrivdefenaOnly() {
    Mpu mpu = new Mpu();
    mpu.write(CTRL, 0xffffffff);
    assertEquals(7, mpu.read(CTRL));
    assertEquals(true, mpu.enabled());
  }

  @Test
  void rnrOutOfRangeIsIgnored() {
    Mpu mpu = new Mpu();
    mpu.write(RNR, 5);
    mpu.write(RNR, 8);
    mpu.write(RNR, -1);
    assertEquals(5, mpu.read(RNR));
  }

  @Test
  void rbarWithValidSelectsTheRegionAndReadsBackWithIt() {
    Mpu mpu = new Mpu();
    mpu.write(RBAR, 0x20001000 | 0x10 | 3);
    assertEquals(3, mpu.read(RNR));
    assertEquals(0x20001000 | 3, mpu.read(RBAR));
    mpu.write(RBAR_A2, 0x20002000 | 0x10 | 9); // region 9 does not exist: ignored entirely
    assertEquals(3, mpu.read(RNR));
    assertEquals(0x20001000 | 3, mpu.read(RBAR));
    mpu.write(RBAR, 0x20003007); // VALID clear: the REGION bits are not an address
    assertEquals(0x20003000 | 3, mpu.read(RBAR));
  }

  @Test
  void rasrKeepsTheArchitectedFieldsAndItsAliasesAreTheSameRegister() {
    Mpu mpu = new Mpu();
    mpu.write(RNR, 2);
    mpu.write(RASR_A3, 0xffffffff);
    assertEquals(0x173fff3f, mpu.read(RASR));
    assertEquals(0x173fff3f, mpu.rasr()[2]);
  }

  @Test
  void everyChangeReachesTheListenerAndResetClearsAll() {
    Mpu mpu = new Mpu();
    int[] calls = {0};
    mpu.setListener(m -> calls[0]++);
    mpu.write(CTRL, 5);
    mpu.write(RBAR, 0x20000000 | 0x10 | 1);
    mpu.write(RASR, 0x0300000f);
    mpu.write(RNR, 4); // selects only: nothing to enforce
    assertEquals(3, calls[0]);
    mpu.reset();
    assertEquals(4, calls[0]);
    assertEquals(0, mpu.ctrl());
    assertArrayEquals(new int[8], mpu.rbar());
    assertArrayEquals(new int[8], mpu.rasr());
  }
}
