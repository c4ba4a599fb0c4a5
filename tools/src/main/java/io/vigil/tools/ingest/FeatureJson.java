package io.vigil.tools.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.vigil.tools.store.JsonColumn;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Features to and from the {@code inference.features} JSON column. */
public final class FeatureJson {

  private FeatureJson() {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  /** Written straight to a generator: this runs once per ingested record. */
  public static String write(Map<String, FeatureValue> features) {
    StringWriter json = new StringWriter(32 + 24 * features.size());
    try (JsonGenerator generator = FACTORY.createGenerator(json)) {
      generator.writeStartObject();
      for (Map.Entry<String, FeatureValue> feature : features.entrySet()) {
        generator.writeFieldName(feature.getKey());
        FeatureValue value = feature.getValue();
        if (value instanceof FeatureValue.Numeric numeric) {
          generator.writeNumber(numeric.value());
        } else if (value instanceof FeatureValue.Text text) {
          generator.writeString(text.value());
        } else if (value instanceof FeatureValue.Bool bool) {
          generator.writeBoolean(bool.value());
        } else {
          generator.writeNull();
        }
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode features " + features.keySet(), e);
    }
    return json.toString();
  }

  /** Reads a stored features column back into typed values. */
  public static Map<String, FeatureValue> read(String json) {
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    JsonColumn.readValues(json).forEach((name, value) -> features.put(name, typed(value)));
    return features;
  }

  private static FeatureValue typed(Object value) {
    if (value == null) {
      return FeatureValue.Missing.INSTANCE;
    }
    if (value instanceof Number number) {
      return new FeatureValue.Numeric(number.doubleValue());
    }
    if (value instanceof Boolean bool) {
      return new FeatureValue.Bool(bool);
    }
    return new FeatureValue.Text(value.toString());
  }
}
