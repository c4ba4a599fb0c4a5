package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/models/{model}/deployments}: a new traffic split.
 *
 * @param traffic version to its share of traffic; shares in (0, 1] summing to 1
 * @param actor who or what made the change (a person, a CI pipeline)
 * @param reason why, in free text
 * @param effectiveAt when the split took (or takes) effect; default now
 */
@Schema(description = "A change of which versions serve the model's traffic.")
record DeploymentRequest(
    @Schema(example = "{\"v3\": 0.9, \"v4\": 0.1}", requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Double> traffic,
    @Schema(example = "alice@example.com", requiredMode = Schema.RequiredMode.REQUIRED)
        String actor,
    @Schema(example = "canary for v4") String reason,
    Instant effectiveAt) {

  DeploymentRequest {
    if (traffic == null || traffic.isEmpty()) {
      throw new IllegalArgumentException(
          "traffic is required: version to share, e.g. {\"v3\": 0.9, \"v4\": 0.1}");
    }
    if (traffic.containsValue(null)) {
      throw new IllegalArgumentException("every version in traffic needs a share in (0, 1]");
    }
    traffic = new LinkedHashMap<>(traffic);
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("actor is required: who or what made the change");
    }
    reason = reason == null ? "" : reason;
  }

  Instant effectiveAtOr(Instant now) {
    return effectiveAt == null ? now : effectiveAt;
  }
}
