package io.vigil.server.mcp.tools;

import io.vigil.server.mcp.tools.InputSchema.Argument;
import io.vigil.server.mcp.tools.InputSchema.ArgumentType;
import io.vigil.server.mcp.tools.InputSchema.Presence;
import io.vigil.tools.query.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A call's arguments checked against the tool's {@link InputSchema}: no unknown argument, every
 * required one present, each of its declared type and range. The SDK's own schema validation is
 * optional, so every tool checks here; a violation is a {@link ToolCallException} saying how to fix
 * the call.
 */
final class Arguments {

  private final String prefix;
  private final InputSchema schema;
  private final Map<String, Object> values;

  private Arguments(String prefix, InputSchema schema, Map<String, Object> values) {
    this.prefix = prefix;
    this.schema = schema;
    this.values = values;
  }

  /**
   * @throws ToolCallException naming the first argument that breaks the schema
   */
  static Arguments read(InputSchema schema, Map<String, Object> raw) {
    return read("", schema, raw == null ? Map.of() : raw);
  }

  private static Arguments read(String prefix, InputSchema schema, Map<String, Object> raw) {
    Map<String, Argument> declared = schema.arguments();
    for (String name : raw.keySet()) {
      if (!declared.containsKey(name)) {
        throw new ToolCallException(
            "Unknown argument '"
                + prefix
                + name
                + "'. This "
                + (prefix.isEmpty() ? "tool" : "object")
                + " takes only: "
                + String.join(", ", declared.keySet())
                + ".");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Argument argument : declared.values()) {
      Object value = raw.get(argument.name());
      if (value == null) {
        if (argument.presence() == Presence.REQUIRED) {
          throw new ToolCallException(
              "Missing required argument '"
                  + prefix
                  + argument.name()
                  + "': "
                  + argument.description());
        }
        continue;
      }
      values.put(argument.name(), checked(prefix, argument, value));
    }
    return new Arguments(prefix, schema, values);
  }

  private static Object checked(String prefix, Argument argument, Object value) {
    String name = prefix + argument.name();
    return switch (argument.type()) {
      case STRING -> text(name, argument, value);
      case NUMBER -> number(name, argument, value);
      case INTEGER -> integer(name, argument, value);
      case STRING_LIST -> list(name, value);
      case STRING_MAP -> stringMap(name, value);
      case OBJECT -> object(name, argument, value);
    };
  }

  private static String text(String name, Argument argument, Object value) {
    if (!(value instanceof String text)) {
      throw ToolCallException.argument(name, "expected a string, got " + describe(value));
    }
    if (text.isBlank()) {
      throw ToolCallException.argument(name, "is empty; leave it out or give a value");
    }
    String stripped = text.strip();
    if (argument.choices().isEmpty()) {
      return stripped;
    }
    String canonical = stripped.toLowerCase(Locale.ROOT).replace('-', '_');
    if (!argument.choices().contains(canonical)) {
      throw ToolCallException.argument(
          name, "'" + stripped + "' is not one of " + String.join(", ", argument.choices()));
    }
    return canonical;
  }

  private static double number(String name, Argument argument, Object value) {
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw ToolCallException.argument(name, "expected a number, got " + describe(value));
    }
    return inRange(name, argument, number.doubleValue());
  }

  private static long integer(String name, Argument argument, Object value) {
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())
        || Double.isInfinite(number.doubleValue())) {
      throw ToolCallException.argument(name, "expected a whole number, got " + describe(value));
    }
    return (long) inRange(name, argument, number.doubleValue());
  }

  private static double inRange(String name, Argument argument, double number) {
    OptionalDouble min = argument.minimum();
    OptionalDouble max = argument.maximum();
    if ((min.isPresent() && number < min.getAsDouble())
        || (max.isPresent() && number > max.getAsDouble())) {
      throw ToolCallException.argument(
          name,
          "must be between "
              + bound(argument, min.orElse(Double.NEGATIVE_INFINITY))
              + " and "
              + bound(argument, max.orElse(Double.POSITIVE_INFINITY))
              + ", was "
              + bound(argument, number));
    }
    return number;
  }

  private static String bound(Argument argument, double value) {
    return argument.type() == ArgumentType.INTEGER && Double.isFinite(value)
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static List<String> list(String name, Object value) {
    if (!(value instanceof List<?> items)) {
      throw ToolCallException.argument(
          name, "expected an array of strings, e.g. [\"age\", \"income\"], got " + describe(value));
    }
    if (items.isEmpty()) {
      throw ToolCallException.argument(
          name, "is an empty array; name at least one, or leave it out");
    }
    List<String> strings = new ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String text) || text.isBlank()) {
        throw ToolCallException.argument(
            name, "every item must be a non-empty string, got " + describe(item));
      }
      strings.add(text.strip());
    }
    return List.copyOf(strings);
  }

  private static Map<String, String> stringMap(String name, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw ToolCallException.argument(
          name, "expected an object of strings, e.g. {\"region\": \"eu\"}, got " + describe(value));
    }
    Map<String, String> strings = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getValue() instanceof String text)) {
        throw ToolCallException.argument(
            name + "." + entry.getKey(), "expected a string, got " + describe(entry.getValue()));
      }
      strings.put(String.valueOf(entry.getKey()), text);
    }
    return Map.copyOf(strings);
  }

  private static Arguments object(String name, Argument argument, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw ToolCallException.argument(name, "expected an object, got " + describe(value));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    map.forEach((key, field) -> fields.put(String.valueOf(key), field));
    return read(name + ".", argument.fields().orElseThrow(), fields);
  }

  private static String describe(Object value) {
    if (value instanceof String) {
      return "the string " + ToolJson.quote((String) value);
    }
    if (value instanceof List) {
      return "an array";
    }
    if (value instanceof Map) {
      return "an object";
    }
    return value instanceof Boolean ? "a boolean" : String.valueOf(value);
  }

  Optional<String> string(String name) {
    return Optional.ofNullable((String) declared(name, ArgumentType.STRING));
  }

  /** A required string argument (the schema guarantees its presence). */
  String required(String name) {
    return string(name).orElseThrow();
  }

  OptionalDouble number(String name) {
    Object value = declared(name, ArgumentType.NUMBER);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of((Double) value);
  }

  Optional<Long> integer(String name) {
    return Optional.ofNullable((Long) declared(name, ArgumentType.INTEGER));
  }

  @SuppressWarnings("unchecked")
  Optional<List<String>> strings(String name) {
    return Optional.ofNullable((List<String>) declared(name, ArgumentType.STRING_LIST));
  }

  @SuppressWarnings("unchecked")
  Map<String, String> stringMap(String name) {
    Object value = declared(name, ArgumentType.STRING_MAP);
    return value == null ? Map.of() : (Map<String, String>) value;
  }

  Optional<Arguments> object(String name) {
    return Optional.ofNullable((Arguments) declared(name, ArgumentType.OBJECT));
  }

  /** A time window argument, or {@code fallback} when it is left out. */
  TimeWindow window(String name, String fallback) {
    return parseWindow(name, string(name).orElse(fallback));
  }

  Optional<TimeWindow> optionalWindow(String name) {
    return string(name).map(text -> parseWindow(name, text));
  }

  /** A bucket length written like a relative window: {@code 5m}, {@code 1h}, {@code 1d}. */
  Optional<Duration> duration(String name) {
    return string(name)
        .map(
            text -> {
              TimeWindow parsed = parseWindow(name, text);
              if (parsed instanceof TimeWindow.Relative relative && !relative.anchoredAtNow()) {
                return relative.length();
              }
              throw ToolCallException.argument(
                  prefix + name, "expected a length such as 5m, 1h or 1d, was '" + text + "'");
            });
  }

  private TimeWindow parseWindow(String name, String text) {
    try {
      return TimeWindow.parse(text);
    } catch (IllegalArgumentException e) {
      throw ToolCallException.argument(
          prefix + name,
          e.getMessage()
              + ". Write a relative window such as 24h, 7d or 24h@now, or an ISO-8601 interval"
              + " such as 2026-11-02T00:00Z/2026-11-03T00:00Z.");
    }
  }

  private Object declared(String name, ArgumentType type) {
    Argument argument = schema.arguments().get(name);
    if (argument == null || argument.type() != type) {
      throw new IllegalStateException("the tool reads an argument it did not declare: " + name);
    }
    return values.get(name);
  }
}
