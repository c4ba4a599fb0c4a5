package io.vigil.tools.logs;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.Outcome;
import io.vigil.tools.store.JsonColumn;
import io.vigil.tools.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongFunction;

/**
 * One row of {@code inference} as read, its JSON columns decoded only when asked for: most rows a
 * search examines are dropped after one feature is looked at.
 */
final class StoredRow {

  /** The columns {@link #read} expects. */
  static final String COLUMNS =
      "request_id, version_id, ts, features, predicted_class, predicted_value, confidence,"
          + " latency_ms, segment, error_type, label_class, label_value, correct";

  private final String requestId;
  private final long versionId;
  private final Instant timestamp;
  private final String featuresJson;
  private final String predictedClass;
  private final Double predictedValue;
  private final Double confidence;
  private final Double latencyMs;
  private final String segmentJson;
  private final String errorType;
  private final String labelClass;
  private final Double labelValue;
  private final Boolean correct;
  private Map<String, Object> features;
  private Map<String, String> segment;

  private StoredRow(ResultSet rows) throws SQLException {
    requestId = rows.getString("request_id");
    versionId = rows.getLong("version_id");
    timestamp = Timestamps.get(rows, "ts");
    featuresJson = rows.getString("features");
    predictedClass = rows.getString("predicted_class");
    predictedValue = nullableDouble(rows, "predicted_value");
    confidence = nullableDouble(rows, "confidence");
    latencyMs = nullableDouble(rows, "latency_ms");
    segmentJson = rows.getString("segment");
    errorType = rows.getString("error_type");
    labelClass = rows.getString("label_class");
    labelValue = nullableDouble(rows, "label_value");
    boolean isCorrect = rows.getBoolean("correct");
    correct = rows.wasNull() ? null : isCorrect;
  }

  static StoredRow read(ResultSet rows) throws SQLException {
    return new StoredRow(rows);
  }

  private static Double nullableDouble(ResultSet rows, String column) throws SQLException {
    double value = rows.getDouble(column);
    return rows.wasNull() ? null : value;
  }

  Instant timestamp() {
    return timestamp;
  }

  String requestId() {
    return requestId;
  }

  long versionId() {
    return versionId;
  }

  /** The serving latency as a feature value, {@link FeatureValue.Missing} when not measured. */
  FeatureValue latency() {
    return latencyMs == null ? FeatureValue.Missing.INSTANCE : new FeatureValue.Numeric(latencyMs);
  }

  /** Whether the request failed. */
  boolean failed() {
    return errorType != null;
  }

  /** The feature's value, {@link FeatureValue.Missing} when absent or null. */
  FeatureValue feature(String name) {
    if (features == null) {
      features = JsonColumn.readValues(featuresJson);
    }
    return featureValue(features.get(name));
  }

  /** The segment attribute's value, or null when the record does not carry it. */
  String segment(String attribute) {
    return segment().get(attribute);
  }

  Map<String, String> segment() {
    if (segment == null) {
      segment = JsonColumn.readStrings(segmentJson);
    }
    return segment;
  }

  /** Every feature, decoded. */
  Map<String, FeatureValue> features() {
    if (features == null) {
      features = JsonColumn.readValues(featuresJson);
    }
    Map<String, FeatureValue> values = new LinkedHashMap<>();
    features.forEach((name, raw) -> values.put(name, featureValue(raw)));
    return values;
  }

  LoggedInference toLoggedInference(LongFunction<String> versionNames) {
    return new LoggedInference(
        requestId,
        versionNames.apply(versionId),
        timestamp,
        features(),
        outcome(predictedClass, predictedValue),
        confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence),
        outcome(labelClass, labelValue),
        Optional.ofNullable(correct),
        latencyMs == null ? OptionalDouble.empty() : OptionalDouble.of(latencyMs),
        segment(),
        Optional.ofNullable(errorType));
  }

  private static Optional<Outcome> outcome(String category, Double number) {
    if (category != null) {
      return Optional.of(new Outcome.Category(category));
    }
    return number == null ? Optional.empty() : Optional.of(new Outcome.Number(number));
  }

  /** A JSON value as Jackson reads it, as a feature value. */
  static FeatureValue featureValue(Object raw) {
    if (raw == null) {
      return FeatureValue.Missing.INSTANCE;
    }
    if (raw instanceof Number number) {
      return new FeatureValue.Numeric(number.doubleValue());
    }
    if (raw instanceof Boolean bool) {
      return new FeatureValue.Bool(bool);
    }
    return new FeatureValue.Text(raw.toString());
  }
}
