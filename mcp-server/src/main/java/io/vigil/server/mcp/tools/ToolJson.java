package io.vigil.server.mcp.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * How tool answers become JSON: snake_case names (as the REST API writes them), ISO-8601 instants
 * and durations, absent optionals left out, feature values and outcomes as plain JSON values, and
 * non-finite numbers as null (JSON has no NaN).
 */
public final class ToolJson {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .addModule(new JavaTimeModule())
          .addModule(values())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_ABSENT)
          .build();

  private ToolJson() {}

  /** {@code value} as a JSON tree, non-finite numbers replaced by null. */
  static JsonNode tree(Object value) {
    JsonNode tree = MAPPER.valueToTree(value);
    return finite(tree);
  }

  /** The compact JSON text of {@code value}. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code text} as a JSON string literal, quotes and control characters escaped. */
  public static String quote(String text) {
    return write(text);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonNode tree) {
    return MAPPER.convertValue(tree, Map.class);
  }

  private static JsonNode finite(JsonNode node) {
    if (node.isNumber()
        && (node.isDouble() || node.isFloat())
        && !Double.isFinite(node.asDouble())) {
      return NullNode.getInstance();
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(finite(field.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, finite(array.get(i)));
      }
    }
    return node;
  }

  private static SimpleModule values() {
    SimpleModule module = new SimpleModule("vigil-values");
    module.addSerializer(FeatureValue.class, new FeatureValueSerializer());
    module.addSerializer(Outcome.class, new OutcomeSerializer());
    return module;
  }

  /** A feature's value as the JSON value it arrived as: number, string, boolean or null. */
  private static final class FeatureValueSerializer extends StdSerializer<FeatureValue> {
    private static final long serialVersionUID = 1L;

    FeatureValueSerializer() {
      super(FeatureValue.class);
    }

    @Override
    public void serialize(FeatureValue value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      if (value instanceof FeatureValue.Numeric numeric) {
        json.writeNumber(numeric.value());
      } else if (value instanceof FeatureValue.Text text) {
        json.writeString(text.value());
      } else if (value instanceof FeatureValue.Bool bool) {
        json.writeBoolean(bool.value());
      } else {
        json.writeNull();
      }
    }
  }

  /** A prediction or label as a string (class) or a number (regression target). */
  private static final class OutcomeSerializer extends StdSerializer<Outcome> {
    private static final long serialVersionUID = 1L;

    OutcomeSerializer() {
      super(Outcome.class);
    }

    @Override
    public void serialize(Outcome value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      if (value instanceof Outcome.Category category) {
        json.writeString(category.value());
      } else {
        json.writeNumber(((Outcome.Number) value).value());
      }
    }
  }
}
