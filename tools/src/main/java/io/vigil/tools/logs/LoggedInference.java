package io.vigil.tools.logs;

import io.vigil.tools.ingest.FeatureValue;
import io.vigil.tools.ingest.Outcome;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One stored inference record as a search returns it.
 *
 * @param requestId the request's id, unique per model
 * @param version the version that served it
 * @param timestamp when the prediction was made
 * @param features name to value as received (absent or null values as {@link FeatureValue.Missing})
 * @param prediction the model's output; empty for a failed request
 * @param confidence the reported confidence, if any
 * @param label the true outcome, once it has arrived
 * @param correct whether the prediction matched the label (classification, once labelled)
 * @param latencyMs serving time in milliseconds, if measured
 * @param segment the record's segment attributes
 * @param error the error type, for a failed request
 */
public record LoggedInference(
    String requestId,
    String version,
    Instant timestamp,
    Map<String, FeatureValue> features,
    Optional<Outcome> prediction,
    OptionalDouble confidence,
    Optional<Outcome> label,
    Optional<Boolean> correct,
    OptionalDouble latencyMs,
    Map<String, String> segment,
    Optional<String> error) {

  public LoggedInference {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(timestamp, "timestamp");
    features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(correct, "correct");
    Objects.requireNonNull(latencyMs, "latencyMs");
    segment = Collections.unmodifiableMap(new LinkedHashMap<>(segment));
    Objects.requireNonNull(error, "error");
  }
}
