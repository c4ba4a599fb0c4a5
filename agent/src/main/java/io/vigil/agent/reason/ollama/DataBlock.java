package io.vigil.agent.reason.ollama;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Data learned from traffic and the registry (feature names, categories, segment values, findings,
 * model metadata) as the reasoner's model sees it: JSON inside a {@code <vigil-data>} block. Angle
 * brackets inside the JSON are escaped ({@code \u003c}), so that no value can close the block and
 * speak outside it.
 */
final class DataBlock {

  static final String OPEN = "<vigil-data>";
  static final String CLOSE = "</vigil-data>";

  /** The longest text value passed on; findings are sentences, names are short. */
  static final int MAX_VALUE_CHARS = 600;

  /** Duplicate keys are refused: "category" given twice would leave the meaning to the parser. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DataBlock() {}

  /** {@code data} as a block. */
  static String of(JsonNode data) {
    return OPEN + "\n" + json(data) + "\n" + CLOSE;
  }

  /**
   * {@code data} as JSON with angle brackets escaped. They can only occur inside strings (JSON's
   * own syntax has none), where {@code \u003c} means the same character.
   */
  static String json(JsonNode data) {
    try {
      return JSON.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** {@code value}, cut to {@link #MAX_VALUE_CHARS}. */
  static String text(String value) {
    return value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "…" : value;
  }

  static ObjectMapper mapper() {
    return JSON;
  }
}
