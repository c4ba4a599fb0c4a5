package io.vigil.server.mcp.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A tool's arguments: the JSON Schema a client sees and the rules {@link Arguments} enforces, from
 * one declaration, so that they cannot disagree.
 */
final class InputSchema {

  /** The JSON type of an argument. */
  enum ArgumentType {
    STRING("string"),
    NUMBER("number"),
    INTEGER("integer"),
    STRING_LIST("array"),
    STRING_MAP("object"),
    OBJECT("object");

    final String jsonType;

    ArgumentType(String jsonType) {
      this.jsonType = jsonType;
    }
  }

  /** Whether a call must give an argument. */
  enum Presence {
    REQUIRED,
    OPTIONAL
  }

  /**
   * One argument.
   *
   * @param name its snake_case name
   * @param type its JSON type
   * @param presence required or optional
   * @param description what it means, its format with examples, and its default
   * @param choices the allowed values of a string, or empty for any
   * @param minimum the smallest allowed number, if bounded
   * @param maximum the largest allowed number, if bounded
   * @param fields the arguments of an {@link ArgumentType#OBJECT}
   */
  record Argument(
      String name,
      ArgumentType type,
      Presence presence,
      String description,
      List<String> choices,
      OptionalDouble minimum,
      OptionalDouble maximum,
      Optional<InputSchema> fields) {

    Argument {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(presence, "presence");
      Objects.requireNonNull(description, "description");
      choices = List.copyOf(choices);
      Objects.requireNonNull(minimum, "minimum");
      Objects.requireNonNull(maximum, "maximum");
      Objects.requireNonNull(fields, "fields");
      if (type == ArgumentType.OBJECT && fields.isEmpty()) {
        throw new IllegalArgumentException(name + ": an object argument declares its fields");
      }
    }
  }

  private final Map<String, Argument> arguments;

  private InputSchema(Map<String, Argument> arguments) {
    this.arguments = arguments;
  }

  static Builder builder() {
    return new Builder();
  }

  Map<String, Argument> arguments() {
    return arguments;
  }

  /** The JSON Schema of the arguments: an object with exactly these properties. */
  Map<String, Object> toJsonSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    arguments.forEach(
        (name, argument) -> {
          properties.put(name, property(argument));
          if (argument.presence() == Presence.REQUIRED) {
            required.add(name);
          }
        });
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", required);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static Map<String, Object> property(Argument argument) {
    if (argument.type() == ArgumentType.OBJECT) {
      Map<String, Object> schema = argument.fields().orElseThrow().toJsonSchema();
      schema.put("description", argument.description());
      return schema;
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", argument.type().jsonType);
    schema.put("description", argument.description());
    if (!argument.choices().isEmpty()) {
      schema.put("enum", argument.choices());
    }
    argument.minimum().ifPresent(min -> schema.put("minimum", whole(argument, min)));
    argument.maximum().ifPresent(max -> schema.put("maximum", whole(argument, max)));
    if (argument.type() == ArgumentType.STRING_LIST) {
      schema.put("items", Map.of("type", "string", "minLength", 1));
      schema.put("minItems", 1);
    } else if (argument.type() == ArgumentType.STRING_MAP) {
      schema.put("additionalProperties", Map.of("type", "string"));
    } else if (argument.type() == ArgumentType.STRING) {
      schema.put("minLength", 1);
    }
    return schema;
  }

  private static Number whole(Argument argument, double bound) {
    return argument.type() == ArgumentType.INTEGER ? (Number) (long) bound : (Number) bound;
  }

  /** Declares arguments in the order a client should read them. */
  static final class Builder {
    private final Map<String, Argument> arguments = new LinkedHashMap<>();

    Builder string(String name, Presence presence, String description) {
      return add(simple(name, ArgumentType.STRING, presence, description));
    }

    Builder choice(String name, Presence presence, String description, List<String> choices) {
      return add(
          new Argument(
              name,
              ArgumentType.STRING,
              presence,
              description,
              choices,
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              Optional.empty()));
    }

    Builder number(String name, Presence presence, String description, double min, double max) {
      return add(bounded(name, ArgumentType.NUMBER, presence, description, min, max));
    }

    Builder integer(String name, Presence presence, String description, long min, long max) {
      return add(bounded(name, ArgumentType.INTEGER, presence, description, min, max));
    }

    Builder strings(String name, Presence presence, String description) {
      return add(simple(name, ArgumentType.STRING_LIST, presence, description));
    }

    Builder stringMap(String name, Presence presence, String description) {
      return add(simple(name, ArgumentType.STRING_MAP, presence, description));
    }

    Builder object(String name, Presence presence, String description, InputSchema fields) {
      return add(
          new Argument(
              name,
              ArgumentType.OBJECT,
              presence,
              description,
              List.of(),
              OptionalDouble.empty(),
              OptionalDouble.empty(),
              Optional.of(fields)));
    }

    InputSchema build() {
      return new InputSchema(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments)));
    }

    private Builder add(Argument argument) {
      if (arguments.put(argument.name(), argument) != null) {
        throw new IllegalArgumentException("argument declared twice: " + argument.name());
      }
      return this;
    }

    private static Argument simple(
        String name, ArgumentType type, Presence presence, String description) {
      return new Argument(
          name,
          type,
          presence,
          description,
          List.of(),
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Optional.empty());
    }

    private static Argument bounded(
        String name,
        ArgumentType type,
        Presence presence,
        String description,
        double min,
        double max) {
      return new Argument(
          name,
          type,
          presence,
          description,
          List.of(),
          OptionalDouble.of(min),
          OptionalDouble.of(max),
          Optional.empty());
    }
  }
}
