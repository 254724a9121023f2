package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StatsLineTest {

  @Test
  void printsTheFourFieldsAsOneJsonObjectInAFixedOrder() {
    assertEquals("{\"instructions\":12,\"virtual_ns\":480,\"host_ns\":999,\"exit_code\":3}",
        new StatsLine(12, 480, 999, 3).toJson());
  }
}
