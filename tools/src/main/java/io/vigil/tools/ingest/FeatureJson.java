package io.vigil.tools.ingest;

import io.vigil.tools.store.JsonColumn;
import java.util.LinkedHashMap;
import java.util.Map;

/** Features to and from the {@code inference.features} JSON column. */
public final class FeatureJson {

  private FeatureJson() {}

  public static String write(Map<String, FeatureValue> features) {
    Map<String, Object> plain = new LinkedHashMap<>();
    features.forEach((name, value) -> plain.put(name, plainValue(value)));
    return JsonColumn.write(plain);
  }

  /** Reads a stored features column back into typed values. */
  public static Map<String, FeatureValue> read(String json) {
    Map<String, FeatureValue> features = new LinkedHashMap<>();
    JsonColumn.readValues(json).forEach((name, value) -> features.put(name, typed(value)));
    return features;
  }

  private static Object plainValue(FeatureValue value) {
    if (value instanceof FeatureValue.Numeric numeric) {
      return numeric.value();
    }
    if (value instanceof FeatureValue.Text text) {
      return text.value();
    }
    if (value instanceof FeatureValue.Bool bool) {
      return bool.value();
    }
    return null;
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
