package dev.vboard.emulator.peripheral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Mps2FpgaIoTest {
  private static final int LED0 = 0x00;
  private static final int BUTTON = 0x08;
  private static final int CLK1HZ = 0x10;
  private static final int CLK100HZ = 0x14;
  private static final int COUNTER = 0x18;
  private static final int PRESCALE = 0x1c;
  private static final int PSCNTR = 0x20;
  private static final int SWITCH = 0x28;
  private static final int MISC = 0x4c;

  private Bench bench;
  private Mps2FpgaIo fpgaio;

  @BeforeEach
  void setUp() {
    bench = new Bench();
    fpgaio = new Mps2FpgaIo("fpgaio", bench.clock, Mps2FpgaIo.Config.an385());
  }

  @Test
  void ledsKeepOnlyTheTwoImplementedBitsAndNotifyTheHost() {
    List<Integer> seen = new ArrayList<>();
    fpgaio.setLedListener(seen::add);
    fpgaio.write(LED0, 4, 0xff);
    assertEquals(3, fpgaio.read(LED0, 4));
    assertEquals(List.of(3), seen);
  }

  @Test
  void oneHertzCounterTicksOncePerSecondOfVirtualTime() {
    bench.runTo(Bench.HZ - 1);
    assertEquals(0, fpgaio.read(CLK1HZ, 4));
    bench.runTo(Bench.HZ);
    assertEquals(1, fpgaio.read(CLK1HZ, 4));
    bench.runTo(5 * Bench.HZ + 3);
    assertEquals(5, fpgaio.read(CLK1HZ, 4));
  }

  @Test
  void hundredHertzCounterTicksEvery250000Cycles() {
    bench.runTo(249_999);
    assertEquals(0, fpgaio.read(CLK100HZ, 4));
    bench.runTo(250_000);
    assertEquals(1, fpgaio.read(CLK100HZ, 4));
  }

  @Test
  void writingAClockCounterSetsItsCurrentValue() {
    bench.runTo(1000);
    fpgaio.write(CLK100HZ, 4, 42);
    assertEquals(42, fpgaio.read(CLK100HZ, 4));
    bench.runTo(1000 + 249_999);
    assertEquals(42, fpgaio.read(CLK100HZ, 4));
    bench.runTo(1000 + 250_000);
    assertEquals(43, fpgaio.read(CLK100HZ, 4));
  }

  @Test
  void counterIncrementsEveryTickWhilePrescaleIsZero() {
    bench.runTo(1234);
    assertEquals(1234, fpgaio.read(COUNTER, 4));
    assertEquals(0, fpgaio.read(PSCNTR, 4));
  }

  @Test
  void counterIncrementsWhenPscntrReloadsFromPrescale() {
    fpgaio.write(PRESCALE, 4, 5);
    fpgaio.write(PSCNTR, 4, 7);
    bench.runTo(7);
    assertEquals(0, fpgaio.read(PSCNTR, 4));
    assertEquals(0, fpgaio.read(COUNTER, 4));
    bench.runTo(8);
    assertEquals(5, fpgaio.read(PSCNTR, 4), "holds at zero for one tick, then reloads");
    assertEquals(1, fpgaio.read(COUNTER, 4));
    bench.runTo(13);
    assertEquals(0, fpgaio.read(PSCNTR, 4));
    bench.runTo(14);
    assertEquals(2, fpgaio.read(COUNTER, 4));
    assertEquals(5, fpgaio.read(PSCNTR, 4));
  }

  @Test
  void repeatedReadsWithinOneTickLoseNoTime() {
    fpgaio.write(PRESCALE, 4, 2);
    for (int i = 0; i < 30; i++) {
      bench.run(1);
      fpgaio.read(COUNTER, 4);
    }
    assertEquals(10, fpgaio.read(COUNTER, 4));
  }

  @Test
  void buttonsReadZeroUntilTheHostPressesThem() {
    assertEquals(0, fpgaio.read(BUTTON, 4));
    fpgaio.setButtons(2);
    assertEquals(2, fpgaio.read(BUTTON, 4));
    fpgaio.write(BUTTON, 4, 0);
    assertEquals(2, fpgaio.read(BUTTON, 4), "BUTTON is read-only");
  }

  @Test
  void switchRegisterIsAbsentOnAn385() {
    fpgaio.setSwitches(0xf);
    assertEquals(0, fpgaio.read(SWITCH, 4));
  }

  @Test
  void miscReadsBackAsWritten() {
    fpgaio.write(MISC, 4, 0x5a);
    assertEquals(0x5a, fpgaio.read(MISC, 4));
  }

  @Test
  void resetRestartsTheCountersAtTheCurrentTime() {
    fpgaio.write(LED0, 4, 1);
    bench.runTo(3 * Bench.HZ);
    fpgaio.reset();
    assertEquals(0, fpgaio.read(LED0, 4));
    assertEquals(0, fpgaio.read(CLK1HZ, 4));
    assertEquals(0, fpgaio.read(COUNTER, 4));
    bench.run(Bench.HZ);
    assertEquals(1, fpgaio.read(CLK1HZ, 4));
  }
}
