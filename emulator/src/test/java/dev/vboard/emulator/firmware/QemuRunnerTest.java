package dev.vboard.emulator.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuRunnerTest {

  @Test
  void qemuWarningLinesAreDroppedAndGuestConsoleLinesKept() {
    String stderr = "write0: hello\n"
        + "qemu-system-arm: warning: audio: no backend\n"
        + "W\n"
        + "qemu: fatal: Lockup: can't escalate 3 to HardFault (current priority -1)\n"
        + "partial line without newline";
    assertEquals("write0: hello\nW\n"
        + "qemu: fatal: Lockup: can't escalate 3 to HardFault (current priority -1)\n"
        + "partial line without newline", QemuRunner.withoutQemuWarnings(stderr));
  }

  @Test
  void commandPassesEachArgumentAsSemihostingArgAndBootsTheBoardLikeTheReference() {
    FirmwareCase c = new FirmwareCase("x", "x", List.of("prog", "one", "two"),
        Optional.empty(), Path.of("x.exp"), Optional.empty(),
        0, false);
    List<String> cmd = QemuRunner.command(c, Path.of("/fw/x.elf"));
    String joined = String.join(" ", cmd);
    assertTrue(joined.contains("qemu-system-arm -M mps2-an385 -nographic -semihosting-config"
        + " enable=on,target=native,arg=prog,arg=one,arg=two -kernel /fw/x.elf"), joined);
  }
}
