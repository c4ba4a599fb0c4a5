package io.vigil.agent.reason.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arguments of one tool call as the model wrote them (a JSON object), read by name. Every
 * reader says what was wrong in words the model can act on.
 */
public final class ToolArguments {

  /** Duplicate keys are refused: "category" given twice would leave the meaning to the parser. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final JsonNode node;

  private ToolArguments(JsonNode node) {
    this.node = node;
  }

  /**
   * The arguments in {@code json}; blank means none.
   *
   * @throws IllegalArgumentException if {@code json} is not a JSON object
   */
  public static ToolArguments parse(String json) {
    if (json == null || json.isBlank()) {
      return new ToolArguments(JSON.createObjectNode());
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the arguments must be a JSON object");
      }
      return new ToolArguments(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the arguments are not valid JSON", e);
    }
  }

  /**
   * @throws IllegalArgumentException if an argument is not among {@code known}, naming them
   */
  public ToolArguments requireOnly(Set<String> known) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown argument '" + name + "'; this tool takes: " + new TreeSet<>(known));
      }
    }
    return this;
  }

  /** The string argument {@code name}, if given and not blank. */
  public Optional<String> text(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("argument '" + name + "' must be a string");
    }
    return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }

  /** The list-of-strings argument {@code name}, if given and not empty. */
  public Optional<List<String>> texts(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException("argument '" + name + "' must be a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw new IllegalArgumentException("argument '" + name + "' must be a list of strings");
      }
      items.add(item.asText());
    }
    return items.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(items));
  }
}
