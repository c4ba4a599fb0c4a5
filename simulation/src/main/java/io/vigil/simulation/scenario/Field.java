package io.vigil.simulation.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One value of a parsed scenario or world file, with the file it came from and its path in it, so
 * that every problem found while reading it is reported where it is.
 */
final class Field {

  private final String source;
  private final String path;
  private final JsonNode node;

  private Field(String source, String path, JsonNode node) {
    this.source = source;
    this.path = path;
    this.node = node;
  }

  /** The document {@code node} of {@code source}. */
  static Field root(String source, JsonNode node) {
    return new Field(source, "", node);
  }

  String source() {
    return source;
  }

  String path() {
    return path;
  }

  /** A problem with this value. */
  ScenarioException fail(String problem) {
    return new ScenarioException(source, path, problem);
  }

  /** Runs {@code build}, turning a record's validation failure into a problem with this value. */
  <T> T build(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      if (e instanceof ScenarioException scenario) {
        throw scenario;
      }
      throw fail(e.getMessage());
    }
  }

  boolean isMapping() {
    return node.isObject();
  }

  boolean isText() {
    return node.isTextual();
  }

  /** This value as a mapping whose keys are all among {@code allowed}. */
  Field mapping(Set<String> allowed) {
    requireMapping();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      String key = entry.getKey();
      if (!allowed.contains(key)) {
        throw child(key, entry.getValue())
            .fail("unknown key '" + key + "'; allowed here: " + String.join(", ", sorted(allowed)));
      }
    }
    return this;
  }

  /** The value under {@code key}; empty when absent or null. */
  Optional<Field> optional(String key) {
    requireMapping();
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(child(key, value));
  }

  /** The value under {@code key}, which must be there. */
  Field required(String key) {
    return optional(key)
        .orElseThrow(() -> child(key, node).fail("missing required field '" + key + "'"));
  }

  /** The entries of this mapping, in file order. */
  Map<String, Field> entries() {
    requireMapping();
    Map<String, Field> entries = new LinkedHashMap<>();
    node.properties().forEach(e -> entries.put(e.getKey(), child(e.getKey(), e.getValue())));
    return entries;
  }

  /** The elements of this sequence, in file order. */
  List<Field> elements() {
    if (!node.isArray()) {
      throw fail("expected a list, was " + describe());
    }
    List<Field> elements = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      elements.add(new Field(source, path + "[" + i + "]", node.get(i)));
    }
    return elements;
  }

  String text() {
    if (!node.isTextual() || node.asText().isBlank()) {
      throw fail("expected a non-blank text, was " + describe());
    }
    return node.asText().strip();
  }

  double number() {
    if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
      throw fail("expected a number, was " + describe());
    }
    return node.asDouble();
  }

  int integer() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw fail("expected a whole number, was " + describe());
    }
    return node.asInt();
  }

  Duration duration() {
    if (node.isIntegralNumber() && node.asLong() == 0) {
      return Duration.ZERO;
    }
    if (!node.isTextual()) {
      throw fail(
          "expected a duration with a unit (" + DurationText.EXAMPLES + "), was " + describe());
    }
    return DurationText.parse(node.asText())
        .orElseThrow(
            () ->
                fail(
                    "'"
                        + node.asText()
                        + "' is not a duration; write a whole number and a unit, "
                        + DurationText.EXAMPLES));
  }

  /** One of {@code type}'s constants, named in any case, with dashes or underscores. */
  <E extends Enum<E>> E choice(Class<E> type) {
    String name = node.isTextual() ? node.asText().strip() : "";
    String constant = name.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(constant)) {
        return value;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", "));
    throw fail("unknown value " + describe() + "; one of: " + allowed);
  }

  private void requireMapping() {
    if (!node.isObject()) {
      throw fail("expected a mapping of keys to values, was " + describe());
    }
  }

  private Field child(String key, JsonNode value) {
    return new Field(source, path.isEmpty() ? key : path + "." + key, value);
  }

  private String describe() {
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.isMissingNode() ? "nothing" : node.toString();
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }
}
