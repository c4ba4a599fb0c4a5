package io.vigil.tools.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * An incident: one model's problem, from the signal that opened it to its resolution.
 *
 * @param id the store's id, e.g. {@code inc-42}
 * @param model the affected model
 * @param state where it stands
 * @param trigger what opened it
 * @param openedAt when it was opened
 * @param updatedAt when its state last changed
 * @param title what was noticed, in a line
 */
public record Incident(
    String id,
    String model,
    IncidentState state,
    Trigger trigger,
    Instant openedAt,
    Instant updatedAt,
    String title) {

  public Incident {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(title, "title");
  }

  public Incident withState(IncidentState next, Instant at) {
    return new Incident(id, model, next, trigger, openedAt, at, title);
  }
}
