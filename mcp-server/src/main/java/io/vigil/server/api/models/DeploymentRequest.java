package io.vigil.server.api.models;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/models/{model}/deployments}: a new traffic split.
 *
 * @param traffic version to its share of traffic; shares in (0, 1] summing to 1
 * @param actor who or what made the change (a person, a CI pipeline)
 * @param reason why, in free text
 * @param effectiveAt when the split took (or takes) effect, an ISO-8601 instant; default now. Text,
 *     not a JSON number: a number would be read as epoch seconds, and one too large for that as
 *     1970
 */
@Schema(description = "A change of which versions serve the model's traffic.")
record DeploymentRequest(
    @Schema(example = "{\"v3\": 0.9, \"v4\": 0.1}", requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Double> traffic,
    @Schema(example = "alice@example.com", requiredMode = Schema.RequiredMode.REQUIRED)
        String actor,
    @Schema(example = "canary for v4") String reason,
    @Schema(type = "string", format = "date-time", example = "2026-11-02T10:00:00Z")
        String effectiveAt) {

  /** The instants a deployment may take effect at: those a record's timestamp may carry. */
  private static final Instant EARLIEST = Instant.EPOCH;

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

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
    if (effectiveAt != null) {
      instant(effectiveAt);
    }
  }

  Instant effectiveAtOr(Instant now) {
    return effectiveAt == null ? now : instant(effectiveAt);
  }

  private static Instant instant(String text) {
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "effective_at must be an ISO-8601 instant such as 2026-11-02T10:00:00Z, was '"
              + text
              + "'",
          e);
    }
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "effective_at must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z, was "
              + text);
    }
    return instant;
  }
}
