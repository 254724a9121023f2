package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Mps2SccTest {
  private static final int CFG0 = 0x000;
  private static final int CFG1 = 0x004;
  private static final int CFG3 = 0x00c;
  private static final int CFG4 = 0x010;
  private static final int CFGDATA_RTN = 0x0a0;
  private static final int CFGDATA_OUT = 0x0a4;
  private static final int CFGCTRL = 0x0a8;
  private static final int CFGSTAT = 0x0ac;
  private static final int DLL = 0x100;
  private static final int AID = 0xff8;
  private static final int ID = 0xffc;
  private static final int START = 1 << 31;
  private static final int WRITE = 1 << 30;
  private static final int OSCCLK = 1 << 20;

  private Mps2Scc scc;

  @BeforeEach
  void setUp() {
    scc = new Mps2Scc("scc", Mps2Scc.Config.an385());
  }

  @Test
  void identifiesAsAn385() {
    assertEquals(0x41043850, scc.read(ID, 4));
    assertEquals(0x00200008, scc.read(AID, 4));
    assertEquals(0x2, scc.read(CFG4, 4));
    assertEquals(0, scc.read(CFG3, 4));
  }

  @Test
  void resetValuesMatchQemu() {
    assertEquals(0, scc.read(CFG0, 4));
    assertEquals(0x00100000, scc.read(CFGCTRL, 4));
    assertEquals(0, scc.read(CFGSTAT, 4));
    assertEquals(0xffff0001, scc.read(DLL, 4));
  }

  @Test
  void sysCfgReadsTheOscillatorsInstantly() {
    int[] expected = {50_000_000, 24_576_000, 25_000_000};
    for (int device = 0; device < 3; device++) {
      scc.write(CFGCTRL, 4, START | OSCCLK | device);
      assertEquals(expected[device], scc.read(CFGDATA_RTN, 4));
      assertEquals(1, scc.read(CFGSTAT, 4), "DONE without ERROR");
      assertEquals(OSCCLK | device, scc.read(CFGCTRL, 4), "START reads as zero");
    }
  }

  @Test
  void sysCfgWriteChangesAnOscillator() {
    scc.write(CFGDATA_OUT, 4, 12_000_000);
    scc.write(CFGCTRL, 4, START | WRITE | OSCCLK | 2);
    assertEquals(1, scc.read(CFGSTAT, 4));
    assertEquals(12_000_000, scc.oscclk(2));
    scc.write(CFGCTRL, 4, START | OSCCLK | 2);
    assertEquals(12_000_000, scc.read(CFGDATA_RTN, 4));
  }

  @Test
  void badDeviceOrFunctionSetsError() {
    scc.write(CFGCTRL, 4, START | OSCCLK | 3);
    assertEquals(3, scc.read(CFGSTAT, 4));
    scc.write(CFGCTRL, 4, START | (2 << 20));
    assertEquals(3, scc.read(CFGSTAT, 4));
    scc.write(CFGCTRL, 4, OSCCLK);
    assertEquals(0, scc.read(CFGSTAT, 4), "writing CFGCTRL clears CFGSTAT");
  }

  @Test
  void onlyTheDllLockMaskIsWritable() {
    scc.write(DLL, 4, 0x12345678);
    assertEquals(0x12ff0001, scc.read(DLL, 4));
  }

  @Test
  void configRegistersReadBackAndIdsAreReadOnly() {
    scc.write(CFG1, 4, 0xffffffff);
    assertEquals(0xffffffff, scc.read(CFG1, 4));
    scc.write(ID, 4, 0);
    assertEquals(0x41043850, scc.read(ID, 4));
    assertEquals(0, scc.read(0x014, 4), "no CFG5 on AN385");
  }
}
