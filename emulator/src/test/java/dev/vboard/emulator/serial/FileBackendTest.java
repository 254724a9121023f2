package dev.vboard.emulator.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackendTest {

  @Test
  void writesOutputAndReadsInputUntilEndOfFile(@TempDir Path dir) throws IOException {
    Path in = dir.resolve("in.txt");
    Path out = dir.resolve("out.txt");
    Files.writeString(in, "ab");
    try (FileBackend b = FileBackend.create(out, in)) {
      assertEquals('a', b.poll());
      assertEquals('b', b.poll());
      assertFalse(b.inputClosed(), "end of file is only known once read");
      assertEquals(-1, b.poll());
      assertTrue(b.inputClosed());
      b.transmit('o');
      b.transmit('k');
      b.flush();
      assertEquals("ok", Files.readString(out));
    }
  }

  @Test
  void withoutInputFileInputIsClosedFromTheStart(@TempDir Path dir) throws IOException {
    try (FileBackend b = FileBackend.create(dir.resolve("out.bin"))) {
      assertTrue(b.inputClosed());
      assertEquals(-1, b.poll());
    }
  }
}
