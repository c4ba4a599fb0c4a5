package io.vigil.tools.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps stored in TEXT columns as JSON objects (the one encoding both stores read the same way). */
public final class JsonColumn {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> STRINGS =
      new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, Object>> VALUES =
      new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, Double>> NUMBERS =
      new TypeReference<>() {};

  private JsonColumn() {}

  public static String write(Map<String, ?> map) {
    try {
      return MAPPER.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + map.keySet() + " as JSON", e);
    }
  }

  public static Map<String, String> readStrings(String json) {
    return read(json, STRINGS);
  }

  /** Values as Jackson reads them: String, Boolean, Integer/Long/Double, or null. */
  public static Map<String, Object> readValues(String json) {
    return read(json, VALUES);
  }

  public static Map<String, Double> readNumbers(String json) {
    return read(json, NUMBERS);
  }

  private static <T extends Map<String, ?>> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is corrupt: " + e.getOriginalMessage(), e);
    }
  }
}
