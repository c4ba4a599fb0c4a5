package io.vigil.server.mcp.tools;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.Outcome;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The JSON Schema of what {@link ToolJson} writes for a record type, derived from the record's
 * components so that the declared output schema and the structured content cannot drift apart:
 * snake_case property names, optionals not required, no other properties.
 */
final class OutputSchema {

  private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  /** JSON has no NaN: a double that is not a finite number is written as null. */
  private static final List<String> NUMBER_OR_NULL = List.of("number", "null");

  private OutputSchema() {}

  /** The schema of a tool's answer of {@code type}, with the common {@code truncated} notes. */
  static Map<String, Object> forAnswer(Class<? extends Record> type, String description) {
    Map<String, Object> schema = of(type);
    schema.put("description", description);
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
    properties.put(Truncation.PROPERTY, Truncation.schema());
    return schema;
  }

  /** The schema of a record type as {@link ToolJson} writes it. */
  static Map<String, Object> of(Class<? extends Record> type) {
    return record(type);
  }

  private static Map<String, Object> record(Class<?> type) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = SNAKE_CASE.translate(component.getName());
      Type generic = component.getGenericType();
      properties.put(name, value(generic));
      if (!optional(generic)) {
        required.add(name);
      }
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static boolean optional(Type type) {
    Class<?> raw = raw(type);
    return raw == Optional.class
        || raw == OptionalDouble.class
        || raw == OptionalLong.class
        || raw == OptionalInt.class;
  }

  private static Map<String, Object> value(Type type) {
    if (type instanceof ParameterizedType parameterized) {
      return parameterized(parameterized);
    }
    Class<?> raw = raw(type);
    if (raw == String.class) {
      return typed("string");
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return typed("boolean");
    }
    if (raw == int.class
        || raw == long.class
        || raw == Integer.class
        || raw == Long.class
        || raw == OptionalInt.class
        || raw == OptionalLong.class) {
      return typed("integer");
    }
    if (raw == double.class || raw == Double.class || raw == float.class) {
      return typedAny(NUMBER_OR_NULL);
    }
    if (raw == OptionalDouble.class) {
      return typed("number");
    }
    return special(raw);
  }

  private static Map<String, Object> special(Class<?> raw) {
    if (raw == Instant.class) {
      Map<String, Object> schema = typed("string");
      schema.put("format", "date-time");
      return schema;
    }
    if (raw == Duration.class) {
      Map<String, Object> schema = typed("string");
      schema.put("description", "an ISO-8601 duration, e.g. PT5M");
      return schema;
    }
    if (raw == FeatureValue.class) {
      return typedAny(List.of("number", "string", "boolean", "null"));
    }
    if (raw == Outcome.class) {
      return typedAny(List.of("string", "number"));
    }
    if (raw.isEnum()) {
      Map<String, Object> schema = typed("string");
      schema.put(
          "enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
      return schema;
    }
    if (raw.isRecord()) {
      return record(raw);
    }
    if (raw.isSealed()) {
      Map<String, Object> schema = new LinkedHashMap<>();
      schema.put(
          "anyOf", Arrays.stream(raw.getPermittedSubclasses()).map(OutputSchema::special).toList());
      return schema;
    }
    throw new IllegalArgumentException("no JSON schema for " + raw.getName());
  }

  private static Map<String, Object> parameterized(ParameterizedType type) {
    Class<?> raw = raw(type.getRawType());
    Type[] arguments = type.getActualTypeArguments();
    if (raw == Optional.class) {
      return value(arguments[0]);
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Map<String, Object> schema = typed("array");
      schema.put("items", value(arguments[0]));
      return schema;
    }
    if (Map.class.isAssignableFrom(raw)) {
      Map<String, Object> schema = typed("object");
      schema.put("additionalProperties", value(arguments[1]));
      return schema;
    }
    throw new IllegalArgumentException("no JSON schema for " + type);
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return raw(parameterized.getRawType());
    }
    throw new IllegalArgumentException("no JSON schema for " + type);
  }

  private static Map<String, Object> typed(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }

  private static Map<String, Object> typedAny(List<String> types) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", types);
    return schema;
  }
}
