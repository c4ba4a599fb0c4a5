package io.vigil.server.api.incidents;

import java.util.Optional;

/**
 * A request to diagnose a model now.
 *
 * @param model the model
 * @param timeWindow the period to investigate, e.g. {@code 6h} or an ISO-8601 interval; default the
 *     monitor's lookback ending at the model's latest record
 */
record DiagnosisRequest(String model, Optional<String> timeWindow) {

  DiagnosisRequest {
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException("model is required: the model to diagnose");
    }
    timeWindow = timeWindow == null ? Optional.empty() : timeWindow;
  }
}
