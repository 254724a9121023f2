package dev.vboard.emulator.board;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vboard.emulator.board.BoardDescription.Cpu;
import dev.vboard.emulator.board.BoardDescription.Device;
import dev.vboard.emulator.board.BoardDescription.Image;
import dev.vboard.emulator.board.BoardDescription.IrqCombiner;
import dev.vboard.emulator.board.BoardDescription.Memory;
import dev.vboard.emulator.board.BoardDescription.MemoryKind;
import dev.vboard.emulator.board.BoardDescription.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code board.yaml} (Jackson YAML into a tree, then a strict walk over it) into a
 * {@link BoardDescription}. Every refusal is a one-line {@link BoardException} naming the file
 * and the field: syntax errors with their line and column, unknown and missing fields, numbers
 * that are not numbers, overlapping regions.
 */
public final class BoardParser {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private BoardParser() { }

  /** Parses {@code text}, naming it {@code source} in messages. */
  public static BoardDescription parse(String source, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : String.format(" at line %d, column %d",
          at.getLineNr(), at.getColumnNr());
      throw new BoardException(source + ": invalid YAML" + where + ": "
          + firstLine(e.getOriginalMessage()), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new BoardException(source + ": empty board file");
    }
    BoardDescription board = board(new YamlNode(source, "", root), source);
    BoardValidator.check(board);
    return board;
  }

  private static BoardDescription board(YamlNode n, String source) {
    String name = n.string("name");
    String description = n.optionalString("description", name);
    Cpu cpu = cpu(n.child("cpu"));
    List<Memory> memory = new ArrayList<>();
    for (YamlNode m : n.optionalList("memory")) {
      memory.add(memory(m));
    }
    Image image = new Image(0);
    YamlNode i = n.optionalChild("image");
    if (i != null) {
      image = new Image(i.optionalNumber("raw-base", 0));
      i.finish();
    }
    List<IrqCombiner> combiners = new ArrayList<>();
    for (YamlNode c : n.optionalList("irq-combiners")) {
      combiners.add(new IrqCombiner(c.string("name"), c.integer("irq")));
      c.finish();
    }
    List<Device> devices = new ArrayList<>();
    for (YamlNode d : n.optionalList("devices")) {
      devices.add(device(d));
    }
    List<Region> unimplemented = new ArrayList<>();
    for (YamlNode r : n.optionalList("unimplemented")) {
      unimplemented.add(new Region(r.string("name"), r.number("base"), r.number("size")));
      r.finish();
    }
    n.finish();
    return new BoardDescription(name, description, source, cpu, memory, image, combiners, devices,
        unimplemented);
  }

  private static Cpu cpu(YamlNode n) {
    Cpu cpu = new Cpu(n.string("model"), n.number("clock-hz"), n.integer("external-irqs"),
        n.integer("priority-bits"));
    n.finish();
    return cpu;
  }

  private static Memory memory(YamlNode n) {
    String name = n.string("name");
    String kindText = n.string("kind");
    MemoryKind kind;
    try {
      kind = MemoryKind.valueOf(kindText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw n.error(n.path() + ".kind",
          "unknown kind '" + kindText + "' (ram, rom, alias, bitband)");
    }
    long base = n.number("base");
    long size = n.number("size");
    boolean needsTarget = kind == MemoryKind.ALIAS || kind == MemoryKind.BITBAND;
    long target = needsTarget ? n.number("target") : 0;
    n.finish();
    return new Memory(name, kind, base, size, target);
  }

  private static Device device(YamlNode n) {
    String name = n.string("name");
    String type = n.string("type");
    long base = n.number("base");
    long size = n.number("size");
    Map<String, String> irqs = new LinkedHashMap<>();
    n.optionalMap("irqs").forEach((k, v) -> {
      if (!(v instanceof String s)) {
        throw n.error(n.path() + ".irqs." + k, "expected a line number or a combiner name");
      }
      irqs.put(k, s);
    });
    Map<String, Object> properties = n.optionalMap("properties");
    boolean placeholder = n.optionalBoolean("placeholder", false);
    n.finish();
    return new Device(name, type, base, size, irqs, properties, placeholder);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
