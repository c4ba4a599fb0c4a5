package io.vigil.tools.ingest.wire;

import io.vigil.tools.ingest.Embedding;
import io.vigil.tools.ingest.FeatureMap;
import io.vigil.tools.ingest.InferenceRecord;
import io.vigil.tools.ingest.Outcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fields of an inference record as they are read, in any order, from JSON or a CSV row. A field
 * left null was absent (or invalid, and reported).
 */
final class InferenceDraft {

  String requestId;
  String model;
  String version;
  Instant timestamp;
  final FeatureMap.Builder features = new FeatureMap.Builder();
  Embedding embedding;
  Outcome prediction;
  Double confidence;
  final Map<String, Double> probabilities = new LinkedHashMap<>();
  Double latencyMs;
  final Map<String, String> segment = new LinkedHashMap<>();
  String error;

  /**
   * Checks the required fields (reporting each one missing, unless it was reported as invalid) and
   * builds the record when nothing is wrong. Fields are named as on the wire, which is also how the
   * CSV columns are named.
   *
   * @return the record, or null when a problem was reported
   */
  InferenceRecord build(RecordProblems problems) {
    requirePresent(problems, "request_id", requestId);
    requirePresent(problems, "model", model);
    requirePresent(problems, "version", version);
    requirePresent(problems, "timestamp", timestamp);
    if (prediction == null
        && error == null
        && !problems.concerns("prediction")
        && !problems.concerns("error")) {
      problems.report("prediction", "is required unless error names why the request failed");
    }
    if (!problems.isEmpty()) {
      return null;
    }
    try {
      return new InferenceRecord(
          requestId,
          model,
          version,
          timestamp,
          features.build(),
          Optional.ofNullable(embedding),
          Optional.ofNullable(prediction),
          confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence),
          probabilities,
          latencyMs == null ? OptionalDouble.empty() : OptionalDouble.of(latencyMs),
          segment,
          Optional.ofNullable(error));
    } catch (IllegalArgumentException e) {
      // The checks above mirror the record's; this only keeps a missed case from escaping.
      problems.report(null, e.getMessage());
      return null;
    }
  }

  private static void requirePresent(RecordProblems problems, String name, Object value) {
    if (value == null && !problems.concerns(name)) {
      problems.report(name, "is required");
    }
  }
}
