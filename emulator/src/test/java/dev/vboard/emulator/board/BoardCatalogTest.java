package dev.vboard.emulator.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardCatalogTest {

  @Test
  void bundledBoardsIncludeAn385() {
    assertTrue(BoardCatalog.standard().names().contains("mps2-an385"));
  }

  @Test
  void unknownBoardErrorListsKnownBoardsOnOneLine() {
    UnknownBoardException e = assertThrows(UnknownBoardException.class,
        () -> BoardCatalog.standard().load("mps2-an999"));
    assertEquals("mps2-an999", e.requested());
    assertTrue(e.known().contains("mps2-an385"));
    assertTrue(e.getMessage().startsWith("unknown board 'mps2-an999'; known boards: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("mps2-an385"));
  }

  @Test
  void extraDirectoryAddsBoards(@TempDir Path dir) throws IOException {
    Path board = dir.resolve("tiny");
    Files.createDirectories(board);
    Files.writeString(board.resolve("board.yaml"), """
        name: tiny
        cpu: {model: cortex-m3, clock-hz: 1000000, external-irqs: 8, priority-bits: 3}
        memory:
          - {name: ram, kind: ram, base: 0, size: 64K}
        """);
    BoardCatalog catalog = BoardCatalog.standard(dir);
    assertTrue(catalog.names().containsAll(List.of("mps2-an385", "tiny")),
        catalog.names()::toString);
    assertEquals(1_000_000, catalog.load("tiny").cpu().clockHz());
  }

  @Test
  void invalidFileInDirectoryIsReportedWithItsPath(@TempDir Path dir) throws IOException {
    Path board = dir.resolve("broken");
    Files.createDirectories(board);
    Path file = board.resolve("board.yaml");
    Files.writeString(file, "name: broken\n");
    BoardException e = assertThrows(BoardException.class,
        () -> BoardCatalog.standard(dir).load("broken"));
    assertEquals(file + ": cpu: missing", e.getMessage());
  }

  @Test
  void boardNameMustMatchItsDirectory(@TempDir Path dir) throws IOException {
    Path board = dir.resolve("alias");
    Files.createDirectories(board);
    Files.writeString(board.resolve("board.yaml"), """
        name: other
        cpu: {model: cortex-m3, clock-hz: 1000000, external-irqs: 8, priority-bits: 3}
        """);
    BoardException e = assertThrows(BoardException.class,
        () -> BoardCatalog.standard(dir).load("alias"));
    assertTrue(e.getMessage().endsWith("name: 'other' does not match its directory 'alias'"));
  }
}
