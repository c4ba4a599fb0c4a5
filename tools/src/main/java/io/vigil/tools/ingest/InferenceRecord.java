package io.vigil.tools.ingest;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One prediction a model served, as it is ingested. Shape checks (finite numbers, non-empty ids,
 * confidence in [0, 1]) happen here; checks against the registry (known model and version, feature
 * kinds, the model's task) happen in {@link RegistryCheck}.
 *
 * @param requestId unique per model; a record with a stored id is acknowledged and not stored again
 * @param model the registered model's name
 * @param version the registered version's name
 * @param timestamp when the prediction was made (event time: it decides the window)
 * @param features name to value, in the order received
 * @param embedding an optional vector (for embedding drift)
 * @param prediction the model's output; empty only for a failed request ({@code error} set)
 * @param confidence the model's confidence in its prediction, in [0, 1], if it reports one
 * @param probabilities class to probability, if the model reports them (classification)
 * @param latencyMs how long serving took, in milliseconds, if measured
 * @param segment free key/values that slice traffic (region, device, customer tier...)
 * @param error the error type of a failed request, if it failed
 */
public record InferenceRecord(
    String requestId,
    String model,
    String version,
    Instant timestamp,
    Map<String, FeatureValue> features,
    Optional<Embedding> embedding,
    Optional<Outcome> prediction,
    OptionalDouble confidence,
    Map<String, Double> probabilities,
    OptionalDouble latencyMs,
    Map<String, String> segment,
    Optional<String> error) {

  public InferenceRecord {
    requireText("request_id", requestId);
    requireText("model", model);
    requireText("version", version);
    Objects.requireNonNull(timestamp, "timestamp");
    features = FeatureMap.of(features);
    Objects.requireNonNull(embedding, "embedding");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(confidence, "confidence");
    confidence.ifPresent(InferenceRecord::requireProbability);
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    probabilities.values().forEach(InferenceRecord::requireProbability);
    Objects.requireNonNull(latencyMs, "latencyMs");
    latencyMs.ifPresent(InferenceRecord::requireLatency);
    segment = Collections.unmodifiableMap(new LinkedHashMap<>(segment));
    Objects.requireNonNull(error, "error");
    if (prediction.isEmpty() && error.isEmpty()) {
      throw new IllegalArgumentException(
          "a record needs a prediction, or an error type for a failed request");
    }
  }

  /** The confidence the record carries: its own, else the predicted class's probability. */
  public OptionalDouble effectiveConfidence() {
    if (confidence.isPresent()) {
      return confidence;
    }
    if (prediction.orElse(null) instanceof Outcome.Category category
        && probabilities.containsKey(category.value())) {
      return OptionalDouble.of(probabilities.get(category.value()));
    }
    return OptionalDouble.empty();
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + " is missing");
    }
  }

  private static void requireProbability(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("a probability must be in [0, 1], was " + value);
    }
  }

  private static void requireLatency(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("latency_ms must be a finite number >= 0, was " + value);
    }
  }
}
