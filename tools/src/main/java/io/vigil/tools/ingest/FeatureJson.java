package io.vigil.tools.ingest;

import io.vigil.tools.store.JsonColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Features to and from the {@code inference.features} JSON column. */
public final class FeatureJson {

  private FeatureJson() {}

  /** The features column's text: a {@link FeatureMap} carries its own. */
  public static String write(Map<String, FeatureValue> features) {
    return FeatureMap.of(features).json();
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
