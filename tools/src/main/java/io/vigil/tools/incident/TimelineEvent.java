package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an incident's timeline.
 *
 * @param seq the store's order, increasing
 * @param incidentId the incident
 * @param at when
 * @param type what happened
 * @param actor who did it: {@code vigil-agent}, a token name, {@code local:<user>}
 * @param detail what happened, in a sentence
 */
public record TimelineEvent(
    long seq, String incidentId, Instant at, TimelineEventType type, String actor, String detail) {

  public TimelineEvent {
    Objects.requireNonNull(incidentId, "incidentId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(detail, "detail");
  }
}
