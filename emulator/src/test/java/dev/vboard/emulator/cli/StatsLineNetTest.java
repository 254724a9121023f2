package dev.vboard.emulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsLineNetTest {

  @Test
  void networkCountersFollowTheFourFieldsAsOneObjectSortedByName() {
    assertEquals("{\"instructions\":1,\"virtual_ns\":40,\"host_ns\":7,\"exit_code\":0,"
            + "\"net\":{\"drop.ipv4.no_neighbor\":2,\"rx.frames\":5,\"tx.frames\":4}}",
        new StatsLine(1, 40, 7, 0,
            Map.of("tx.frames", 4L, "rx.frames", 5L, "drop.ipv4.no_neighbor", 2L)).toJson());
  }

  @Test
  void noNetworkMeansNoNetObject() {
    assertEquals("{\"instructions\":1,\"virtual_ns\":40,\"host_ns\":7,\"exit_code\":0}",
        new StatsLine(1, 40, 7, 0, null).toJson());
  }
}
