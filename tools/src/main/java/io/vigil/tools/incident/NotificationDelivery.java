package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One notification sent (or given up on) for an incident, as recorded in its history.
 *
 * @param incidentId the incident it was about
 * @param channel the configured channel's name, e.g. {@code oncall-pagerduty}
 * @param format the payload's format: {@code json}, {@code slack}, {@code pagerduty}
 * @param event which moment of the incident
 * @param attempts how many requests were made
 * @param status how it ended
 * @param httpStatus the last HTTP status received, if any
 * @param at when it ended
 * @param detail what happened, e.g. the last error; never a secret or a full URL with its token
 */
public record NotificationDelivery(
    String incidentId,
    String channel,
    String format,
    NotificationEvent event,
    int attempts,
    DeliveryStatus status,
    OptionalInt httpStatus,
    Instant at,
    String detail) {

  public NotificationDelivery {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(event, "event");
    if (attempts < 1) {
      throw new IllegalArgumentException("a delivery makes at least one attempt: " + attempts);
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(httpStatus, "httpStatus");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(detail, "detail");
  }
}
