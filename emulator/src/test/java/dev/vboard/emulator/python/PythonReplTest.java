package dev.vboard.emulator.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vboard.emulator.api.Emulation;
import dev.vboard.emulator.machine.RunResult;
import java.time.Duration;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a script the image runs a REPL on UART0: echo, Ctrl-C, Ctrl-D. */
class PythonReplTest {

  @TempDir Path dir;

  @Test
  void replEvaluatesLinesEditsAndCtrlDEndsTheSessionWithStatusZero() throws Exception {
    PythonBoard.Outcome o = PythonBoard.run(dir, null, List.of(),
        "1 + 3\u007f2\r\nfor i in range(2):\r\n  print(i)\r\n\r\n\u0004");
    assertEquals(0, o.exitCode());
    assertEquals(">>> 1 + 3\b \b2\n3\n>>> for i in range(2):\n...   print(i)\n... \n0\n1\n>>> \n",
        o.uart());
  }

  @Test
  void ctrlCAtThePromptDropsTheLineAndTheReplGoesOn() throws Exception {
    PythonBoard.Outcome o = PythonBoard.run(dir, null, List.of(),
        "junk\u0003");
    // The Ctrl-C arrived with the line: the type-ahead is discarded, the REPL goes on.
    assertEquals(-1, o.exitCode());
    assertEquals(">>> \nKeyboardInterrupt\n>>> ", o.uart());
  }

  @Test
  void ctrlCDuringSleepRaisesKeyboardInterrupt() throws Exception {
    try (Emulation emu = Emulation.builder().image(PythonBoard.image())
        .commandLine(List.of("python.elf")).workingDirectory(dir).build()) {
      emu.uartInput(0, "import time\r\ntry:\r\n  time.sleep(1000)\r\n"
          + "except KeyboardInterrupt:\r\n  print('interrupted')\r\n\r\n");
      emu.run(Duration.ofSeconds(5));
      assertEquals(null, exitOf(emu));
      emu.uartInput(0, "\u0003");
      emu.runUntilOutput(0, "interrupted\n>>> ", Duration.ofSeconds(1));
      emu.uartInput(0, "\u0004");
      emu.run(Duration.ofSeconds(1));
      assertEquals(0, exitOf(emu));
      assertTrue(emu.uartOutput(0).endsWith("...   print('interrupted')\n... \ninterrupted\n>>> \n"),
          emu.uartOutput(0));
      // Five seconds of sleep in WFI cost few instructions.
      assertTrue(emu.instructions() < 20_000_000L, "instructions: " + emu.instructions());
    }
  }

  private static Integer exitOf(Emulation emu) {
    RunResult r = emu.lastResult();
    return r.stop() == RunResult.Stop.EXITED ? r.exitCode() : null;
  }
}
