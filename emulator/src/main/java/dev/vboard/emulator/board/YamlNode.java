package dev.vboard.emulator.board;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping in a board file together with its path ({@code devices[3].irqs}), so that every
 * complaint names the file and the field. Keys are consumed as they are read; {@link #finish()}
 * refuses keys nobody asked for, which catches typos like {@code clock-hx}.
 */
final class YamlNode {
  private final String file;
  private final String path;
  private final JsonNode node;
  private final Set<String> used = new HashSet<>();

  YamlNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
    if (node == null || !node.isObject()) {
      throw error(path, "expected a mapping");
    }
  }

  BoardException error(String field, String message) {
    return new BoardException(file + ": " + (field.isEmpty() ? "" : field + ": ") + message);
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private JsonNode get(String key, boolean required) {
    used.add(key);
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw error(at(key), "missing");
      }
      return null;
    }
    return v;
  }

  String string(String key) {
    JsonNode v = get(key, true);
    if (!v.isValueNode()) {
      throw error(at(key), "expected text");
    }
    return v.asText();
  }

  String optionalString(String key, String otherwise) {
    return node.hasNonNull(key) ? string(key) : mark(key, otherwise);
  }

  long number(String key) {
    return toNumber(at(key), get(key, true));
  }

  long optionalNumber(String key, long otherwise) {
    return node.hasNonNull(key) ? number(key) : mark(key, otherwise);
  }

  int integer(String key) {
    long v = number(key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw error(at(key), "out of range: " + v);
    }
    return (int) v;
  }

  boolean optionalBoolean(String key, boolean otherwise) {
    JsonNode v = get(key, false);
    if (v == null) {
      return otherwise;
    }
    if (!v.isBoolean()) {
      throw error(at(key), "expected true or false");
    }
    return v.booleanValue();
  }

  YamlNode child(String key) {
    return new YamlNode(file, at(key), get(key, true));
  }

  /** The mapping under {@code key}, or null when absent. */
  YamlNode optionalChild(String key) {
    JsonNode v = get(key, false);
    return v == null ? null : new YamlNode(file, at(key), v);
  }

  /** The mapping under {@code key} as plain values (text or nested lists), or empty. */
  Map<String, Object> optionalMap(String key) {
    JsonNode v = get(key, false);
    Map<String, Object> out = new LinkedHashMap<>();
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      throw error(at(key), "expected a mapping");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), plain(at(key) + "." + e.getKey(), e.getValue()));
    }
    return out;
  }

  /** The list of mappings under {@code key}, or empty when absent. */
  List<YamlNode> optionalList(String key) {
    JsonNode v = get(key, false);
    List<YamlNode> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (!v.isArray()) {
      throw error(at(key), "expected a list");
    }
    for (int i = 0; i < v.size(); i++) {
      out.add(new YamlNode(file, at(key) + "[" + i + "]", v.get(i)));
    }
    return out;
  }

  /** Refuses keys that were never read. */
  void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!used.contains(key)) {
        throw error(at(key), "unknown field");
      }
    }
  }

  String path() {
    return path;
  }

  String file() {
    return file;
  }

  private <T> T mark(String key, T value) {
    used.add(key);
    return value;
  }

  private long toNumber(String field, JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.longValue();
    }
    if (v.isTextual()) {
      try {
        return Numbers.parse(v.textValue());
      } catch (NumberFormatException | ArithmeticException e) {
        throw error(field, "not a number: '" + v.textValue() + "'");
      }
    }
    throw error(field, "expected a number");
  }

  /** Scalars become text (numbers normalised to decimal), lists become lists. */
  private Object plain(String field, JsonNode v) {
    if (v.isNull()) {
      throw error(field, "missing value");
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        list.add(plain(field + "[" + i + "]", v.get(i)));
      }
      return list;
    }
    if (v.isObject()) {
      throw error(field, "nested mappings are not allowed here");
    }
    return v.asText();
  }
}
