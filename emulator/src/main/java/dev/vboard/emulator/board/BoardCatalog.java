package dev.vboard.emulator.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The boards this build knows: {@code boards/<name>/board.yaml} resources bundled in the jar,
 * plus, optionally, a directory laid out the same way whose boards take precedence (so a user
 * can try an edited board without rebuilding).
 */
public final class BoardCatalog {
  static final String RESOURCE_DIR = "boards";
  static final String FILE_NAME = "board.yaml";

  /** Board name to where its file is. */
  private final Map<String, Source> boards;

  private BoardCatalog(Map<String, Source> boards) {
    this.boards = boards;
  }

  /** The bundled boards only. */
  public static BoardCatalog standard() {
    return standard(null);
  }

  /** The bundled boards, plus those under {@code directory} (may be null or missing). */
  public static BoardCatalog standard(Path directory) {
    Map<String, Source> found = new TreeMap<>();
    scanClasspath(found);
    if (directory != null && Files.isDirectory(directory)) {
      scanDirectory(directory, found);
    }
    return new BoardCatalog(found);
  }

  /** Known board names, sorted. */
  public List<String> names() {
    return List.copyOf(boards.keySet());
  }

  /**
   * Reads and validates the board called {@code name}.
   *
   * @throws UnknownBoardException if there is no such board (the message lists the known ones)
   * @throws BoardException if its file is invalid (the message names file and field)
   */
  public BoardDescription load(String name) {
    Source source = boards.get(name);
    if (source == null) {
      throw new UnknownBoardException(name, names());
    }
    BoardDescription board = BoardParser.parse(source.label(), source.read());
    if (!board.name().equals(name)) {
      throw new BoardException(source.label() + ": name: '" + board.name()
          + "' does not match its directory '" + name + "'");
    }
    return board;
  }

  // ---- discovery ------------------------------------------------------------------------------

  private interface Source {
    String label();

    String read();
  }

  private record FileSource(Path path) implements Source {
    @Override
    public String label() {
      return path.toString();
    }

    @Override
    public String read() {
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BoardException(path + ": cannot read: " + e.getMessage(), e);
      }
    }
  }

  private record ResourceSource(URL url, String label) implements Source {
    @Override
    public String read() {
      try (InputStream in = url.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BoardException(label + ": cannot read: " + e.getMessage(), e);
      }
    }
  }

  private static void scanDirectory(Path directory, Map<String, Source> found) {
    try (Stream<Path> children = Files.list(directory)) {
      children.filter(dir -> Files.isRegularFile(dir.resolve(FILE_NAME)))
          .forEach(dir -> found.put(dir.getFileName().toString(),
              new FileSource(dir.resolve(FILE_NAME))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list board directory " + directory, e);
    }
  }

  private static void scanClasspath(Map<String, Source> found) {
    ClassLoader loader = BoardCatalog.class.getClassLoader();
    try {
      Enumeration<URL> roots = loader.getResources(RESOURCE_DIR);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        switch (root.getProtocol()) {
          case "file" -> scanResourceDirectory(root, found);
          case "jar" -> scanJar(root, loader, found);
          default -> { }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list bundled boards", e);
    }
  }

  private static void scanResourceDirectory(URL root, Map<String, Source> found)
      throws IOException {
    Path dir;
    try {
      dir = Paths.get(root.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("bad resource URL " + root, e);
    }
    List<Path> boardDirs = new ArrayList<>();
    try (Stream<Path> children = Files.list(dir)) {
      children.filter(d -> Files.isRegularFile(d.resolve(FILE_NAME))).forEach(boardDirs::add);
    }
    for (Path d : boardDirs) {
      String name = d.getFileName().toString();
      found.putIfAbsent(name, new ResourceSource(d.resolve(FILE_NAME).toUri().toURL(),
          "classpath:" + RESOURCE_DIR + "/" + name + "/" + FILE_NAME));
    }
  }

  private static void scanJar(URL root, ClassLoader loader, Map<String, Source> found)
      throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        String entry = entries.nextElement().getName();
        String[] parts = entry.split("/");
        if (parts.length == 3 && parts[0].equals(RESOURCE_DIR) && parts[2].equals(FILE_NAME)) {
          URL url = loader.getResource(entry);
          if (url != null) {
            found.putIfAbsent(parts[1], new ResourceSource(url, "classpath:" + entry));
          }
        }
      }
    }
  }
}
