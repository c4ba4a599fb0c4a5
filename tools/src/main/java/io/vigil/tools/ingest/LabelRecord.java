package io.vigil.tools.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * The true outcome of a prediction, arriving any time before or after it. A second label for the
 * same request replaces the first (a correction) and the window's metrics follow.
 *
 * @param model the model whose request this labels
 * @param requestId the labelled inference's request id
 * @param label the true outcome
 * @param timestamp when the outcome became known
 */
public record LabelRecord(String model, String requestId, Outcome label, Instant timestamp) {

  public LabelRecord {
    if (model == null || model.isEmpty()) {
      throw new IllegalArgumentException("model is missing");
    }
    if (requestId == null || requestId.isEmpty()) {
      throw new IllegalArgumentException("request_id is missing");
    }
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
