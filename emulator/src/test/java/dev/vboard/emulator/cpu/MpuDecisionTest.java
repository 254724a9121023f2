package dev.vboard.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The MPU's decision as the engine takes it (mpu.c), against the PMSAv7 rules QEMU 7.2 applies
 * (target/arm/ptw.c get_phys_addr_pmsav7): regions, priorities, subregions, AP, the default map
 * and the negative priority.
 */
class MpuDecisionTest {
  private static final int ENABLE = 1;
  private static final int HFNMIENA = 2;
  private static final int PRIVDEFENA = 4;

  /** RASR: AP, XN, SRD, a region of 2^log2size bytes, enabled. */
  private static int rasr(int ap, int xn, int srd, int log2size) {
    return xn << 28 | ap << 24 | srd << 8 | (log2size - 1) << 1 | 1;
  }

  private static boolean load(CpuCore core, int address, boolean privileged) {
    return core.mpuPermits(address, false, privileged, false);
  }

  private static boolean store(CpuCore core, int address, boolean privileged) {
    return core.mpuPermits(address, true, privileged, false);
  }

  private static CpuCore core(int ctrl, int[] rbar, int[] rasr) {
    assumeTrue(CpuCore.mpuAvailable(), "this libunicorn does not let the MPU be enforced");
    CpuCore core = new CpuCore();
    assertTrue(core.setMpu(ctrl, rbar, rasr));
    return core;
  }

  @Test
  void accessPermissionsFollowTableB315ForBothPrivileges() {
    int[] rbar = new int[8];
    int[] rasr = new int[8];
    for (int ap = 0; ap < 8; ap++) {
      rbar[ap] = 0x20000000 + ap * 0x1000;
      rasr[ap] = rasr(ap, 0, 0, 12);
    }
    try (CpuCore core = core(ENABLE, rbar, rasr)) {
      // AP:                   0      1      2      3      4      5      6      7
      boolean[] privRead = {false, true, true, true, false, true, true, true};
      boolean[] privWrite = {false, true, true, true, false, false, false, false};
      boolean[] userRead = {false, false, true, true, false, false, true, true};
      boolean[] userWrite = {false, false, false, true, false, false, false, false};
      for (int ap = 0; ap < 8; ap++) {
        int a = 0x20000000 + ap * 0x1000 + 0x10;
        assertEquals(privRead[ap], load(core, a, true), "privileged read, AP " + ap);
        assertEquals(privWrite[ap], store(core, a, true), "privileged write, AP " + ap);
        assertEquals(userRead[ap], load(core, a, false), "unprivileged read, AP " + ap);
        assertEquals(userWrite[ap], store(core, a, false), "unprivileged write, AP " + ap);
      }
    }
  }

  @Test
  void theHighestNumberedRegionWinsAndDisabledSubregionsFallThrough() {
    int[] rbar = {0x20000000, 0x20000400, 0, 0, 0, 0, 0, 0};
    int[] rasr = {rasr(3, 0, 0, 12), rasr(0, 0, 0x02, 10), 0, 0, 0, 0, 0, 0};
    try (CpuCore core = core(ENABLE, rbar, rasr)) {
      assertTrue(load(core, 0x20000010, true), "region 0 only");
      assertFalse(load(core, 0x20000400, true), "region 1 (no access) over region 0");
      assertTrue(load(core, 0x20000480, true), "region 1's subregion 1 is disabled: region 0");
      assertFalse(load(core, 0x20000500, true), "subregion 2 is not");
      assertFalse(load(core, 0x20002000, true), "no region, no PRIVDEFENA: background fault");
    }
  }

  @Test
  void theDefaultMapIsForPrivilegedCodeAndThePpbAlwaysUsesIt() {
    int[] rbar = {0x20000000, 0, 0, 0, 0, 0, 0, 0};
    int[] rasr = {rasr(3, 0, 0, 12), 0, 0, 0, 0, 0, 0, 0};
    try (CpuCore core = core(ENABLE | PRIVDEFENA, rbar, rasr)) {
      assertTrue(load(core, 0x20008000, true));
      assertFalse(load(core, 0x20008000, false));
      assertTrue(store(core, 0xe000ed94, true), "the PPB ignores the regions");
    }
  }

  @Test
  void negativePriorityLiftsTheMpuUnlessHfnmiena() {
    int[] rbar = new int[8];
    int[] rasr = new int[8];
    try (CpuCore core = core(ENABLE, rbar, rasr)) {
      assertFalse(core.mpuPermits(0x20000000, false, true, false));
      assertTrue(core.mpuPermits(0x20000000, false, true, true));
    }
    try (CpuCore core = core(ENABLE | HFNMIENA, rbar, rasr)) {
      assertFalse(core.mpuPermits(0x20000000, false, true, true));
    }
  }

  @Test
  void regionsThatAreMisalignedOrOfSizeZeroAreIgnored() {
    int[] rbar = {0x20000400, 0x20000000, 0, 0, 0, 0, 0, 0};
    int[] rasr = {rasr(3, 0, 0, 12), 3 << 24 | 1, 0, 0, 0, 0, 0, 0};
    try (CpuCore core = core(ENABLE, rbar, rasr)) {
      assertFalse(load(core, 0x20000400, true), "4 KiB region at a 1 KiB boundary: ignored");
      assertFalse(load(core, 0x20000000, true), "SIZE 0: ignored");
    }
  }
}
