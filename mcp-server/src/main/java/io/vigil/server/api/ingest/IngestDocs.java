package io.vigil.server.api.ingest;

/** The ingest endpoints' descriptions and examples in the OpenAPI document. */
final class IngestDocs {

  private IngestDocs() {}

  static final String INFERENCES =
      "Stores a batch of inference records: a JSON array (application/json) or one object per"
          + " line (application/x-ndjson), at most 10,000 records and"
          + " vigil.ingest.max-body-bytes. Fields (snake_case): request_id, model, version,"
          + " timestamp (ISO-8601 with an offset, or epoch milliseconds), features (name to"
          + " number, string, boolean or null), embedding (numbers), prediction (a class or a"
          + " number), confidence in [0, 1], probabilities (class to [0, 1]), latency_ms,"
          + " segment (key to value), error (the error type of a failed request). Required:"
          + " request_id, model, version, timestamp, and a prediction unless error is set."
          + " The batch is stored whole or refused whole (400 listing every problem); the"
          + " answer comes after the commit.";

  static final String LABELS =
      "Stores a batch of labels, the true outcomes of earlier (or later) predictions:"
          + " request_id, model, label (a class or a number), timestamp (when the outcome became"
          + " known). A label joins its inference whichever arrives first; a second label for the"
          + " same request replaces the first and counts as a duplicate.";

  static final String INFERENCE_ARRAY_EXAMPLE =
      """
      [{"request_id": "r-1", "model": "fraud-detector", "version": "v4",
        "timestamp": "2026-11-02T10:15:30Z",
        "features": {"amount": 120.5, "country": "DE", "returning": true},
        "prediction": "legit", "confidence": 0.93, "latency_ms": 12.4,
        "segment": {"channel": "web"}}]""";

  static final String INFERENCE_NDJSON_EXAMPLE =
      """
      {"request_id": "r-1", "model": "fraud-detector", "version": "v4", \
      "timestamp": "2026-11-02T10:15:30Z", "features": {"amount": 120.5}, "prediction": "legit"}
      {"request_id": "r-2", "model": "fraud-detector", "version": "v4", \
      "timestamp": "2026-11-02T10:15:31Z", "error": "timeout"}""";

  static final String LABEL_ARRAY_EXAMPLE =
      """
      [{"request_id": "r-1", "model": "fraud-detector", "label": "fraud",
        "timestamp": "2026-11-09T08:00:00Z"}]""";
}
