package io.vigil.simulation.score;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.simulation.run.RankedCause;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The JSON shapes the reports share: snake_case keys, absent figures as null. */
final class JsonShapes {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonShapes() {}

  static void put(ObjectNode node, String key, OptionalInt value) {
    if (value.isPresent()) {
      node.put(key, value.getAsInt());
    } else {
      node.putNull(key);
    }
  }

  static void put(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }

  static void putBoolean(ObjectNode node, String key, Optional<Boolean> value) {
    if (value.isPresent()) {
      node.put(key, value.get());
    } else {
      node.putNull(key);
    }
  }

  static void putText(ObjectNode node, String key, Optional<?> value) {
    if (value.isPresent()) {
      node.put(key, lower(value.get()));
    } else {
      node.putNull(key);
    }
  }

  static ObjectNode cause(RankedCause cause) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("rank", cause.rank());
    node.put("category", lower(cause.category()));
    node.put("culprit", cause.culprit());
    node.put("confidence", cause.confidence());
    return node;
  }

  static String lower(Object value) {
    return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString();
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }
}
