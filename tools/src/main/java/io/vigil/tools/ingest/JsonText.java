package io.vigil.tools.ingest;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * JSON text for the small objects of an inference row (features, segment, probabilities), written
 * straight into a {@link StringBuilder}: a generator per object cost more than the writing.
 */
final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
  static StringBuilder appendString(StringBuilder json, String text) {
    json.append('"');
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        json.append(text, start, i);
        escape(json, c);
        start = i + 1;
      }
    }
    return json.append(text, start, text.length()).append('"');
  }

  /** An object of strings, in the map's order. */
  static String strings(Map<String, String> map) {
    return object(map, JsonText::appendString);
  }

  /** An object of finite numbers, in the map's order. */
  static String numbers(Map<String, Double> map) {
    return object(map, (json, number) -> json.append(NumberOutput.toString(number, true)));
  }

  private static <V> String object(Map<String, V> map, BiConsumer<StringBuilder, V> writeValue) {
    StringBuilder json = new StringBuilder(16 + 24 * map.size()).append('{');
    for (Map.Entry<String, V> entry : map.entrySet()) {
      if (json.length() > 1) {
        json.append(',');
      }
      appendString(json, entry.getKey()).append(':');
      writeValue.accept(json, entry.getValue());
    }
    return json.append('}').toString();
  }

  private static void escape(StringBuilder json, char c) {
    switch (c) {
      case '"' -> json.append("\\\"");
      case '\\' -> json.append("\\\\");
      case '\n' -> json.append("\\n");
      case '\r' -> json.append("\\r");
      case '\t' -> json.append("\\t");
      case '\b' -> json.append("\\b");
      case '\f' -> json.append("\\f");
      default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
    }
  }
}
